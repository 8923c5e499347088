/**
 * Stream and sign-in hardening: a slow viewer is dropped once its buffer
 * passes the bound and resyncs on reconnect while others carry on; streams
 * carry heartbeats; open streams are limited per address; failed sign-ins are
 * rate limited per address.
 */
import type { StreamMessage } from '@portolan/topology';
import { slim } from '@portolan/topology';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailureLimiter } from '../src/share-auth.js';
import type { Env } from './share-helpers.js';
import { openStream, quiet, startShareEnv, until } from './share-helpers.js';

let env: Env;
beforeAll(async () => {
  env = await startShareEnv({
    maxBufferBytes: 256 * 1024,
    heartbeatMs: 50,
    streams: { perAddress: 4, total: 100 },
  });
}, 60_000);
afterAll(async () => env?.close());

const owner = () => ({ authorization: `Bearer ${env.ownerToken}` });

/** A pod with ~8 KB of labels: each delta that carries it is big. */
function bigPod(i: number) {
  return slim({
    kind: 'Pod',
    metadata: {
      name: `bulk-${i}`,
      namespace: 'bulk',
      labels: { blob: 'x'.repeat(8_000), i: String(i) },
    },
    spec: { containers: [] },
    status: { phase: 'Running' },
  });
}

describe('stream hardening', () => {
  it('drops a viewer that stopped reading once its buffer passes the bound; others get every delta; it resyncs on reconnect', async () => {
    const good = openStream(env.base, owner());
    await until('the reading viewer', () => (good.messages.length ? true : undefined));
    // A viewer whose socket is never read.
    const slow = connect((env.app.server.address() as { port: number }).port, '127.0.0.1');
    await new Promise<void>((r) => slow.once('connect', () => r()));
    slow.pause();
    slow.write(
      `GET /api/stream HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${env.ownerToken}\r\n\r\n`,
    );
    const streamsWithSlow = await until('the slow viewer to be attached', () =>
      env.source.hub.clientCount === 2 ? 2 : undefined,
    );
    expect(streamsWithSlow).toBe(2);
    let i = 0;
    let pushed = 0;
    // Push big deltas until the slow viewer is dropped; the bound is 256 KiB plus
    // what the kernel buffers, so this takes some megabytes, not a fixed time.
    while (env.source.hub.clientCount === 2 && pushed < 1000) {
      for (let k = 0; k < 10; k++) env.source.hub.push({ type: 'ADDED', object: bigPod(i++) });
      env.source.hub.flush();
      pushed++;
      const rev = env.source.hub.engine.revision;
      await until('the reading viewer to keep up', () =>
        good.messages.some((m) => m.type === 'delta' && m.delta.revision === rev)
          ? true
          : undefined,
      );
    }
    expect(env.source.hub.clientCount).toBe(1);
    console.log(
      `slow viewer dropped after ${pushed} deltas (~${Math.round((pushed * 10 * 8) / 1024)} MiB); the reading viewer got every one`,
    );
    expect(good.closed).toBe(false);
    const deltas = good.messages.flatMap((m) => (m.type === 'delta' ? [m.delta] : []));
    for (let j = 1; j < deltas.length; j++)
      expect(deltas[j]?.fromRevision).toBe(deltas[j - 1]?.revision);
    slow.destroy();
    // Reconnecting with the last id it may have seen: it is sent what it missed or a snapshot.
    const back = openStream(env.base, { ...owner(), 'last-event-id': `${env.source.hub.boot}-1` });
    await until('the resync', () => (back.messages.length ? true : undefined));
    expect(['snapshot', 'status']).toContain(back.messages[0]?.type);
    const snap = back.messages[0] as StreamMessage;
    if (snap.type === 'snapshot')
      expect(snap.graph.nodes.some((n) => n.id === `pod:bulk/bulk-${i - 1}`)).toBe(true);
    good.req.destroy();
    back.req.destroy();
    // Drop the bulk pods again.
    for (let k = 0; k < i; k++) env.source.hub.push({ type: 'DELETED', object: bigPod(k) });
    env.source.hub.flush();
  }, 120_000);

  it('sends heartbeat comments on an idle stream', async () => {
    const s = openStream(env.base, owner());
    try {
      await until('two heartbeats', () => (s.comments.length >= 2 ? true : undefined));
      expect(s.comments[0]).toBe(': keep-alive');
    } finally {
      s.req.destroy();
    }
  });

  it('limits open streams per client address, with a message', async () => {
    await until('earlier streams to be gone', () =>
      env.source.hub.clientCount === 0 ? true : undefined,
    );
    const open = [1, 2, 3, 4].map(() => openStream(env.base, owner()));
    try {
      for (const s of open) expect((await s.res).statusCode).toBe(200);
      const res = await fetch(`${env.base}/api/stream`, { headers: owner() });
      expect(res.status).toBe(429);
      expect(((await res.json()) as { error: string }).error).toBe(
        'Too many open streams from 127.0.0.1 (at most 4): close other Portolan tabs and reload.',
      );
    } finally {
      for (const s of open) s.req.destroy();
    }
    await until('the slots to be released', async () =>
      (await fetch(`${env.base}/api/topology`, { headers: owner() })).ok &&
      env.source.hub.clientCount === 0
        ? true
        : undefined,
    );
    const again = openStream(env.base, owner());
    expect((await again.res).statusCode).toBe(200);
    again.req.destroy();
  });

  it('rate limits failed sign-ins per address, and lets others and later attempts through', async () => {
    const clock = { now: 1_000_000 };
    const limiter = new FailureLimiter(3, 60_000, () => clock.now);
    for (let k = 0; k < 3; k++) {
      expect(limiter.blockedFor('192.0.2.1')).toBe(0);
      limiter.fail('192.0.2.1');
    }
    expect(limiter.blockedFor('192.0.2.1')).toBe(60);
    expect(limiter.blockedFor('192.0.2.2')).toBe(0);
    clock.now += 60_001;
    expect(limiter.blockedFor('192.0.2.1')).toBe(0);
  });

  it('answers 429 after too many failed sign-ins from one address, even with a good credential then', async () => {
    const { buildApp } = await import('../src/app.js');
    const clock = { now: 5_000_000 };
    const { ClusterSource } = await import('../src/source.js');
    const { resolveKubeconfig } = await import('../src/kubeconfig.js');
    const source = new ClusterSource(
      resolveKubeconfig({ file: env.kubeconfigPath, env: {} }),
      true,
      quiet,
    );
    const app = await buildApp({
      source,
      webDir: '/nonexistent',
      share: { store: env.store, ownerToken: env.ownerToken, linkBase: () => '' },
      authFailures: { limit: 5, windowMs: 60_000, now: () => clock.now },
    });
    const { token } = env.store.create({ namespaces: ['shop'], expiresInMs: 3600_000 });
    const ask = (credential: string, remoteAddress: string) =>
      app.inject({
        url: '/api/topology',
        headers: { authorization: `Bearer ${credential}` },
        remoteAddress,
      });
    // Missing credentials are not counted (a browser without a link asks several times).
    for (let k = 0; k < 10; k++)
      expect((await app.inject({ url: '/', remoteAddress: '198.51.100.7' })).statusCode).toBe(401);
    for (let k = 0; k < 5; k++) expect((await ask('guess', '198.51.100.7')).statusCode).toBe(401);
    const blocked = await ask(token, '198.51.100.7');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('60');
    expect(blocked.json()).toEqual({
      error: 'Too many failed sign-ins from 198.51.100.7: try again in 60 s.',
      reason: 'rate-limited',
    });
    expect((await ask(token, '198.51.100.8')).statusCode).toBe(200);
    expect(
      (await app.inject({ url: `/s/${token}`, remoteAddress: '198.51.100.7' })).statusCode,
    ).toBe(429);
    clock.now += 60_001;
    expect((await ask(token, '198.51.100.7')).statusCode).toBe(200);
    await app.close();
  });
});
