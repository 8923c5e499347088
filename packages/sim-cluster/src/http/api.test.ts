import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, pod as basePod, service, startTestCluster } from '../../test/helpers.js';
import type { SimCluster } from '../index.js';

interface List {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: {
    kind: string;
    apiVersion: string;
    metadata: {
      name: string;
      namespace?: string;
      uid: string;
      resourceVersion: string;
      creationTimestamp: string;
    };
  }[];
}

const pod = (
  name: string,
  labels: Record<string, string>,
  ports: { name?: string; containerPort: number }[] = [],
) => basePod(name, labels, ports, { namespace: 'team' });

describe('REST verbs over HTTP', () => {
  let sim: SimCluster;
  beforeAll(async () => {
    sim = await startTestCluster();
    await api(sim, 'POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team' },
    });
  });
  afterAll(() => sim.close());

  it('creates, gets, lists and deletes a pod, with server-set identity fields', async () => {
    const created = await api(sim, 'POST', '/api/v1/namespaces/team/pods', pod('p1', { app: 'x' }));
    expect(created.status).toBe(201);
    const meta = created.body.metadata as Record<string, string>;
    expect(meta.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(meta.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Number(meta.resourceVersion)).toBeGreaterThan(0);
    expect(meta.namespace).toBe('team');

    const got = await api(sim, 'GET', '/api/v1/namespaces/team/pods/p1');
    expect(got.status).toBe(200);
    expect((got.body.metadata as Record<string, string>).uid).toBe(meta.uid);

    const list = await api<List>(sim, 'GET', '/api/v1/namespaces/team/pods');
    expect(list.body.kind).toBe('PodList');
    expect(list.body.apiVersion).toBe('v1');
    expect(Number(list.body.metadata.resourceVersion)).toBeGreaterThanOrEqual(
      Number(meta.resourceVersion),
    );
    expect(list.body.items.map((i) => [i.kind, i.apiVersion, i.metadata.name])).toEqual([
      ['Pod', 'v1', 'p1'],
    ]);

    const all = await api<List>(sim, 'GET', '/api/v1/pods');
    expect(
      all.body.items.some((i) => i.metadata.namespace === 'team' && i.metadata.name === 'p1'),
    ).toBe(true);

    const deleted = await api(
      sim,
      'DELETE',
      '/api/v1/namespaces/team/pods/p1?gracePeriodSeconds=0',
    );
    expect(deleted.status).toBe(200);
    expect((deleted.body.metadata as Record<string, string>).name).toBe('p1');
    expect((await api(sim, 'GET', '/api/v1/namespaces/team/pods/p1')).status).toBe(404);
  });

  it('answers errors with Kubernetes Status objects', async () => {
    const missing = await api(sim, 'GET', '/api/v1/namespaces/team/pods/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
      message: 'pods "nope" not found',
    });

    await api(sim, 'POST', '/api/v1/namespaces/team/pods', pod('dup', {}));
    const dup = await api(sim, 'POST', '/api/v1/namespaces/team/pods', pod('dup', {}));
    expect(dup.body).toMatchObject({ kind: 'Status', reason: 'AlreadyExists', code: 409 });

    const noNs = await api(
      sim,
      'POST',
      '/api/v1/namespaces/ghost/pods',
      basePod('p', {}, [], { namespace: 'ghost' }),
    );
    const wrongNs = await api(sim, 'POST', '/api/v1/namespaces/team/pods', basePod('p', {}));
    expect(wrongNs.body).toMatchObject({ reason: 'BadRequest', code: 400 });
    expect(noNs.body).toMatchObject({
      reason: 'NotFound',
      code: 404,
      message: 'namespaces "ghost" not found',
    });

    const bad = await api(
      sim,
      'POST',
      '/api/v1/namespaces/team/services',
      service('Bad_Name', { type: 'clusterIP', ports: [{ port: 80 }] }, 'team'),
    );
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({
      kind: 'Status',
      reason: 'Invalid',
      code: 422,
      details: { name: 'Bad_Name', kind: 'Service' },
    });
    const causes = (bad.body.details as { causes: { field: string; reason: string }[] }).causes;
    expect(causes).toContainEqual(
      expect.objectContaining({ field: 'metadata.name', reason: 'FieldValueInvalid' }),
    );
    expect(causes).toContainEqual(
      expect.objectContaining({ field: 'spec.type', reason: 'FieldValueNotSupported' }),
    );

    const deleteMissing = await api(
      sim,
      'DELETE',
      '/apis/networking.k8s.io/v1/namespaces/team/ingresses/nope',
    );
    expect(deleteMissing.body).toMatchObject({
      reason: 'NotFound',
      code: 404,
      message: 'ingresses.networking.k8s.io "nope" not found',
    });

    expect((await api(sim, 'GET', '/api/v1/nothing')).body).toMatchObject({
      kind: 'Status',
      code: 404,
    });
  });

  it('refuses unknown top-level fields under fieldValidation=Strict and drops them with a warning otherwise', async () => {
    const misplaced = {
      ...service('seed', { type: 'NodePort', ports: [{ port: 80 }] }, 'team'),
      selector: { app: 'myapp' },
    };
    const strict = await api(
      sim,
      'POST',
      '/api/v1/namespaces/team/services?fieldValidation=Strict',
      misplaced,
    );
    expect(strict.status).toBe(400);
    expect(strict.body.message).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "selector"',
    );
    const warn = await api(sim, 'POST', '/api/v1/namespaces/team/services', misplaced);
    expect(warn.status).toBe(201);
    expect(String(warn.headers.warning)).toContain('unknown field \\"selector\\"');
    expect(warn.body.selector).toBeUndefined();
  });

  it('replaces with PUT, conflicts on a stale resourceVersion, and keeps status', async () => {
    const created = await api(
      sim,
      'POST',
      '/api/v1/namespaces/team/services',
      service('put-me', { ports: [{ port: 80 }] }, 'team'),
    );
    const body = created.body as {
      metadata: { resourceVersion: string; labels?: Record<string, string> };
      spec: { clusterIP: string };
    };
    body.metadata.labels = { edited: 'yes' };
    const replaced = await api(sim, 'PUT', '/api/v1/namespaces/team/services/put-me', body);
    expect(replaced.status).toBe(200);
    expect((replaced.body.spec as { clusterIP: string }).clusterIP).toBe(body.spec.clusterIP);
    const stale = await api(sim, 'PUT', '/api/v1/namespaces/team/services/put-me', body);
    expect(stale.body).toMatchObject({ reason: 'Conflict', code: 409 });
    const unchanged = await api(
      sim,
      'PUT',
      '/api/v1/namespaces/team/services/put-me',
      replaced.body,
    );
    expect((unchanged.body.metadata as { resourceVersion: string }).resourceVersion).toBe(
      (replaced.body.metadata as { resourceVersion: string }).resourceVersion,
    );
  });

  it('patches labels with merge and strategic merge patches', async () => {
    await api(
      sim,
      'POST',
      '/api/v1/namespaces/team/pods',
      pod('patched', { a: '1' }, [{ name: 'http', containerPort: 80 }]),
    );
    const merge = await api(
      sim,
      'PATCH',
      '/api/v1/namespaces/team/pods/patched',
      { metadata: { labels: { b: '2' } } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    expect((merge.body.metadata as { labels: Record<string, string> }).labels).toEqual({
      a: '1',
      b: '2',
    });
    const smp = await api(
      sim,
      'PATCH',
      '/api/v1/namespaces/team/pods/patched',
      {
        spec: {
          '$setElementOrder/containers': [{ name: 'main' }],
          containers: [{ name: 'main', image: 'example/app:2' }],
        },
      },
      { 'Content-Type': 'application/strategic-merge-patch+json' },
    );
    const containers = (smp.body.spec as { containers: { image: string; ports: unknown[] }[] })
      .containers;
    expect(containers).toHaveLength(1);
    expect(containers[0]?.image).toBe('example/app:2');
    expect(containers[0]?.ports).toHaveLength(1);
    expect(Object.keys(smp.body.spec as object).filter((k) => k.startsWith('$'))).toEqual([]);
    const json = await api(
      sim,
      'PATCH',
      '/api/v1/namespaces/team/pods/patched',
      [{ op: 'add', path: '/metadata/labels/tier', value: 'web' }],
      { 'Content-Type': 'application/json-patch+json' },
    );
    expect(json.status).toBe(200);
    expect((json.body.metadata as { labels: Record<string, string> }).labels.tier).toBe('web');
    const other = await api(
      sim,
      'PATCH',
      '/api/v1/namespaces/team/pods/patched',
      {},
      {
        'Content-Type': 'application/xml',
      },
    );
    expect(other.status).toBe(415);
  });

  it('deletes a namespace with its contents and refuses to delete default', async () => {
    await api(sim, 'POST', '/api/v1/namespaces', { metadata: { name: 'doomed' } });
    await api(
      sim,
      'POST',
      '/api/v1/namespaces/doomed/services',
      service('s', { ports: [{ port: 80 }] }, 'doomed'),
    );
    const res = await api(sim, 'DELETE', '/api/v1/namespaces/doomed');
    expect((res.body.status as { phase: string }).phase).toBe('Terminating');
    await sim.idle();
    expect((await api(sim, 'GET', '/api/v1/namespaces/doomed')).status).toBe(404);
    expect((await api(sim, 'GET', '/api/v1/namespaces/doomed/services/s')).status).toBe(404);
    expect((await api(sim, 'DELETE', '/api/v1/namespaces/default')).body).toMatchObject({
      code: 403,
      reason: 'Forbidden',
    });
  });
});
