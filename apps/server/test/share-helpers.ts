/** Helpers for the share-mode tests: a server in share mode on the simulated cluster, and an SSE reader. */
import type { StreamMessage } from '@portolan/topology';
import { startSimCluster, type SimCluster } from '@portolan/sim-cluster';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type AppConfig } from '../src/app.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { ShareStore } from '../src/share-store.js';
import { ClusterSource } from '../src/source.js';

export const quiet = { info: () => {}, warn: () => {}, error: () => {} };

export { until } from './net.js';

export interface Env {
  sim: SimCluster;
  source: ClusterSource;
  app: FastifyInstance;
  store: ShareStore;
  ownerToken: string;
  base: string;
  kubeconfigPath: string;
  /** The clock the share store reads: tests move it to expire links. */
  clock: { now: number };
  close(): Promise<void>;
}

export async function startShareEnv(extra: Partial<AppConfig> = {}): Promise<Env> {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-share-'));
  const sim = await startSimCluster({
    scenario: 'demo',
    port: 0,
    kubeconfigPath: join(dir, 'kubeconfig.yaml'),
    readyDelayMs: 20,
  });
  const source = new ClusterSource(
    resolveKubeconfig({ file: join(dir, 'kubeconfig.yaml'), env: {} }),
    true,
    quiet,
  );
  const clock = { now: Date.now() };
  const store = new ShareStore(join(dir, 'state'), () => clock.now);
  const ownerToken = 'o.owner-token-for-tests-0123456789abcdef';
  let base = '';
  const app = await buildApp({
    source,
    webDir: join(dir, 'no-web'),
    share: { store, ownerToken, linkBase: () => base },
    authFailures: { limit: 1000, windowMs: 60_000 },
    ...extra,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  source.start();
  return {
    sim,
    source,
    app,
    store,
    ownerToken,
    base,
    kubeconfigPath: join(dir, 'kubeconfig.yaml'),
    clock,
    async close() {
      await app.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SseReader {
  res: Promise<IncomingMessage>;
  messages: StreamMessage[];
  comments: string[];
  ids: string[];
  closed: boolean;
  req: ClientRequest;
}

/** Open /api/stream with these headers and collect what arrives. */
export function openStream(base: string, headers: Record<string, string>): SseReader {
  const out: SseReader = {
    messages: [],
    comments: [],
    ids: [],
    closed: false,
    req: undefined as unknown as ClientRequest,
    res: undefined as unknown as Promise<IncomingMessage>,
  };
  out.res = new Promise((resolve, reject) => {
    out.req = request(`${base}/api/stream`, { headers });
    out.req.on('error', () => (out.closed = true));
    out.req.on('response', (res) => {
      resolve(res);
      let buf = '';
      res.on('data', (d: Buffer) => {
        buf += d.toString();
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          for (const line of frame.split('\n')) {
            if (line.startsWith(':')) out.comments.push(line);
            if (line.startsWith('id: ')) out.ids.push(line.slice(4));
            if (line.startsWith('data: '))
              out.messages.push(JSON.parse(line.slice(6)) as StreamMessage);
          }
        }
      });
      res.on('close', () => (out.closed = true));
      res.on('error', () => (out.closed = true));
    });
    out.req.on('error', reject);
    out.req.end();
  });
  return out;
}

/** Every namespace a stream's messages name, in node ids, edge ends and finding objects. */
export function namespacesIn(messages: StreamMessage[]): Set<string> {
  const ns = new Set<string>();
  const fromId = (id: string) => {
    for (const part of id.split('->')) {
      const m = /^[a-z]+:([^/]+)\//.exec(part);
      if (m?.[1]) ns.add(m[1]);
    }
  };
  for (const m of messages) {
    const g =
      m.type === 'snapshot'
        ? {
            nodes: m.graph.nodes,
            removeNodes: [],
            edges: m.graph.edges,
            removeEdges: [],
            findings: m.graph.findings,
          }
        : m.type === 'delta'
          ? {
              nodes: m.delta.upsertNodes,
              removeNodes: m.delta.removeNodes,
              edges: m.delta.upsertEdges,
              removeEdges: m.delta.removeEdges,
              findings: m.delta.upsertFindings,
            }
          : undefined;
    if (!g) continue;
    for (const n of g.nodes) {
      fromId(n.id);
      if (n.namespace) ns.add(n.namespace);
    }
    for (const id of [...g.removeNodes, ...g.removeEdges]) fromId(id);
    for (const e of g.edges) fromId(e.id);
    for (const f of g.findings) for (const o of f.objects) if (o.namespace) ns.add(o.namespace);
  }
  return ns;
}
