import { describe, expect, it } from 'vitest';
import { strategicMerge } from './strategic-merge.js';

const pod = {
  metadata: { labels: { app: 'web' }, finalizers: ['a'] },
  spec: {
    containers: [
      { name: 'web', image: 'nginx:1', ports: [{ containerPort: 80, name: 'http' }] },
      { name: 'sidecar', image: 'envoy:1' },
    ],
    tolerations: [{ key: 'x', operator: 'Exists' }],
  },
};

describe('strategic merge patch', () => {
  it('merges containers by name and container ports by containerPort', () => {
    const out = strategicMerge(
      pod,
      { spec: { containers: [{ name: 'web', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } },
      'Pod',
    ) as typeof pod;
    expect(out.spec.containers).toEqual([
      {
        name: 'web',
        image: 'nginx:1',
        ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }],
      },
      { name: 'sidecar', image: 'envoy:1' },
    ]);
  });

  it('honours $setElementOrder, $patch: delete and strips directives', () => {
    const out = strategicMerge(
      pod,
      {
        spec: {
          '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'web' }],
          containers: [{ name: 'web', image: 'nginx:2' }],
        },
      },
      'Pod',
    ) as typeof pod;
    expect(out.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual([
      'sidecar=envoy:1',
      'web=nginx:2',
    ]);
    expect(Object.keys(out.spec).some((k) => k.startsWith('$'))).toBe(false);
    const deleted = strategicMerge(
      pod,
      { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } },
      'Pod',
    ) as typeof pod;
    expect(deleted.spec.containers.map((c) => c.name)).toEqual(['web']);
  });

  it('replaces lists without a merge key, merges primitive sets, deletes with null', () => {
    const out = strategicMerge(
      pod,
      {
        metadata: { labels: { app: null, v: '2' }, finalizers: ['b'] },
        spec: { tolerations: [{ key: 'y', operator: 'Exists' }] },
      },
      'Pod',
    ) as typeof pod;
    expect(out.metadata.labels).toEqual({ v: '2' });
    expect(out.metadata.finalizers).toEqual(['a', 'b']);
    expect(out.spec.tolerations).toEqual([{ key: 'y', operator: 'Exists' }]);
  });

  it('merges Service ports by port, but only in Services', () => {
    const svc = {
      spec: {
        ports: [
          { name: 'http', port: 80, targetPort: 8080 },
          { name: 'https', port: 443 },
        ],
      },
    };
    const out = strategicMerge(
      svc,
      { spec: { ports: [{ port: 80, targetPort: 9090 }] } },
      'Service',
    ) as typeof svc;
    expect(out.spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 9090 },
      { name: 'https', port: 443 },
    ]);
    const policy = { spec: { ports: [{ port: 80 }, { port: 443 }] } };
    expect(
      (
        strategicMerge(
          policy,
          { spec: { ports: [{ port: 8080 }] } },
          'NetworkPolicy',
        ) as typeof policy
      ).spec.ports,
    ).toEqual([{ port: 8080 }]);
  });
});
