/** Read-only by construction, and hardened against the classic dashboard attacks. */
import { startSimCluster, type SimCluster } from '@portolan/sim-cluster';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { ClusterSource } from '../src/source.js';

let sim: SimCluster;
let app: FastifyInstance;
const dir = mkdtempSync(join(tmpdir(), 'portolan-hard-'));
beforeAll(async () => {
  sim = await startSimCluster({ scenario: 'empty', port: 0, kubeconfigPath: join(dir, 'kc.yaml') });
  const source = new ClusterSource(
    resolveKubeconfig({ file: join(dir, 'kc.yaml'), env: {} }),
    true,
    { info() {}, warn() {}, error() {} },
  );
  app = await buildApp({ source, webDir: join(dir, 'none') });
});
afterAll(async () => {
  await app?.close();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hardening', () => {
  it('has no route that changes anything: every write method is refused', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of [
        '/api/topology',
        '/api/stream',
        '/api/connectivity',
        '/healthz',
        '/api/v1/pods',
      ]) {
        expect((await app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(404);
      }
    }
  });
  it('has no write route besides share links and the context picker, none of which touch the cluster', async () => {
    const routes = (method: string) =>
      app
        .printRoutes({ method, commonPrefix: false })
        .split('\n')
        .map((l) => l.replace(/^[\s└├│─]+/, '').trim())
        .filter((l) => l && l !== '(empty tree)')
        .sort();
    expect(routes('POST')).toEqual(['/api/context (POST)', '/api/shares (POST)']);
    expect(routes('DELETE')).toEqual(['/api/shares/:id (DELETE)']);
    expect(routes('PUT')).toEqual([]);
    expect(routes('PATCH')).toEqual([]);
  });
  it('refuses a foreign Host header (DNS rebinding) and says why', async () => {
    const res = await app.inject({ url: '/api/topology', headers: { host: 'evil.example:7420' } });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Portolan refuses requests for host "evil.example"');
    expect(
      (await app.inject({ url: '/healthz', headers: { host: '127.0.0.1:7420' } })).statusCode,
    ).not.toBe(403);
  });
  it('sends a strict Content-Security-Policy and no-sniff headers', async () => {
    const res = await app.inject({ url: '/api/topology' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain(
      "script-src 'self' 'unsafe-inline'",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
  it('never sends the kubeconfig token', async () => {
    const token = /token: (\S+)/.exec(sim.kubeconfig)?.[1] as string;
    expect(token.length).toBeGreaterThan(8);
    for (const url of ['/api/status', '/api/topology', '/healthz'])
      expect((await app.inject(url)).body).not.toContain(token);
  });
});
