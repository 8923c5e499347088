import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, pod, startTestCluster } from '../test/helpers.js';
import type { SimCluster } from './index.js';
import type { ManagedFieldsEntry } from './managed-fields.js';

interface Obj {
  metadata: { resourceVersion: string; managedFields?: ManagedFieldsEntry[] };
}

describe('managedFields', () => {
  let sim: SimCluster;
  beforeAll(async () => {
    sim = await startTestCluster();
  });
  afterAll(() => sim.close());

  it('records who wrote what: the creator, the kubelet on status, server-side apply, and nothing for an unchanged write', async () => {
    const created = await api<Obj>(
      sim,
      'POST',
      '/api/v1/namespaces/default/pods?fieldManager=writer',
      pod('mf', { app: 'mf' }, [{ name: 'http', containerPort: 8080 }]),
    );
    expect(created.status).toBe(201);
    const [entry] = created.body.metadata.managedFields ?? [];
    expect(entry).toMatchObject({
      manager: 'writer',
      operation: 'Update',
      apiVersion: 'v1',
      fieldsType: 'FieldsV1',
    });
    expect(entry?.fieldsV1).toMatchObject({
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': {
        'f:containers': {
          'k:{"name":"main"}': { 'f:ports': { 'k:{"name":"http"}': { 'f:containerPort': {} } } },
        },
      },
    });
    await sim.idle();
    const running = (await api<Obj>(sim, 'GET', '/api/v1/namespaces/default/pods/mf')).body;
    expect(running.metadata.managedFields?.map((e) => [e.manager, e.subresource])).toEqual([
      ['writer', undefined],
      ['kube-scheduler', undefined],
      ['kubelet', 'status'],
    ]);
    // A PUT of the same object without managedFields changes nothing (no new resourceVersion).
    const { managedFields: _dropped, ...meta } = running.metadata;
    const same = await api<Obj>(sim, 'PUT', '/api/v1/namespaces/default/pods/mf', {
      ...running,
      metadata: meta,
    });
    expect(same.body.metadata.resourceVersion).toBe(running.metadata.resourceVersion);
    expect(same.body.metadata.managedFields).toEqual(running.metadata.managedFields);

    const applied = await api<Obj>(
      sim,
      'PATCH',
      '/api/v1/namespaces/default/configmaps/mf?fieldManager=applier',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'mf' }, data: { a: '1' } },
      { 'Content-Type': 'application/apply-patch+yaml' },
    );
    expect(applied.body.metadata.managedFields).toMatchObject([
      { manager: 'applier', operation: 'Apply', fieldsV1: { 'f:data': { 'f:a': {} } } },
    ]);
  });

  it('can be turned off (managedFields: false)', async () => {
    const lean = await startTestCluster({ managedFields: false });
    try {
      const created = await api<Obj>(lean, 'POST', '/api/v1/namespaces/default/pods', pod('x', {}));
      expect(created.body.metadata.managedFields).toBeUndefined();
    } finally {
      await lean.close();
    }
  });
});
