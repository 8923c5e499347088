/**
 * Chaos: while the simulated cluster churns, inject 100 faults (closed
 * watches, expired history -> 410, failing lists, stalled watches, a server
 * restart). Afterwards the graph must equal what a fresh list gives, with
 * nothing missing and nothing stale, and reconnects must stay bounded.
 */
import { startSimCluster, type SimCluster } from '@portolan/sim-cluster';
import type { SlimObject } from '@portolan/topology';
import { buildGraph, slim } from '@portolan/topology';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { ClusterSource } from '../src/source.js';

const KINDS: [string, string][] = [
  ['v1', 'Namespace'],
  ['v1', 'Node'],
  ['v1', 'Pod'],
  ['v1', 'Service'],
  ['discovery.k8s.io/v1', 'EndpointSlice'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'IngressClass'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
];

// A workload-heavy cluster (12 Deployments) so churn scales, restarts and kills pods.
const BOUTIQUE = fileURLToPath(
  new URL(
    '../../../../shared/corpus/manifests/google-microservices-demo/release/kubernetes-manifests.yaml',
    import.meta.url,
  ),
);
let sim: SimCluster;
let source: ClusterSource;
const dir = mkdtempSync(join(tmpdir(), 'portolan-chaos-'));
afterAll(async () => {
  await source?.stop();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freshList(): SlimObject[] {
  return KINDS.flatMap(([apiVersion, kind]) =>
    sim.list(apiVersion, kind).map((o) => slim({ ...o, kind })),
  );
}

describe('resilience under faults', () => {
  it('ends with exactly the graph a fresh list gives, after 100 faults during churn', async () => {
    sim = await startSimCluster({
      scenario: BOUTIQUE,
      port: 0,
      kubeconfigPath: join(dir, 'kc.yaml'),
      readyDelayMs: 20,
      seed: 7,
    });
    const warnings: string[] = [];
    source = new ClusterSource(
      resolveKubeconfig({ file: join(dir, 'kc.yaml'), env: {} }),
      true,
      { info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
      {
        stallMs: 400,
        backoff: { initialMs: 20, maxMs: 400, forbiddenMs: 1000 },
      },
    );
    source.start();
    while (!source.synced()) await sleep(20);

    sim.churn.start({ rate: 40, seed: 3 });
    const random = (() => {
      let x = 12345;
      return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    })();
    const kinds = { closeWatches: 0, expireHistory: 0, failLists: 0, stall: 0, restart: 0 };
    for (let i = 0; i < 100; i++) {
      const r = random();
      if (i === 50) {
        await sim.faults.apply({ restart: true });
        kinds.restart++;
      } else if (r < 0.3) {
        await sim.faults.apply({ closeWatches: true });
        kinds.closeWatches++;
      } else if (r < 0.55) {
        await sim.faults.apply({ expireHistory: true, closeWatches: true });
        kinds.expireHistory++;
      } else if (r < 0.8) {
        await sim.faults.apply({ failLists: 2, closeWatches: true });
        kinds.failLists++;
      } else {
        await sim.faults.apply({ stallWatches: true });
        await sleep(500);
        await sim.faults.apply({ stallWatches: false });
        kinds.stall++;
      }
      await sleep(30 + random() * 60);
    }
    sim.churn.stop();
    await sim.faults.apply({ reset: true });
    await sim.idle();

    // Let every informer catch up, then compare with a fresh list of the cluster.
    const expected = () => ({ ...buildGraph(freshList()), revision: 0 });
    const actual = () => {
      source.hub.flush();
      return { ...source.hub.engine.graph(), revision: 0 };
    };
    const convergeStart = Date.now();
    const end = Date.now() + 20_000;
    while (
      Date.now() < end &&
      !(source.synced() && JSON.stringify(actual()) === JSON.stringify(expected()))
    )
      await sleep(100);
    const convergeMs = Date.now() - convergeStart;
    expect(source.synced()).toBe(true);
    const a = actual();
    const e = expected();
    expect(a.nodes.map((n) => n.id)).toEqual(e.nodes.map((n) => n.id));
    expect(a).toEqual(e);
    const changes = Object.values(sim.churn.stats().counts).reduce((n, c) => n + c, 0);
    const counts = sim.churn.stats().counts;
    expect(changes, JSON.stringify(counts)).toBeGreaterThan(50);
    expect(counts.scale + counts.killPod + counts.restart, JSON.stringify(counts)).toBeGreaterThan(
      20,
    );
    expect(kinds.restart).toBe(1);
    const restarts = Object.values(source.counters()).reduce((n, c) => n + c.restarts, 0);
    const relists = Object.values(source.counters()).reduce((n, c) => n + c.lists - 1, 0);
    console.log(
      `chaos: ${Object.values(kinds).reduce((n, k) => n + k, 0)} faults injected (${JSON.stringify(kinds)}), ` +
        `${changes} churn changes, ${restarts} informer reconnects after errors, ${relists} relists, ` +
        `converged ${convergeMs} ms after the last fault; graph ${a.nodes.length} nodes / ${a.edges.length} edges equals a fresh list's`,
    );
    // Each fault may cost every one of the 7 informers a reconnect or two; never a storm.
    expect(restarts).toBeLessThan(100 * 7 * 2);
    expect(
      Object.values(source.counters()).every((c) => c.malformed === 0 && c.handlerErrors === 0),
    ).toBe(true);
  }, 90_000);
});
