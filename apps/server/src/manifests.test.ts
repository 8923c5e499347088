import { describe, expect, it } from 'vitest';
import { parseManifestText } from './manifests.js';

describe('manifest parsing', () => {
  it('gives each document of a multi-document file its line', () => {
    const r = parseManifestText(
      '# c\napiVersion: v1\nkind: Service\nmetadata: { name: a }\n---\n\napiVersion: v1\nkind: Pod\nmetadata: { name: b }\n',
      'x.yaml',
    );
    expect(r.objects.map((o) => [o.object.kind, o.source.line])).toEqual([
      ['Service', 2],
      ['Pod', 7],
    ]);
  });
  it('unwraps kubectl get -o yaml lists whose items have no kind', () => {
    const r = parseManifestText(
      'apiVersion: v1\nkind: ServiceList\nitems:\n- metadata: { name: a }\n- metadata: { name: b }\n',
      'l.yaml',
    );
    expect(r.objects.map((o) => [o.object.kind, o.object.apiVersion])).toEqual([
      ['Service', 'v1'],
      ['Service', 'v1'],
    ]);
  });
  it('reports a YAML syntax error with its line and keeps the other documents', () => {
    const r = parseManifestText(
      'kind: Service\nmetadata: { name: ok }\n---\nkind: Pod\nmetadata: [ unclosed\n',
      'bad.yaml',
    );
    expect(r.objects).toHaveLength(1);
    expect(r.problems[0]?.source.file).toBe('bad.yaml');
    // The parser notices the unclosed flow sequence where the input ends.
    expect(r.problems[0]?.source.line).toBeGreaterThanOrEqual(5);
    expect(r.problems[0]?.message).toMatch(/^not valid YAML/);
  });
  it('reads JSON files', () => {
    const r = parseManifestText(
      '{"kind":"List","items":[{"kind":"Service","metadata":{"name":"a"}}]}',
      'x.json',
    );
    expect(r.objects[0]?.object.kind).toBe('Service');
  });
});
