/**
 * Issue #3's walk-through, end to end with nothing faked: real kubectl
 * applies Online Boutique to the simulated cluster (over TLS, through the
 * kubeconfig it writes), the pods come up Running and Ready, the Services get
 * ClusterIPs, frontend-external a LoadBalancer IP, the EndpointSlices list
 * the ready pods; `kubectl scale deployment frontend --replicas=5` gives 5
 * ready endpoints within seconds. Portolan's server reads the same cluster
 * and its graph (GET /api/topology, and the SSE stream) follows each step.
 *
 * kubectl runs as an asynchronous child process: the simulator lives in this
 * process, so a synchronous exec would block the server kubectl talks to.
 */
import { startSimCluster, type SimCluster } from '@portolan/sim-cluster';
import type { Graph, GraphNode, StreamMessage } from '@portolan/topology';
import type { FastifyInstance } from 'fastify';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { ClusterSource } from '../src/source.js';
import { until } from './net.js';

const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));
const BOUTIQUE = fileURLToPath(
  new URL(
    '../../../../shared/corpus/manifests/google-microservices-demo/release/kubernetes-manifests.yaml',
    import.meta.url,
  ),
);
const HAVE = Boolean(KUBECTL) && existsSync(BOUTIQUE);
if (!HAVE)
  console.warn(
    `sim-boutique-live.test.ts: skipped (${KUBECTL ? `no corpus at ${BOUTIQUE}` : 'no kubectl installed'})`,
  );

const run = promisify(execFile);
const quiet = { info: () => {}, warn: () => {}, error: (m: string) => console.error(m) };
let sim: SimCluster;
let app: FastifyInstance;
let source: ClusterSource;
let base: string;
let dir: string;
let env: NodeJS.ProcessEnv;
const messages: StreamMessage[] = [];
let stream: ReturnType<typeof request> | undefined;

const kubectl = async (...args: string[]) =>
  (await run(KUBECTL as string, args, { env, timeout: 30_000 })).stdout;

async function graph(): Promise<Graph> {
  return (await (await fetch(`${base}/api/topology`)).json()) as Graph;
}

const node = (g: Graph, id: string): GraphNode | undefined => g.nodes.find((n) => n.id === id);

const DEPLOYMENTS = [
  'adservice',
  'cartservice',
  'checkoutservice',
  'currencyservice',
  'emailservice',
  'frontend',
  'loadgenerator',
  'paymentservice',
  'productcatalogservice',
  'recommendationservice',
  'redis-cart',
  'shippingservice',
];
const SERVICES = [
  'adservice',
  'cartservice',
  'checkoutservice',
  'currencyservice',
  'emailservice',
  'frontend',
  'frontend-external',
  'paymentservice',
  'productcatalogservice',
  'recommendationservice',
  'redis-cart',
  'shippingservice',
];

beforeAll(async () => {
  if (!HAVE) return;
  dir = mkdtempSync(join(tmpdir(), 'portolan-boutique-'));
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  // TLS (the default): kubectl and Portolan both verify the simulator's CA.
  sim = await startSimCluster({ scenario: 'empty', port: 0, kubeconfigPath: kubeconfig });
  env = { ...process.env, KUBECONFIG: kubeconfig, HOME: dir };
  source = new ClusterSource(resolveKubeconfig({ file: kubeconfig, env: {} }), true, quiet);
  app = await buildApp({ source, webDir: join(dir, 'no-web') });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  source.start();
  await until('portolan synced (healthz 200)', async () =>
    (await fetch(`${base}/healthz`)).status === 200 ? true : undefined,
  );
  stream = request(`${base}/api/stream`);
  stream.on('response', (res) => {
    let buf = '';
    res.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
        const data = buf
          .slice(0, i)
          .split('\n')
          .find((l) => l.startsWith('data: '));
        buf = buf.slice(i + 2);
        if (data) messages.push(JSON.parse(data.slice(6)) as StreamMessage);
      }
    });
  });
  stream.on('error', () => {});
  stream.end();
  await until('the stream snapshot', () => (messages[0]?.type === 'snapshot' ? true : undefined));
}, 60_000);

afterAll(async () => {
  stream?.destroy();
  await app?.close();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!HAVE)('kubectl applies Online Boutique; Portolan follows live', () => {
  it('kubectl apply -f creates every object', async () => {
    const out = await kubectl('apply', '-f', BOUTIQUE);
    for (const d of DEPLOYMENTS) expect(out).toContain(`deployment.apps/${d} created\n`);
    for (const s of SERVICES) expect(out).toContain(`service/${s} created\n`);
    expect(out).toContain('serviceaccount/frontend created\n');
    expect(
      sim
        .list('apps/v1', 'Deployment', 'default')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(DEPLOYMENTS);
  });

  it('pods Running and Ready, Services with ClusterIPs, frontend-external with a LoadBalancer IP, in kubectl and in the graph', async () => {
    const g = await until(
      'the graph to show 12 ready pods and the LoadBalancer address',
      async () => {
        const g = await graph();
        const pods = g.nodes.filter(
          (n) => n.kind === 'pod' && n.namespace === 'default' && n.phase === 'Running' && n.ready,
        );
        const lb = node(g, 'lb:default/frontend-external');
        return pods.length === 12 && lb?.kind === 'loadbalancer' && !lb.pending ? g : undefined;
      },
    );
    const lb = node(g, 'lb:default/frontend-external');
    const lbIp = lb?.kind === 'loadbalancer' ? lb.ingress[0]?.ip : undefined;
    expect(lbIp).toMatch(/^192\.0\.2\.\d+$/);
    for (const s of SERVICES) {
      const svc = node(g, `svc:default/${s}`);
      expect(svc?.kind, s).toBe('service');
      if (svc?.kind !== 'service') continue;
      expect(svc.clusterIPs[0], s).toMatch(/^10\.96\.\d+\.\d+$/);
      expect(svc.endpointCounts, s).toEqual({ ready: 1, notReady: 0, terminating: 0 });
    }
    // The external path: clients -> LoadBalancer -> NodePort -> Service -> the frontend pod.
    expect(g.edges.some((e) => e.source === 'external:clients' && e.target === lb?.id)).toBe(true);
    expect(
      g.edges.some(
        (e) =>
          e.source === 'np:default/frontend-external' &&
          e.target === 'svc:default/frontend-external',
      ),
    ).toBe(true);

    // What kubectl prints agrees.
    const pods = (await kubectl('get', 'pods', '-o', 'wide', '--no-headers')).trim().split('\n');
    expect(pods).toHaveLength(12);
    for (const line of pods)
      expect(line).toMatch(
        /^\S+\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+portolan-worker2?\s+<none>\s+<none>$/,
      );
    expect(await kubectl('get', 'svc', 'frontend-external', '--no-headers')).toMatch(
      new RegExp(
        `^frontend-external\\s+LoadBalancer\\s+10\\.96\\.\\d+\\.\\d+\\s+${lbIp?.replace(/\./g, '\\.')}\\s+80:\\d+/TCP\\s+\\S+\\n$`,
      ),
    );
    const slices = await kubectl(
      'get',
      'endpointslices',
      '-l',
      'kubernetes.io/service-name=frontend',
      '-o',
      'jsonpath={range .items[*].endpoints[*]}{.addresses[0]} {.conditions.ready}{"\\n"}{end}',
    );
    const frontendPod = g.nodes.find(
      (n) => n.kind === 'pod' && n.name?.startsWith('frontend-') && n.namespace === 'default',
    );
    expect(slices).toBe(`${frontendPod?.kind === 'pod' ? frontendPod.podIPs[0] : '?'} true\n`);
  });

  it('kubectl scale deployment frontend --replicas=5: 5 ready endpoints within seconds, in kubectl and the graph', async () => {
    const revisionBefore = (await graph()).revision;
    expect(await kubectl('scale', 'deployment', 'frontend', '--replicas=5')).toBe(
      'deployment.apps/frontend scaled\n',
    );
    const g = await until(
      'svc frontend and frontend-external to have 5 ready endpoints in the graph',
      async () => {
        const g = await graph();
        const counts = ['frontend', 'frontend-external'].map((s) => {
          const n = node(g, `svc:default/${s}`);
          return n?.kind === 'service' ? n.endpointCounts.ready : -1;
        });
        return counts.every((c) => c === 5) ? g : undefined;
      },
      10_000,
    );
    const edges = g.edges.filter(
      (e) => e.source === 'svc:default/frontend' && e.target.startsWith('pod:default/frontend-'),
    );
    expect(edges.map((e) => e.state)).toEqual(Array(5).fill('ready'));
    expect(g.revision).toBeGreaterThan(revisionBefore);
    expect(await kubectl('rollout', 'status', 'deployment/frontend', '--timeout=20s')).toContain(
      'deployment "frontend" successfully rolled out',
    );
    const ready = await kubectl(
      'get',
      'endpointslices',
      '-l',
      'kubernetes.io/service-name=frontend',
      '-o',
      'jsonpath={range .items[*].endpoints[*]}{.conditions.ready}{"\\n"}{end}',
    );
    expect(ready).toBe('true\n'.repeat(5));
    expect(
      (await kubectl('get', 'pods', '-l', 'app=frontend', '--no-headers')).trim().split('\n'),
    ).toHaveLength(5);

    // The stream carried it live: the new pods arrived as deltas, not a reload.
    const added = new Set(
      messages.flatMap((m) =>
        m.type === 'delta'
          ? m.delta.upsertEdges
              .filter((e) => e.source === 'svc:default/frontend' && e.state === 'ready')
              .map((e) => e.target)
          : [],
      ),
    );
    expect([...added].sort()).toEqual(edges.map((e) => e.target).sort());
    expect(messages.filter((m) => m.type === 'snapshot')).toHaveLength(1);
  });

  it('kubectl rollout restart deployment/frontend: the graph follows the rollout to 5 new ready pods', async () => {
    const frontendEdges = (g: Graph) =>
      g.edges.filter(
        (e) => e.source === 'svc:default/frontend' && e.target.startsWith('pod:default/frontend-'),
      );
    const before = new Set(frontendEdges(await graph()).map((e) => e.target));
    expect(before.size).toBe(5);
    expect(await kubectl('rollout', 'restart', 'deployment/frontend')).toBe(
      'deployment.apps/frontend restarted\n',
    );
    expect(await kubectl('rollout', 'status', 'deployment/frontend', '--timeout=30s')).toContain(
      'deployment "frontend" successfully rolled out',
    );
    const after = await until(
      'the graph to show 5 new ready frontend pods and none of the old ones',
      async () => {
        const edges = frontendEdges(await graph());
        return edges.length === 5 &&
          edges.every((e) => e.state === 'ready' && !before.has(e.target))
          ? edges
          : undefined;
      },
      20_000,
    );
    expect(after.map((e) => e.target).sort()).toEqual(
      sim
        .list('v1', 'Pod', 'default')
        .filter((p) => p.metadata.labels?.app === 'frontend')
        .map((p) => `pod:default/${p.metadata.name}`)
        .sort(),
    );
  });
});
