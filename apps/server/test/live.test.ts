/**
 * The whole data path against a real simulated cluster over HTTP:
 * sim-cluster -> kubeconfig -> client-node informers -> engine -> routes and
 * the SSE stream. No part is faked.
 */
import type { Graph, GraphNode } from '@portolan/topology';
import { portMappingText } from '@portolan/topology';
import { startSimCluster, type SimCluster } from '@portolan/sim-cluster';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { ClusterSource } from '../src/source.js';
import { until } from './net.js';
import { openStream } from './share-helpers.js';

const quiet = { info: () => {}, warn: () => {}, error: (m: string) => console.error(m) };
let sim: SimCluster;
let app: FastifyInstance;
let base: string;
let source: ClusterSource;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portolan-live-'));
  sim = await startSimCluster({
    scenario: 'demo',
    port: 0,
    kubeconfigPath: join(dir, 'kubeconfig.yaml'),
    readyDelayMs: 50,
    // Plain HTTP (the simulator's default is TLS): this file writes pods with fetch.
    tls: false,
  });
  const config = resolveKubeconfig({ file: join(dir, 'kubeconfig.yaml'), env: {} });
  source = new ClusterSource(config, true, quiet);
  app = await buildApp({ source, webDir: join(dir, 'no-web') });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  source.start();
  await until('healthz 200', async () =>
    (await fetch(`${base}/healthz`)).status === 200 ? true : undefined,
  );
}, 30_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function graph(): Promise<Graph> {
  return (await (await fetch(`${base}/api/topology`)).json()) as Graph;
}

async function createPod(
  ns: string,
  name: string,
  labels: Record<string, string>,
): Promise<number> {
  const res = await fetch(`${sim.url}/api/v1/namespaces/${ns}/pods`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, labels },
      spec: {
        containers: [
          { name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] },
        ],
      },
    }),
  });
  return res.status;
}

describe('portolan on the simulated demo cluster', () => {
  it('reports every kind synced on /healthz and names the source without credentials', async () => {
    const health = (await (await fetch(`${base}/healthz`)).json()) as {
      ok: boolean;
      kinds: { state: string }[];
    };
    expect(health.ok).toBe(true);
    expect(health.kinds.map((k) => k.state)).toEqual(Array(8).fill('synced'));
    const status = await (await fetch(`${base}/api/status`)).text();
    expect(status).toContain(sim.url);
    expect(status).not.toMatch(/token|password|client-key/i);
  });

  it('draws the frontend chain external -> LoadBalancer -> NodePort -> Service -> pods with ports on every hop', async () => {
    const g = await until('the frontend pods to be ready', async () => {
      const g = await graph();
      const svc = g.nodes.find((n) => n.kind === 'service' && n.name === 'frontend');
      return svc && svc.kind === 'service' && svc.endpointCounts.ready > 0 ? g : undefined;
    });
    const svc = g.nodes.find((n) => n.kind === 'service' && n.name === 'frontend') as GraphNode;
    const ns = svc.namespace as string;
    const hop = (s: string, t: string) => {
      const e = g.edges.find((x) => x.source === s && x.target === t);
      expect(e, `edge ${s} -> ${t}`).toBeDefined();
      expect(e?.ports.length).toBeGreaterThan(0);
      return e?.ports.map((m) => portMappingText(m, e.kind)) ?? [];
    };
    const lb = g.nodes.find((n) => n.id === `lb:${ns}/frontend`);
    expect(lb).toMatchObject({ kind: 'loadbalancer', pending: false });
    const np = g.nodes.find((n) => n.id === `np:${ns}/frontend`);
    expect(np?.kind).toBe('nodeport');
    const nodePort = np?.kind === 'nodeport' ? np.ports[0]?.nodePort : undefined;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(hop('external:clients', `lb:${ns}/frontend`)[0]).toMatch(/^\d+\/TCP$/);
    expect(hop(`lb:${ns}/frontend`, `np:${ns}/frontend`)[0]).toMatch(
      new RegExp(`^\\d+ -> ${nodePort}/TCP$`),
    );
    expect(hop(`np:${ns}/frontend`, `svc:${ns}/frontend`)[0]).toMatch(
      new RegExp(`^${nodePort} -> \\d+/TCP$`),
    );
    const podEdges = g.edges.filter(
      (e) => e.source === `svc:${ns}/frontend` && e.target.startsWith('pod:'),
    );
    expect(podEdges.length).toBeGreaterThan(0);
    for (const e of podEdges)
      expect(e.ports.map((m) => portMappingText(m, e.kind))[0]).toMatch(/^\d+ -> \d+\/TCP$/);
  });

  it('streams a snapshot, then a delta when a pod the frontend selects is created', async () => {
    const g0 = await graph();
    const svc = g0.nodes.find((n) => n.kind === 'service' && n.name === 'frontend');
    const ns = svc?.namespace as string;
    const selector = svc?.kind === 'service' ? (svc.selector ?? {}) : {};
    const stream = openStream(base, {});
    const { messages, req } = stream;
    try {
      await until('a snapshot', () => (messages[0]?.type === 'snapshot' ? true : undefined));
      const res = await fetch(`${sim.url}/api/v1/namespaces/${ns}/pods`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'frontend-extra', labels: selector },
          spec: {
            containers: [
              { name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] },
            ],
          },
        }),
      });
      expect(res.status).toBe(201);
      await until('a delta adding the pod and its endpoint edge', () =>
        messages.some(
          (m) =>
            m.type === 'delta' &&
            m.delta.upsertEdges.some(
              (e) => e.source === `svc:${ns}/frontend` && e.target === `pod:${ns}/frontend-extra`,
            ),
        )
          ? true
          : undefined,
      );
      const deltas = messages.filter((m) => m.type === 'delta');
      for (let i = 1; i < deltas.length; i++) {
        const [a, b] = [deltas[i - 1], deltas[i]];
        if (a?.type === 'delta' && b?.type === 'delta')
          expect(b.delta.fromRevision).toBe(a.delta.revision);
      }
    } finally {
      req.destroy();
    }
  });

  it('resumes after the cluster closes every watch, and misses nothing', async () => {
    const restartsBefore = Object.values(source.counters()).reduce((n, c) => n + c.restarts, 0);
    sim.closeWatches();
    expect(await createPod('shop', 'after-close', { app: 'frontend' })).toBe(201);
    await until('the pod created after the watches closed', async () =>
      (await graph()).edges.some(
        (e) => e.id === 'svc:shop/frontend->pod:shop/after-close' && e.state === 'ready',
      )
        ? true
        : undefined,
    );
    const restartsAfter = Object.values(source.counters()).reduce((n, c) => n + c.restarts, 0);
    // A clean close is resumed from the last resourceVersion, not treated as an error.
    expect(restartsAfter).toBe(restartsBefore);
    expect(source.synced()).toBe(true);
  });

  it('answers connectivity queries with the rule that decided', async () => {
    const q = async (query: string) => {
      const res = await fetch(`${base}/api/connectivity?${query}`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const allowed = await q('from=shop/frontend-1&to=shop/backend-1&port=8080');
    expect(allowed.body).toMatchObject({ verdict: 'allowed' });
    expect(allowed.body.text).toContain('allowed by shop/backend-allow-frontend ingress[0]');
    const denied = await q(
      'from=ingress-nginx/ingress-nginx-controller-1&to=pod:shop/backend-1&port=8080&protocol=tcp',
    );
    expect(denied.body).toMatchObject({ verdict: 'denied' });
    expect(denied.body.text).toContain(
      'isolated by shop/backend-allow-frontend and no rule allows this traffic',
    );
    const reach = await q('pod=shop/backend-1');
    expect(reach.body).toMatchObject({
      isolation: { ingress: ['shop/backend-allow-frontend'], egress: [] },
    });
    const inbound = reach.body.inbound as { peer: string; allowed: string[]; denied: string[] }[];
    const fromFrontend = inbound.filter((r) => r.peer.startsWith('shop/frontend'));
    expect(fromFrontend.length).toBeGreaterThan(0);
    for (const r of fromFrontend) expect(r).toMatchObject({ allowed: ['8080/TCP'], denied: [] });
    expect(inbound.find((r) => r.peer.startsWith('shop/admin'))).toMatchObject({
      allowed: [],
      denied: ['8080/TCP'],
    });
    expect((await q('from=shop/nope&to=shop/backend-1&port=1')).body).toEqual({
      error: 'pod shop/nope does not exist.',
    });
    expect((await q('from=shop/frontend-1&to=shop/backend-1&port=99999')).status).toBe(400);
  });
});
