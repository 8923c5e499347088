import { afterEach, describe, expect, it } from 'vitest';
import { api, openWatch, startTestCluster } from '../test/helpers.js';
import type { SimCluster } from './index.js';

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'x' } },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

describe('fault injection', () => {
  let sim: SimCluster;
  afterEach(() => sim.close());

  it('fails the next N lists with 500, over HTTP at /sim/faults', async () => {
    sim = await startTestCluster();
    const set = await api(sim, 'POST', '/sim/faults', { failLists: 2 });
    expect(set.body).toMatchObject({ failLists: 2 });
    expect((await api(sim, 'GET', '/api/v1/pods')).status).toBe(500);
    expect((await api(sim, 'GET', '/api/v1/services')).status).toBe(500);
    expect((await api(sim, 'GET', '/api/v1/pods')).status).toBe(200);
    expect((await api(sim, 'GET', '/sim/faults')).body).toMatchObject({ failLists: 0 });
  });

  it('closes watches, stalls and releases them, drops a kind, and forces 410', async () => {
    sim = await startTestCluster();
    const rv = sim.resourceVersion();
    let w = await openWatch(sim, `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${rv}`);
    await sim.faults.apply({ stallWatches: true });
    sim.create(pod('a'));
    await new Promise((r) => setTimeout(r, 100));
    expect(w.events).toHaveLength(0);
    await sim.faults.apply({ stallWatches: false });
    expect((await w.waitFor(1))[0]?.object.metadata.name).toBe('a');
    await sim.faults.apply({ dropWatchEvents: ['pods'] });
    sim.create(pod('b'));
    await new Promise((r) => setTimeout(r, 100));
    expect(w.events.map((e) => e.object.metadata.name)).not.toContain('b');
    await sim.faults.apply({ reset: true, closeWatches: true });
    await w.ended;
    await sim.faults.apply({ expireHistory: true });
    w = await openWatch(sim, `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${rv}`);
    const [err] = await w.waitFor(1);
    expect(err?.type).toBe('ERROR');
    expect(err?.object.code).toBe(410);
    w.close();
  });

  it('expireBefore N: watches positioned before N get a 410 ERROR event and end; newer ones stay', async () => {
    sim = await startTestCluster();
    const old = sim.resourceVersion();
    const stale = await openWatch(
      sim,
      `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${old}`,
    );
    sim.create({ ...pod('x'), metadata: { ...pod('x').metadata, namespace: 'kube-system' } });
    const n = sim.resourceVersion();
    const fresh = await openWatch(
      sim,
      `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${n}`,
    );
    const bad = await api(sim, 'POST', '/sim/faults', { expireBefore: 'soon' });
    expect(bad.status).toBe(400);
    expect((await api(sim, 'POST', '/sim/faults', { expireBefore: String(n) })).status).toBe(200);
    const [err] = await stale.waitFor(1);
    expect(err).toMatchObject({
      type: 'ERROR',
      object: { code: 410, reason: 'Expired', message: `too old resource version: ${old} (${n})` },
    });
    await stale.ended;
    // Resuming from before N is refused; from N it works.
    const again = await openWatch(
      sim,
      `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${old}`,
    );
    expect((await again.waitFor(1))[0]?.object.code).toBe(410);
    sim.create(pod('y'));
    expect((await fresh.waitFor(1))[0]).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'y' } },
    });
    fresh.close();
  });

  it('stallOpenWatches: the open watches hang, a new one works, stallWatches: false releases', async () => {
    sim = await startTestCluster();
    const rv = sim.resourceVersion();
    const path = `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${rv}`;
    const hung = await openWatch(sim, path);
    await sim.faults.apply({ stallOpenWatches: true });
    const fresh = await openWatch(sim, path);
    sim.create(pod('a'));
    expect((await fresh.waitFor(1))[0]?.object.metadata.name).toBe('a');
    await new Promise((r) => setTimeout(r, 100));
    expect(hung.events).toHaveLength(0);
    await sim.faults.apply({ stallWatches: false });
    expect((await hung.waitFor(1))[0]?.object.metadata.name).toBe('a');
    hung.close();
    fresh.close();
  });

  it('restarts on the same port keeping the data', async () => {
    sim = await startTestCluster();
    sim.create(pod('kept'));
    await sim.idle();
    const watch = await fetch(`${sim.url}/api/v1/pods?watch=1`);
    const drained = watch.text();
    await sim.faults.restart();
    expect(await drained).toContain('"kept"');
    const res = await fetch(`${sim.url}/api/v1/namespaces/default/pods`);
    const list = (await res.json()) as { items: { metadata: { name: string } }[] };
    expect(list.items.map((p) => p.metadata.name)).toEqual(['kept']);
  });

  it('denies a restricted user with a 403 Status like the real authorizer', async () => {
    sim = await startTestCluster({
      users: [
        {
          name: 'viewer',
          token: 'viewer-token',
          deny: [
            { resource: 'secrets' },
            { resource: 'networkpolicies.networking.k8s.io', verbs: ['list', 'watch'] },
          ],
        },
      ],
    });
    expect(sim.kubeconfig).toContain('portolan-sim-viewer');
    const auth = { Authorization: 'Bearer viewer-token' };
    const denied = await api(sim, 'GET', '/api/v1/secrets', undefined, auth);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe(
      'secrets is forbidden: User "viewer" cannot list resource "secrets" in API group "" at the cluster scope',
    );
    const np = await api(
      sim,
      'GET',
      '/apis/networking.k8s.io/v1/namespaces/default/networkpolicies',
      undefined,
      auth,
    );
    expect(np.body.message).toBe(
      'networkpolicies.networking.k8s.io is forbidden: User "viewer" cannot list resource "networkpolicies" in API group "networking.k8s.io" in the namespace "default"',
    );
    expect((await api(sim, 'GET', '/api/v1/pods', undefined, auth)).status).toBe(200);
  });
});
