import { afterEach, describe, expect, it } from 'vitest';
import { api, openWatch, startTestCluster } from '../test/helpers.js';
import type { SimCluster, SimClusterOptions } from './index.js';

const ns = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});

describe('watch', () => {
  let sim: SimCluster;
  const start = async (opts: SimClusterOptions = {}) => (sim = await startTestCluster(opts));
  afterEach(() => sim.close());

  it('from a resourceVersion sends exactly the later events, in order', async () => {
    await start();
    await api(sim, 'POST', '/api/v1/namespaces', ns('before'));
    const rv = sim.resourceVersion();
    await api(sim, 'POST', '/api/v1/namespaces', ns('after-1'));
    const w = await openWatch(sim, `/api/v1/namespaces?watch=true&resourceVersion=${rv}`);
    const created = await api<{ metadata: { resourceVersion: string } }>(
      sim,
      'POST',
      '/api/v1/namespaces',
      ns('after-2'),
    );
    await api(sim, 'PUT', '/api/v1/namespaces/after-2', {
      ...created.body,
      metadata: { ...created.body.metadata, labels: { x: 'y' } },
    });
    await api(sim, 'DELETE', '/api/v1/namespaces/after-1');
    const events = await w.waitFor(5);
    w.close();
    // Deleting a namespace marks it Terminating (MODIFIED); the namespace controller then removes it.
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual([
      'ADDED after-1',
      'ADDED after-2',
      'MODIFIED after-2',
      'MODIFIED after-1',
      'DELETED after-1',
    ]);
    const versions = events.map((e) => Number(e.object.metadata.resourceVersion));
    expect(versions.every((v, i) => v > rv && (i === 0 || v > (versions[i - 1] as number)))).toBe(
      true,
    );
    expect(events[3]?.object.metadata).toHaveProperty('deletionTimestamp');
  });

  it('without a resourceVersion starts with ADDED for every existing object, then follows changes', async () => {
    await start();
    const w = await openWatch(sim, '/api/v1/nodes?watch=1');
    const initial = await w.waitFor(3);
    expect(initial.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED']);
    expect(initial[0]?.object.kind).toBe('Node');
    await api(sim, 'DELETE', '/api/v1/nodes/portolan-worker2');
    const all = await w.waitFor(4);
    w.close();
    expect(all[3]).toMatchObject({
      type: 'DELETED',
      object: { metadata: { name: 'portolan-worker2' } },
    });
  });

  it('answers a resourceVersion older than the history with a 410 Expired ERROR event', async () => {
    await start({ historySize: 5 });
    const old = sim.resourceVersion();
    for (let i = 0; i < 6; i++) await api(sim, 'POST', '/api/v1/namespaces', ns(`n${i}`));
    const w = await openWatch(sim, `/api/v1/namespaces?watch=true&resourceVersion=${old}`);
    await w.ended;
    expect(w.status).toBe(200);
    expect(w.events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({ kind: 'Status', code: 410, reason: 'Expired' }),
      },
    ]);
    // A recent version still resumes.
    const fresh = await openWatch(
      sim,
      `/api/v1/namespaces?watch=true&resourceVersion=${sim.resourceVersion() - 2}`,
    );
    const events = await fresh.waitFor(2);
    fresh.close();
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'ADDED']);
  });

  it('can answer an expired resourceVersion with HTTP 410 instead', async () => {
    await start({ historySize: 2, expiredWatchAs: 'status' });
    const old = sim.resourceVersion();
    for (let i = 0; i < 3; i++) await api(sim, 'POST', '/api/v1/namespaces', ns(`n${i}`));
    const res = await api(sim, 'GET', `/api/v1/namespaces?watch=true&resourceVersion=${old}`);
    expect(res.status).toBe(410);
    expect(res.body).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
  });

  it('sends bookmarks when allowed and ends at timeoutSeconds', async () => {
    await start({ bookmarkIntervalMs: 50 });
    const w = await openWatch(
      sim,
      `/api/v1/namespaces?watch=true&resourceVersion=${sim.resourceVersion()}&allowWatchBookmarks=true&timeoutSeconds=1`,
    );
    await w.ended;
    const bookmarks = w.events.filter((e) => e.type === 'BOOKMARK');
    expect(bookmarks.length).toBeGreaterThan(2);
    expect(bookmarks[0]?.object).toMatchObject({
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(sim.resourceVersion()) },
    });
    const plain = await openWatch(
      sim,
      `/api/v1/namespaces?watch=true&resourceVersion=${sim.resourceVersion()}&timeoutSeconds=0`,
    );
    await plain.ended;
    expect(plain.events).toEqual([]);
  });

  it('marks the end of initial events with sendInitialEvents', async () => {
    await start();
    const w = await openWatch(
      sim,
      '/api/v1/namespaces?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan',
    );
    const events = await w.waitFor(5);
    w.close();
    expect(events.slice(0, 4).map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED', 'ADDED']);
    expect(events[4]).toMatchObject({
      type: 'BOOKMARK',
      object: { metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } },
    });
  });

  it('with a label selector, objects entering and leaving the selection arrive as ADDED and DELETED', async () => {
    await start();
    const w = await openWatch(
      sim,
      `/api/v1/namespaces?watch=true&resourceVersion=${sim.resourceVersion()}&labelSelector=team%3Dblue`,
    );
    const a = await api<{ metadata: Record<string, unknown> }>(
      sim,
      'POST',
      '/api/v1/namespaces',
      ns('a', { team: 'red' }),
    );
    const b = await api<{ metadata: Record<string, unknown> }>(sim, 'PUT', '/api/v1/namespaces/a', {
      ...a.body,
      metadata: { ...a.body.metadata, labels: { team: 'blue' } },
    });
    const c = await api<{ metadata: Record<string, unknown> }>(sim, 'PUT', '/api/v1/namespaces/a', {
      ...b.body,
      metadata: { ...b.body.metadata, labels: { team: 'blue', x: '1' } },
    });
    await api(sim, 'PUT', '/api/v1/namespaces/a', {
      ...c.body,
      metadata: { ...c.body.metadata, labels: { team: 'green' } },
    });
    const events = await w.waitFor(3);
    w.close();
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('closeWatches ends every stream', async () => {
    await start();
    const w = await openWatch(sim, '/api/v1/pods?watch=true');
    sim.closeWatches();
    await w.ended;
  });
});
