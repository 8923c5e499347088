/**
 * Each of the simulated cluster's faults, one test apiece, against the
 * server's informers: inject the fault, change the cluster while it lasts,
 * and the graph must end equal to what a fresh list of the cluster gives.
 * (chaos.test.ts mixes a hundred of them during churn; this file shows that
 * each alone is survived, and how.)
 *
 * Every test gets its own simulated cluster (demo scenario plus a
 * Deployment, over TLS) and its own ClusterSource. The server restarts a watch
 * silent for `stallMs`; the simulator sends bookmarks every 200 ms so healthy
 * watches are never silent, except in the dropped-events test, which turns
 * bookmarks down to show how a silently lossy watch is healed.
 */
import { startSimCluster, type SimCluster, type FaultRequest } from '@portolan/sim-cluster';
import type { SlimObject } from '@portolan/topology';
import { buildGraph, slim } from '@portolan/topology';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KIND_PATHS } from '../src/informers.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { ClusterSource } from '../src/source.js';

// Every kind the server watches, as [apiVersion, kind], from the paths it lists.
const KINDS: [string, string][] = Object.entries(KIND_PATHS).map(([kind, path]) => [
  path.startsWith('/api/') ? (path.split('/')[2] ?? '') : path.split('/').slice(2, 4).join('/'),
  kind,
]);
const STALL_MS = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Rig {
  sim: SimCluster;
  source: ClusterSource;
  logs: string[];
  dir: string;
}
let rig: Rig | undefined;

afterEach(async () => {
  if (!rig) return;
  await rig.source.stop();
  await rig.sim.close();
  rmSync(rig.dir, { recursive: true, force: true });
  rig = undefined;
});

const DEPLOYMENT = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'frontend', tier: 'web' } },
    template: {
      metadata: { labels: { app: 'frontend', tier: 'web' } },
      spec: {
        containers: [
          { name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] },
        ],
      },
    },
  },
};

async function start(bookmarkIntervalMs = 200, relistMs = 0): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-faults-'));
  const sim = await startSimCluster({
    scenario: 'demo',
    port: 0,
    kubeconfigPath: join(dir, 'kc.yaml'),
    readyDelayMs: 20,
    terminationDelayMs: 20,
    bookmarkIntervalMs,
  });
  sim.create(DEPLOYMENT);
  await sim.idle();
  const logs: string[] = [];
  const source = new ClusterSource(
    resolveKubeconfig({ file: join(dir, 'kc.yaml'), env: {} }),
    true,
    { info() {}, warn: (m) => logs.push(m), error: (m) => logs.push(m) },
    {
      stallMs: STALL_MS,
      backoff: { initialMs: 20, maxMs: 400, forbiddenMs: 1000 },
      relistMs,
    },
  );
  source.start();
  const end = Date.now() + 20_000;
  while (!source.synced()) {
    if (Date.now() > end)
      throw new Error(
        `the informers did not sync:\n${source.readableReport().join('\n')}\n${logs.slice(0, 5).join('\n')}`,
      );
    await sleep(20);
  }
  rig = { sim, source, logs, dir };
  return rig;
}

/** Changes every kind of graph input: pods come and go, a Deployment scales, a Service is edited. */
async function mutate(sim: SimCluster, round: number): Promise<void> {
  const d = sim.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' });
  if (d) sim.replace({ ...d, spec: { ...(d.spec as object), replicas: 1 + (round % 4) } });
  sim.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `extra-${round}`, namespace: 'shop', labels: { app: 'backend' } },
    spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080 }] }] },
  });
  const ref = { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: `extra-${round - 1}` };
  if (sim.get(ref)) sim.delete(ref, { gracePeriodSeconds: 0 });
  const svc = sim.get({ apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'backend' });
  if (svc)
    sim.replace({
      ...svc,
      metadata: { ...svc.metadata, labels: { ...svc.metadata.labels, round: String(round) } },
    });
  await sim.idle();
}

function freshList(sim: SimCluster): SlimObject[] {
  return KINDS.flatMap(([apiVersion, kind]) =>
    sim.list(apiVersion, kind).map((o) => slim({ ...o, kind })),
  );
}

/**
 * Wait (bounded) until the server is synced and its graph equals a fresh
 * list's, both seen at the same moment; then assert exactly that.
 */
async function converges({ sim, source }: Rig, ms = 20_000): Promise<void> {
  await sim.idle();
  const expected = () => ({ ...buildGraph(freshList(sim)), revision: 0 });
  const actual = () => {
    source.hub.flush();
    return { ...source.hub.engine.graph(), revision: 0 };
  };
  const end = Date.now() + ms;
  let seen = { synced: source.synced(), actual: actual(), expected: expected() };
  while (
    Date.now() < end &&
    !(seen.synced && JSON.stringify(seen.actual) === JSON.stringify(seen.expected))
  ) {
    await sleep(50);
    seen = { synced: source.synced(), actual: actual(), expected: expected() };
  }
  expect(seen.synced).toBe(true);
  expect(seen.actual).toEqual(seen.expected);
}

const total = (source: ClusterSource, what: 'lists' | 'restarts') =>
  Object.values(source.counters()).reduce((n, c) => n + c[what], 0);

async function fault(sim: SimCluster, request: FaultRequest): Promise<void> {
  await sim.faults.apply(request);
}

describe('each fault alone: the graph converges to a fresh list', () => {
  it('close all watches: informers resume from their resourceVersion, no relist, no error', async () => {
    const r = await start();
    const lists = total(r.source, 'lists');
    const restarts = total(r.source, 'restarts');
    for (let i = 1; i <= 3; i++) {
      await fault(r.sim, { closeWatches: true });
      await mutate(r.sim, i);
    }
    await converges(r);
    expect(total(r.source, 'lists')).toBe(lists);
    expect(total(r.source, 'restarts')).toBe(restarts);
  });

  it('force 410 for watches older than N: the watches left behind get an ERROR 410 mid-stream and relist', async () => {
    const r = await start();
    await sleep(300); // a bookmark round: every watch positioned at the current version
    const lists = total(r.source, 'lists');
    await mutate(r.sim, 1); // pods, slices, services move on; namespaces, nodes, ingresses stay behind
    await fault(r.sim, { expireBefore: r.sim.resourceVersion() });
    await mutate(r.sim, 2);
    await converges(r);
    expect(total(r.source, 'lists')).toBeGreaterThan(lists);
    expect(r.logs.join('\n')).not.toMatch(/malformed|handling a .* event failed/);
  });

  it('fail the next lists: a relist answered 500 is retried with backoff until it succeeds', async () => {
    const r = await start();
    const lists = total(r.source, 'lists');
    const restarts = total(r.source, 'restarts');
    // Changes, then at once (before the next bookmark) the history goes and the watches close:
    // informers behind the current version must relist, and the first lists fail.
    await mutate(r.sim, 1);
    await fault(r.sim, { failLists: 3, expireHistory: true, closeWatches: true });
    await mutate(r.sim, 2);
    await converges(r);
    expect(r.sim.faults.state().failLists).toBe(0);
    expect(total(r.source, 'lists') - lists).toBeGreaterThanOrEqual(4);
    expect(total(r.source, 'restarts') - restarts).toBeGreaterThanOrEqual(3);
    expect(r.logs.join('\n')).toContain('injected fault: list failed');
  });

  it('stall a watch (open, silent): the server notices after stallMs and reconnects, converging while the old one hangs', async () => {
    const r = await start();
    const restarts = total(r.source, 'restarts');
    await fault(r.sim, { stallOpenWatches: true });
    await mutate(r.sim, 1);
    await mutate(r.sim, 2);
    // The hung connections never deliver: only the server's stall detection can bring the changes.
    await converges(r);
    expect(r.logs.join('\n')).toContain('watch stalled: nothing received');
    expect(total(r.source, 'restarts')).toBeGreaterThan(restarts);
    await fault(r.sim, { stallWatches: false });
    await mutate(r.sim, 3);
    await converges(r);
  });

  it('delay every response: slower, and the same graph', async () => {
    const r = await start();
    await fault(r.sim, { delayMs: 300 });
    await fault(r.sim, { closeWatches: true }); // reconnections wait too
    await mutate(r.sim, 1);
    await converges(r);
    await fault(r.sim, { expireHistory: true, closeWatches: true }); // and relists
    await mutate(r.sim, 2);
    await converges(r);
    await fault(r.sim, { reset: true });
  });

  it('restart the server keeping its data: connections cut, same port, informers reconnect', async () => {
    const r = await start();
    const url = r.sim.url;
    const restart = r.sim.faults.restart();
    await mutate(r.sim, 1);
    await restart;
    await mutate(r.sim, 2);
    await converges(r);
    expect(r.sim.url).toBe(url);
  });

  it('drop a kind’s watch events without closing: the graph misses them while it lasts, then the silent watch is restarted from its last version and replays them', async () => {
    // Bookmarks only every minute: with pod and slice events dropped, those watches fall silent,
    // the server restarts them from the last version it saw, and the history replays what was lost.
    // (With frequent bookmarks the position would move past the lost events; only a relist
    // would bring them back.)
    const r = await start(60_000);
    await fault(r.sim, { dropWatchEvents: ['pods', 'endpointslices'] });
    await mutate(r.sim, 1);
    await mutate(r.sim, 2);
    await sleep(STALL_MS * 1.5);
    r.source.hub.flush();
    const ids = r.source.hub.engine.graph().nodes.map((n) => n.id);
    expect(ids).not.toContain('pod:shop/extra-2');
    expect(
      r.sim.get({ apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'extra-2' }),
    ).toBeDefined();
    await fault(r.sim, { reset: true });
    await converges(r);
    expect(r.logs.join('\n')).toMatch(/(Pod|EndpointSlice): .*watch stalled/);
    await mutate(r.sim, 3);
    await converges(r);
  });

  it('drop a kind’s watch events while bookmarks keep the watch talking: the periodic relist heals it', async () => {
    const r = await start(200, 1500);
    const lists = total(r.source, 'lists');
    await fault(r.sim, { dropWatchEvents: ['pods', 'endpointslices'] });
    await mutate(r.sim, 1);
    await mutate(r.sim, 2);
    // Still dropping: only a list can tell what is there.
    await converges(r);
    expect(total(r.source, 'lists')).toBeGreaterThan(lists);
    expect(r.logs.join('\n')).not.toMatch(/watch stalled/);
  });
});
