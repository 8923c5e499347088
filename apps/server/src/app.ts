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
} from '@portolan/topology';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClusterSource } from './source.js';

export interface AppOptions {
  source: ClusterSource;
  /** Folder of the built web app; defaults to apps/web/dist. */
  webDir?: string;
  logger?: boolean;
  heartbeatMs?: number;
  /** Host names besides the loopback ones that requests may name. */
  allowedHosts?: string[];
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export function defaultWebDir(): string {
  return fileURLToPath(new URL('../../web/dist', import.meta.url));
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { source } = opts;
  const app = Fastify({ logger: opts.logger ?? false });
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

  app.get('/healthz', async (_req, reply) => {
    const synced = source.synced();
    return reply.code(synced ? 200 : 503).send({
      ok: synced,
      kinds: source.status().kinds.map((k) => ({
        kind: k.kind,
        state: k.state,
        ...(k.message ? { message: k.message } : {}),
      })),
    });
  });

  app.get(TOPOLOGY_PATH, async () => {
    source.hub.flush();
    return source.hub.engine.graph();
  });

  app.get('/api/status', async () => ({
    ...source.status(),
    revision: source.hub.engine.revision,
    counters: source.counters(),
    streams: source.hub.clientCount,
  }));

  // Connectivity queries (NetworkPolicy verdicts with reasons); see the README.
  app.get('/api/connectivity', async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    source.hub.flush();
    const store = source.hub.engine.store;
    try {
      if (q.pod) return reachability(store, q.pod.replace(/^pod:/, ''));
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

  app.get(STREAM_PATH, (req, reply) => {
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
    const client = {
      // A browser more than 8 MiB behind is dropped; it reconnects and gets a snapshot.
      write: (frame: string) =>
        !res.destroyed && (res.write(frame) || res.writableLength < 8 * 1024 * 1024),
      close: () => res.end(),
    };
    const detach = source.hub.attach(client, last);
    req.raw.on('close', detach);
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
