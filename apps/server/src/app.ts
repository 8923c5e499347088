/**
 * The Fastify app as a plugin-style builder: routes only, no listen, so tests
 * use inject(). Read-only by construction: every route is a GET.
 */
import fastifyStatic from '@fastify/static';
import {
  QueryError,
  STREAM_PATH,
  TOPOLOGY_PATH,
  connection,
  parsePort,
  parseProtocol,
  reachability,
  scopeGraph,
} from '@portolan/topology';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { redactStatus } from './hub.js';
import type { Viewer } from './share-auth.js';
import { ConnectionLimiter, authenticate, credentialOf, scopeOf } from './share-auth.js';
import type { GuardOptions } from './share-routes.js';
import { registerShareGuard } from './share-routes.js';
import type { ClusterSource } from './source.js';
import { registerContextRoutes, type ContextSwitching } from './context-routes.js';

export interface AppOptions {
  source: ClusterSource;
  /** Folder of the built web app; defaults to apps/web/dist. */
  webDir?: string;
  logger?: boolean;
  heartbeatMs?: number;
  /** Host names besides the loopback ones that requests may name. */
  allowedHosts?: string[];
  /** A viewer whose socket buffer passes this many bytes is dropped and resyncs (default 8 MiB). */
  maxBufferBytes?: number;
  /** Open streams allowed per client address and in total (default 16 and 1000). */
  streams?: { perAddress: number; total: number };
  /** With --context-picker: the kubeconfig's contexts, which the local user may switch between. */
  contexts?: ContextSwitching;
}

/** Everything buildApp takes: the source, and share mode's options (share-routes.ts). */
export type AppConfig = AppOptions & GuardOptions;

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** What boundedWriter needs of a response. */
export interface WritableSocket {
  readonly destroyed: boolean;
  readonly writableLength: number;
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * A stream viewer's writes: false (drop it; it reconnects and resyncs) once
 * more than `maxBuffer` bytes wait for it. A snapshot may itself be larger
 * than that (a 10,000-Service cluster's is tens of MiB): while one is on its
 * way the bound sits on top of it, and returns to `maxBuffer` once the
 * socket has drained.
 */
export function boundedWriter(res: WritableSocket, maxBuffer: number): (frame: string) => boolean {
  let bound = maxBuffer;
  return (frame) => {
    if (res.destroyed) return false;
    if (frame.startsWith('event: snapshot')) {
      bound = maxBuffer + Buffer.byteLength(frame);
      res.once('drain', () => (bound = maxBuffer));
    }
    return res.write(frame) || res.writableLength < bound;
  };
}

export function defaultWebDir(): string {
  return fileURLToPath(new URL('../../web/dist', import.meta.url));
}

export async function buildApp(opts: AppConfig): Promise<FastifyInstance> {
  const { source } = opts;
  // Share tokens are ~150 characters: above find-my-way's default 100 for a path parameter.
  const app = Fastify({ logger: opts.logger ?? false, routerOptions: { maxParamLength: 2048 } });
  // DNS rebinding: a page on evil.example whose name resolves to 127.0.0.1
  // must not read the dashboard. Only loopback names (and configured ones) pass.
  const allowedHosts = new Set(['localhost', '127.0.0.1', '[::1]', ...(opts.allowedHosts ?? [])]);
  app.addHook('onRequest', async (req, reply) => {
    const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    if (!allowedHosts.has(host)) {
      return reply
        .code(403)
        .type('text/plain')
        .send(
          `Portolan refuses requests for host "${host}": it answers only to ${[...allowedHosts].join(', ')} (a guard against DNS rebinding).`,
        );
    }
  });
  app.addHook('onSend', async (_req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
  });
  // Who is asking: every route below sees req.viewer, or the guard refused already.
  registerShareGuard(app, opts, () => source.hub);
  // Fail closed: a guarded route without a viewer is a bug, not a guest.
  const viewerOf = (req: { viewer: Viewer | null }): Viewer => {
    if (!req.viewer) throw new Error('request reached a guarded route without a viewer');
    return req.viewer;
  };
  registerContextRoutes(app, source, opts.contexts, (req) => {
    const role = (req as { viewer: Viewer | null }).viewer?.role;
    return role === 'local' || role === 'owner';
  });
  const refuseScope = (ns: string[], what: string) => ({
    error: `This share link shows the namespaces ${ns.join(', ')} only; ${what} is outside them.`,
    reason: 'out-of-scope',
  });

  app.get('/healthz', async (req, reply) => {
    const synced = source.synced();
    // Without a credential in share mode: only whether it is healthy.
    if (opts.share && !req.viewer) {
      const r = authenticate(credentialOf(req), req.ip, opts.share.store, opts.share.ownerToken);
      if (!r.ok || r.viewer.role === 'share')
        return reply.code(synced ? 200 : 503).send({ ok: synced });
    }
    return reply.code(synced ? 200 : 503).send({
      ok: synced,
      kinds: source.status().kinds.map((k) => ({
        kind: k.kind,
        state: k.state,
        ...(k.message ? { message: k.message } : {}),
      })),
    });
  });

  app.get(TOPOLOGY_PATH, async (req) => {
    source.hub.flush();
    const scope = scopeOf(viewerOf(req));
    const graph = source.hub.engine.graph();
    return scope ? scopeGraph(graph, scope) : graph;
  });

  app.get('/api/status', async (req) => {
    const share = viewerOf(req).role === 'share';
    return {
      ...(share ? redactStatus(source.status()) : source.status()),
      revision: source.hub.engine.revision,
      counters: source.counters(),
      streams: share ? undefined : source.hub.clientCount,
    };
  });

  // Connectivity queries (NetworkPolicy verdicts with reasons); see the README.
  app.get('/api/connectivity', async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    source.hub.flush();
    const store = source.hub.engine.store;
    const scope = scopeOf(viewerOf(req));
    // A pod end is `ns/name` (or `pod:ns/name`); an IP has no slash.
    const nsOf = (end: string) => {
      const key = end.trim().replace(/^pod:/, '');
      return key.includes('/') ? key.slice(0, key.indexOf('/')) : undefined;
    };
    if (scope) {
      for (const end of [q.pod, q.from, q.to]) {
        const ns = end === undefined ? undefined : nsOf(end);
        if (ns !== undefined && !scope.includes(ns))
          return reply.code(403).send(refuseScope(scope, `pod ${end?.replace(/^pod:/, '')}`));
      }
    }
    try {
      if (q.pod) {
        const r = reachability(store, q.pod.replace(/^pod:/, ''));
        if (!scope) return r;
        const inScope = (row: { peer: string }) => scope.includes(nsOf(row.peer) ?? '');
        return { ...r, inbound: r.inbound.filter(inScope), outbound: r.outbound.filter(inScope) };
      }
      if (q.from && q.to)
        return connection(store, q.from, q.to, parsePort(q.port), parseProtocol(q.protocol));
      throw new QueryError(
        'give either pod=NAMESPACE/NAME, or from=END&to=END&port=N[&protocol=TCP] (an END is NAMESPACE/NAME or an IP).',
      );
    } catch (err) {
      if (err instanceof QueryError) return reply.code(400).send({ error: err.message });
      throw err;
    }
  });

  const maxBuffer = opts.maxBufferBytes ?? 8 * 1024 * 1024;
  const streams = new ConnectionLimiter(
    opts.streams?.perAddress ?? 16,
    opts.streams?.total ?? 1000,
  );
  app.get(STREAM_PATH, (req, reply) => {
    const release = streams.acquire(req.ip);
    if (typeof release === 'string')
      return reply.code(429).send({ error: release, reason: 'too-many-streams' });
    const viewer = viewerOf(req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      ...SECURITY_HEADERS,
    });
    res.write('retry: 2000\n\n');
    const header = req.headers['last-event-id'];
    const last = typeof header === 'string' ? header : undefined;
    let expiry: NodeJS.Timeout | undefined;
    const client = {
      write: boundedWriter(res, maxBuffer),
      // destroy, not end: a viewer that stopped reading must not hold the socket.
      close: () => (res.writableLength > 0 ? res.destroy() : res.end()),
      scope: scopeOf(viewer),
      shareId: viewer.role === 'share' ? viewer.share.id : undefined,
      redactStatus: viewer.role === 'share',
    };
    const detach = source.hub.attach(client, last);
    if (viewer.role === 'share') {
      // The stream ends when the link does.
      const left = Date.parse(viewer.share.expires) - Date.now();
      expiry = setTimeout(
        () => source.hub.closeWhere((c) => c === client),
        Math.min(left, 2 ** 31 - 1),
      );
    }
    req.raw.on('close', () => {
      clearTimeout(expiry);
      detach();
      release();
    });
  });

  const webDir = opts.webDir ?? defaultWebDir();
  if (existsSync(webDir)) {
    await app.register(fastifyStatic, { root: webDir, index: ['index.html'] });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.code(404).send({ error: 'not found', path: req.url });
    });
  } else {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/plain')
        .send(
          `Portolan server is running, but the web app is not built (${webDir} is missing). Run pnpm build.`,
        ),
    );
  }

  const heartbeat = setInterval(() => source.hub.heartbeat(), opts.heartbeatMs ?? 15_000);
  // End the open streams first, or closing the server would wait for them.
  app.addHook('preClose', async () => {
    clearInterval(heartbeat);
    source.hub.close();
  });
  app.addHook('onClose', async () => {
    await source.stop();
  });
  return app;
}
