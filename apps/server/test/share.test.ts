/**
 * Share mode against the simulated demo cluster over real HTTP on loopback:
 * every route refuses unauthenticated, tampered, expired, revoked and
 * out-of-scope requests with a status and a sentence; a scoped link sees only
 * its namespaces in the snapshot, every delta and every route; revoking a
 * link closes its open stream at once.
 */
import type { Graph } from '@portolan/topology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShareCommand, setUpShareMode } from '../src/share-cli.js';
import { parseArgs } from '../src/args.js';
import { join } from 'node:path';
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildApp } from '../src/app.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { ClusterSource } from '../src/source.js';
import type { Env } from './share-helpers.js';
import { namespacesIn, openStream, quiet, startShareEnv, until } from './share-helpers.js';

let env: Env;
beforeAll(async () => {
  env = await startShareEnv();
  // The demo cluster is drawn: the owner sees shop and the others.
  await until('the demo graph', async () => {
    const g = (await (await get('/api/topology', owner())).json()) as Graph;
    return g.nodes.some((n) => n.namespace === 'shop') &&
      g.nodes.some((n) => n.namespace === 'ingress-nginx')
      ? true
      : undefined;
  });
}, 60_000);
afterAll(async () => env?.close());

const owner = () => ({ authorization: `Bearer ${env.ownerToken}` });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const cookie = (token: string) => ({ cookie: `portolan_session=${token}` });
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${env.base}${path}`, { headers });

function link(namespaces: string[] | null, expiresInMs = 3600_000): { id: string; token: string } {
  const { share, token } = env.store.create({ namespaces, expiresInMs });
  return { id: share.id, token };
}

/** Every route a viewer can ask for; each must refuse a bad credential. */
const ROUTES = [
  '/api/topology',
  '/api/status',
  '/api/connectivity?pod=shop/backend-1',
  '/api/stream',
  '/api/session',
  '/api/shares',
  '/',
  '/assets/index.js',
  '/anything/else',
];

async function expectRefused(
  headers: Record<string, string>,
  status: number,
  message: string | RegExp,
) {
  for (const route of ROUTES) {
    const res = await get(route, headers);
    expect(res.status, `${route}`).toBe(status);
    const body = (await res.json()) as { error: string };
    expect(body.error, route).toMatch(message);
    // Nothing of the cluster leaks into a refusal.
    expect(JSON.stringify(body), route).not.toMatch(/shop\/|frontend|10\.\d+\.\d+\.\d+/);
  }
}

describe('share mode refuses, on every route', () => {
  it('a request without a credential: 401 and how to get a link', async () => {
    await expectRefused({}, 401, 'This Portolan is shared by link only');
  });

  it('a tampered link: 401, whether its signature or its payload was changed', async () => {
    const { token } = link(['shop']);
    const [payload, sig] = token.split('.') as [string, string];
    const flipped = `${payload}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    await expectRefused(bearer(flipped), 401, /not valid: its signature does not match/);
    // Widen the scope to every namespace, keeping the old signature.
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
    const widened = Buffer.from(JSON.stringify({ ...claims, n: null })).toString('base64url');
    await expectRefused(cookie(`${widened}.${sig}`), 401, /not valid/);
    await expectRefused(bearer('o.not-the-owner-token'), 401, /not valid/);
    await expectRefused(bearer('garbage'), 401, /not valid/);
  });

  it('an expired link: 401 saying when it expired', async () => {
    const { token } = link(['shop'], 60_000);
    expect((await get('/api/topology', bearer(token))).status).toBe(200);
    env.clock.now += 61_000;
    try {
      await expectRefused(bearer(token), 401, /^This share link expired at \d{4}-\d\d-\d\dT/);
    } finally {
      env.clock.now -= 61_000;
    }
  });

  it('a revoked link: 401, and the browser is told to drop the cookie', async () => {
    const { id, token } = link(['shop']);
    expect((await get('/api/topology', cookie(token))).status).toBe(200);
    const res = await fetch(`${env.base}/api/shares/${id}`, { method: 'DELETE', headers: owner() });
    expect(res.status).toBe(200);
    await expectRefused(cookie(token), 401, 'This share link was revoked');
    const again = await get('/api/topology', cookie(token));
    expect(again.headers.get('set-cookie')).toMatch(/portolan_session=; .*Max-Age=0/);
  });

  it('out-of-scope requests: 403 naming the scope, whether the pod exists or not', async () => {
    const { token } = link(['shop']);
    for (const q of [
      'pod=default/anything',
      'pod=ingress-nginx/ingress-nginx-controller-1',
      'from=ingress-nginx/ingress-nginx-controller-1&to=shop/backend-1&port=8080',
      'from=shop/frontend-1&to=pod:default/x&port=80',
    ]) {
      const res = await get(`/api/connectivity?${q}`, bearer(token));
      expect(res.status, q).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(
        /^This share link shows the namespaces shop only; pod [a-z-]+\/[a-z0-9-]+ is outside them\.$/,
      );
    }
    // Managing links is the owner's alone.
    for (const [method, path] of [
      ['GET', '/api/shares'],
      ['POST', '/api/shares'],
      ['DELETE', '/api/shares/abc'],
    ] as const) {
      const res = await fetch(`${env.base}${path}`, {
        method,
        headers: {
          ...bearer(token),
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(((await res.json()) as { error: string }).error).toContain(
        'Only the person who started Portolan',
      );
    }
  });

  it('the owner token from another machine: 403', async () => {
    const res = await env.app.inject({
      url: '/api/topology',
      headers: owner(),
      remoteAddress: '192.0.2.10',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ reason: 'owner-remote' });
  });

  it('/healthz answers without a credential, but only whether it is healthy', async () => {
    const body = (await (await get('/healthz')).json()) as object;
    expect(Object.keys(body)).toEqual(['ok']);
    const full = (await (await get('/healthz', owner())).json()) as object;
    expect(Object.keys(full)).toEqual(['ok', 'kinds']);
  });

  it('refuses owner changes from another origin (CSRF) even with the owner cookie', async () => {
    const res = await fetch(`${env.base}/api/shares`, {
      method: 'POST',
      headers: {
        ...cookie(env.ownerToken),
        origin: 'http://evil.example',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe(
      'Refusing a share change from origin http://evil.example.',
    );
  });
});

describe('a link in the browser', () => {
  it('/s/<token> sets an HttpOnly SameSite=Strict cookie and leaves the token URL; the cookie then works', async () => {
    const { token } = link(['shop']);
    const res = await get(`/s/${token}`);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(
      new RegExp(`^portolan_session=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=\\d+$`),
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('<meta http-equiv="refresh" content="0;url=/">');
    const session = await (await get('/api/session', cookie(token))).json();
    expect(session).toMatchObject({ role: 'share', namespaces: ['shop'] });
    const bad = await get(`/s/${token}x`);
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
  });
});

describe('a scoped link sees only its namespaces', () => {
  it('on /api/topology, /api/status and /api/connectivity', async () => {
    const { token } = link(['shop']);
    const g = (await (await get('/api/topology', bearer(token))).json()) as Graph;
    const full = (await (await get('/api/topology', owner())).json()) as Graph;
    expect(new Set(g.nodes.map((n) => n.namespace))).toEqual(new Set(['shop', undefined]));
    expect(g.nodes.length).toBeGreaterThan(3);
    expect(g.nodes.length).toBeLessThan(full.nodes.length);
    expect([...namespacesIn([{ v: 1, type: 'snapshot', graph: g, status: {} as never }])]).toEqual([
      'shop',
    ]);
    for (const f of g.findings) for (const o of f.objects) expect(o.namespace).toBe('shop');
    const status = (await (await get('/api/status', bearer(token))).json()) as {
      cluster: string;
      streams?: number;
    };
    expect(status.cluster).toBe('(hidden from share links)');
    expect(status.cluster).not.toContain(env.sim.url);
    expect(status.streams).toBeUndefined();
    const reach = (await (
      await get('/api/connectivity?pod=shop/backend-1', bearer(token))
    ).json()) as {
      inbound: { peer: string }[];
    };
    expect(reach.inbound.length).toBeGreaterThan(0);
    for (const r of reach.inbound) expect(r.peer).toMatch(/^shop\//);
    const allowed = (await (
      await get('/api/connectivity?from=shop/frontend-1&to=shop/backend-1&port=8080', bearer(token))
    ).json()) as { verdict: string };
    expect(allowed.verdict).toBe('allowed');
  });

  it('in the stream: the snapshot and every delta, while other namespaces change', async () => {
    const { token } = link(['shop']);
    const scoped = openStream(env.base, cookie(token));
    const all = openStream(env.base, owner());
    try {
      expect((await scoped.res).statusCode).toBe(200);
      await until('both snapshots', () =>
        scoped.messages[0]?.type === 'snapshot' && all.messages[0]?.type === 'snapshot'
          ? true
          : undefined,
      );
      for (const [ns, name] of [
        ['default', 'outside-1'],
        ['ingress-nginx', 'outside-2'],
        ['shop', 'inside-1'],
      ] as const) {
        env.sim.create({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name, namespace: ns, labels: { app: 'frontend' } },
          spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080 }] }] },
        });
      }
      const saw = (r: typeof all, id: string) =>
        r.messages.some((m) => m.type === 'delta' && m.delta.upsertNodes.some((n) => n.id === id));
      await until('the owner to see all three pods and the link to see its one', () =>
        saw(all, 'pod:default/outside-1') &&
        saw(all, 'pod:ingress-nginx/outside-2') &&
        saw(all, 'pod:shop/inside-1') &&
        saw(scoped, 'pod:shop/inside-1')
          ? true
          : undefined,
      );
      expect(namespacesIn(all.messages).has('default')).toBe(true);
      expect([...namespacesIn(scoped.messages)]).toEqual(['shop']);
      // Revisions stay consecutive for the scoped viewer: filtered deltas are sent even when empty.
      const deltas = scoped.messages.flatMap((m) => (m.type === 'delta' ? [m.delta] : []));
      for (let i = 1; i < deltas.length; i++)
        expect(deltas[i]?.fromRevision).toBe(deltas[i - 1]?.revision);
      // Status messages hide the cluster address from share links.
      expect(JSON.stringify(scoped.messages)).not.toContain(env.sim.url);
    } finally {
      scoped.req.destroy();
      all.req.destroy();
    }
  });
});

describe('revoking', () => {
  it("closes the link's open streams at once, and only those", async () => {
    const a = link(['shop']);
    const b = link(['shop']);
    const sa = openStream(env.base, cookie(a.token));
    const sb = openStream(env.base, cookie(b.token));
    try {
      await until('both streams', () =>
        sa.messages.length && sb.messages.length ? true : undefined,
      );
      const res = await fetch(`${env.base}/api/shares/${a.id}`, {
        method: 'DELETE',
        headers: owner(),
      });
      expect(await res.json()).toMatchObject({ id: a.id, closedStreams: 1 });
      // No timer involved: the server ended it while answering the DELETE.
      await until('the revoked stream to close', () => (sa.closed ? true : undefined), 5_000);
      expect(sb.closed).toBe(false);
      const retry = await get('/api/stream', cookie(a.token));
      expect(retry.status).toBe(401);
      expect(((await retry.json()) as { error: string }).error).toBe(
        'This share link was revoked. Ask for a new link.',
      );
    } finally {
      sa.req.destroy();
      sb.req.destroy();
    }
  });
});

describe('portolan share create|list|revoke', () => {
  it('talks to the running server through the state folder, owner-only files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-share-cli-'));
    try {
      const args = parseArgs(['--share', '--state-dir', dir]);
      let port = 0;
      const mode = setUpShareMode(args, () => port);
      const source = new ClusterSource(
        resolveKubeconfig({ file: env.kubeconfigPath, env: {} }),
        true,
        quiet,
      );
      const app = await buildApp({
        source,
        webDir: join(dir, 'none'),
        share: mode.options,
      });
      await app.listen({ host: '127.0.0.1', port: 0 });
      port = (app.server.address() as { port: number }).port;
      const ownerLink = mode.listening(port);
      expect(ownerLink).toMatch(new RegExp(`^http://localhost:${port}/s/o\\.`));
      for (const f of ['owner.json', 'share.key', 'shares.json'].slice(0, 2))
        expect((statSync(join(dir, f)).mode & 0o777).toString(8), f).toBe('600');
      expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
      const cli = (...argv: string[]) =>
        runShareCommand(parseArgs(['share', ...argv, '--state-dir', dir]));
      const created = await cli('create', '--namespaces', 'shop,default', '--expires', '2h');
      const [url, info] = created.split('\n');
      expect(url).toMatch(
        new RegExp(`^http://localhost:${port}/s/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`),
      );
      expect(info).toMatch(/^ {2}id [0-9a-f]{12}; namespaces: default, shop; expires \d{4}-/);
      const id = /id ([0-9a-f]+)/.exec(info ?? '')?.[1] as string;
      expect((statSync(join(dir, 'shares.json')).mode & 0o777).toString(8)).toBe('600');
      expect(readFileSync(join(dir, 'shares.json'), 'utf8')).not.toContain(url?.split('/s/')[1]);
      const list = await cli('list');
      expect(list.split('\n')[0]).toMatch(/^ID\s+STATE\s+EXPIRES\s+NAMESPACES$/);
      expect(list).toMatch(new RegExp(`^${id}\\s+active\\s+\\S+\\s+default,shop$`, 'm'));
      expect(await cli('revoke', id)).toBe(`revoked ${id}; closed 0 open stream(s).`);
      expect(await cli('list')).toMatch(new RegExp(`^${id}\\s+revoked`, 'm'));
      await expect(cli('revoke', 'nope')).rejects.toThrow(
        'the server refused: There is no share link with id nope.',
      );
      await app.close();
      mode.cleanup();
      await expect(cli('list')).rejects.toThrow('no Portolan server in share mode wrote');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('without --share', () => {
  it('--allow-anonymous serves everything without a credential and has no links to manage; the default loopback mode neither', async () => {
    for (const anonymous of [true, false]) {
      const source = new ClusterSource(
        resolveKubeconfig({ file: env.kubeconfigPath, env: {} }),
        true,
        quiet,
      );
      const app = await buildApp({ source, webDir: '/nonexistent', anonymous });
      try {
        expect((await app.inject('/api/topology')).statusCode).toBe(200);
        expect((await app.inject('/api/session')).json()).toEqual({
          role: anonymous ? 'anonymous' : 'local',
          canShare: false,
        });
        const shares = await app.inject('/api/shares');
        expect(shares.statusCode).toBe(409);
        expect(shares.json().error).toBe(
          'Share links need share mode: restart Portolan with --share.',
        );
        const s = await app.inject('/s/anything');
        expect(s.statusCode).toBe(404);
        expect(s.json().error).toContain('was not started with --share');
      } finally {
        await app.close();
      }
    }
  });
});
