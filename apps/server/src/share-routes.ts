/**
 * Share mode's routes and guard (docs/adr/0004-share-links.md):
 * - an onRequest guard that decides who is asking (`req.viewer`) and refuses
 *   everything else with a status and a sentence (401, 403, 429);
 * - `GET /s/<token>`: trade a link for an HttpOnly SameSite=Strict cookie,
 *   then leave the token's URL;
 * - `GET /api/session`: who the browser is (role, namespaces, expiry);
 * - `GET|POST /api/shares`, `DELETE /api/shares/:id`: the owner lists,
 *   creates and revokes links (from loopback only); revoking closes the
 *   link's open streams at once.
 * These change the server's own list of links, never the cluster.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Hub } from './hub.js';
import type { AuthResult, Viewer } from './share-auth.js';
import {
  COOKIE,
  FailureLimiter,
  MESSAGES,
  authenticate,
  credentialOf,
  isLoopback,
  readCookie,
  scopeOf,
} from './share-auth.js';
import type { ShareStore } from './share-store.js';
import { MAX_EXPIRY_MS, parseDuration, parseNamespaces } from './share-store.js';
import { PortolanError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

export interface ShareOptions {
  store: ShareStore;
  /** Random `o.`-prefixed secret made at startup; see the ADR. */
  ownerToken: string;
  /** Base of the links handed out, e.g. `http://10.0.0.5:7420`. */
  linkBase: () => string;
}

export interface GuardOptions {
  share?: ShareOptions;
  /** --allow-anonymous: no credentials, everyone sees everything. */
  anonymous?: boolean;
  /** Failed sign-ins allowed per client address per window (default 10 per minute). */
  authFailures?: { limit: number; windowMs: number; now?: () => number };
}

/** Paths the guard lets through: the link exchange checks its own token; /healthz says only ok without a credential. */
const OPEN = new Set(['/s/:token', '/healthz']);

const SIGN_IN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/">
<title>Portolan</title></head>
<body><p>Signed in. <a href="/">Open Portolan</a>.</p></body></html>
`;

function refuse(reply: FastifyReply, status: number, reason: string, message: string) {
  return reply.code(status).type('application/json').send({ error: message, reason });
}

export function registerShareGuard(
  app: FastifyInstance,
  opts: GuardOptions,
  /** The hub of the moment (a context switch replaces it). */
  hub: () => Hub,
): void {
  app.decorateRequest('viewer', null);
  const share = opts.share;
  const limiter = new FailureLimiter(
    opts.authFailures?.limit ?? 10,
    opts.authFailures?.windowMs ?? 60_000,
    opts.authFailures?.now,
  );

  /** Authenticate with the failure limit applied; a refusal for a missing credential is not counted. */
  const check = (req: FastifyRequest, credential: string | undefined): AuthResult | number => {
    if (!share) return { ok: true, viewer: { role: opts.anonymous ? 'anonymous' : 'local' } };
    const wait = limiter.blockedFor(req.ip);
    if (wait > 0) return wait;
    const r = authenticate(credential, req.ip, share.store, share.ownerToken);
    if (!r.ok && r.reason !== 'missing') limiter.fail(req.ip);
    return r;
  };

  const tooMany = (reply: FastifyReply, req: FastifyRequest, wait: number) =>
    refuse(
      reply.header('retry-after', String(wait)),
      429,
      'rate-limited',
      `Too many failed sign-ins from ${req.ip}: try again in ${wait} s.`,
    );

  app.addHook('onRequest', async (req, reply) => {
    if (OPEN.has(req.routeOptions.url ?? '')) return;
    const r = check(req, credentialOf(req));
    if (typeof r === 'number') return tooMany(reply, req, r);
    if (r.ok) {
      req.viewer = r.viewer;
      return;
    }
    // A cookie that no longer works is cleared, so the browser stops sending it.
    if (readCookie(req.headers.cookie, COOKIE))
      reply.header('set-cookie', `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
    return refuse(reply, r.status, r.reason, r.message);
  });

  app.get('/s/:token', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    if (!share)
      return refuse(
        reply,
        404,
        'not-shared',
        'This Portolan was not started with --share, so it has no share links: open / instead.',
      );
    const { token } = req.params as { token: string };
    const r = check(req, token);
    if (typeof r === 'number') return tooMany(reply, req, r);
    if (!r.ok) return refuse(reply, r.status, r.reason, r.message);
    // Secure over HTTPS, and when links name an https:// public URL (a TLS proxy in front).
    const secure =
      req.protocol === 'https' || share.linkBase().startsWith('https:') ? '; Secure' : '';
    const maxAge =
      r.viewer.role === 'share'
        ? `; Max-Age=${Math.max(1, Math.floor((Date.parse(r.viewer.share.expires) - Date.now()) / 1000))}`
        : '';
    reply.header(
      'set-cookie',
      `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/${maxAge}${secure}`,
    );
    // A page, not a redirect: a SameSite=Strict cookie is not sent on a redirect
    // that started on another site (a chat message), but is on this same-site refresh.
    return reply.type('text/html; charset=utf-8').send(SIGN_IN_PAGE);
  });

  app.get('/api/session', async (req) => {
    const v = req.viewer as Viewer;
    return v.role === 'share'
      ? {
          role: v.role,
          id: v.share.id,
          namespaces: v.share.namespaces,
          expires: v.share.expires,
        }
      : { role: v.role, canShare: v.role === 'owner' };
  });

  /** Owner only, from loopback; writes must come from our own pages (Origin) or the CLI (no Origin). */
  const ownerOnly = (req: FastifyRequest, reply: FastifyReply): boolean => {
    const v = req.viewer as Viewer;
    if (!share) {
      void refuse(
        reply,
        409,
        'not-shared',
        'Share links need share mode: restart Portolan with --share.',
      );
      return false;
    }
    if (v.role !== 'owner' || !isLoopback(req.ip)) {
      void refuse(
        reply,
        403,
        'not-owner',
        'Only the person who started Portolan, on that machine, can list, create or revoke share links.',
      );
      return false;
    }
    const origin = req.headers.origin;
    if (req.method !== 'GET' && origin !== undefined) {
      const host = req.headers.host ?? '';
      if (origin !== `http://${host}` && origin !== `https://${host}`) {
        void refuse(reply, 403, 'bad-origin', `Refusing a share change from origin ${origin}.`);
        return false;
      }
    }
    return true;
  };

  app.get('/api/shares', async (req, reply) => {
    if (!ownerOnly(req, reply)) return reply;
    const now = Date.now();
    return {
      shares: (share as ShareOptions).store.list().map((s) => ({
        ...s,
        state: s.revoked ? 'revoked' : Date.parse(s.expires) <= now ? 'expired' : 'active',
      })),
    };
  });

  app.post(
    '/api/shares',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            namespaces: { type: 'array', items: { type: 'string' }, maxItems: 1000 },
            expires: { type: 'string', maxLength: 16 },
          },
        },
      },
    },
    async (req, reply) => {
      if (!ownerOnly(req, reply)) return reply;
      const body = (req.body ?? {}) as { namespaces?: string[]; expires?: string };
      let namespaces: string[] | null = null;
      let ms = 24 * 3600_000;
      try {
        if (body.namespaces?.length) namespaces = parseNamespaces(body.namespaces.join(','));
        if (body.expires) ms = parseDuration(body.expires);
      } catch (err) {
        if (err instanceof PortolanError) return refuse(reply, 400, 'bad-request', err.message);
        throw err;
      }
      const { share: rec, token } = (share as ShareOptions).store.create({
        namespaces,
        expiresInMs: Math.min(ms, MAX_EXPIRY_MS),
      });
      return reply
        .code(201)
        .send({ ...rec, url: `${(share as ShareOptions).linkBase()}/s/${token}` });
    },
  );

  app.delete('/api/shares/:id', async (req, reply) => {
    if (!ownerOnly(req, reply)) return reply;
    const { id } = req.params as { id: string };
    const rec = (share as ShareOptions).store.revoke(id);
    if (!rec) return refuse(reply, 404, 'not-found', `There is no share link with id ${id}.`);
    const closedStreams = hub().closeWhere((c) => c.shareId === id);
    return { ...rec, closedStreams };
  });
}

export { MESSAGES, scopeOf };
