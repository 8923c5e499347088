/** Switching the kubeconfig context from the UI (--context-picker). */
import { startSimCluster, type SimCluster } from '@portolan/sim-cluster';
import Fastify from 'fastify';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { contextChoices, registerContextRoutes } from '../src/context-routes.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { ClusterSource } from '../src/source.js';
import { closedPort, until } from './net.js';

let sim: SimCluster;
let source: ClusterSource;
const dir = mkdtempSync(join(tmpdir(), 'portolan-context-'));
const file = join(dir, 'kc.yaml');
const app = Fastify();
let allowed = true;
const quiet = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  sim = await startSimCluster({
    scenario: 'demo',
    port: 0,
    kubeconfigPath: file,
    users: [
      { name: 'viewer', token: 'v', deny: [{ resource: 'networkpolicies.networking.k8s.io' }] },
    ],
  });
  // One more context, for a cluster that is not there.
  const kc = parse(readFileSync(file, 'utf8')) as Record<string, { name: string }[]>;
  kc.clusters!.push({
    name: 'gone',
    cluster: { server: `https://127.0.0.1:${await closedPort()}` },
  } as never);
  kc.contexts!.push({ name: 'gone', context: { cluster: 'gone', user: 'portolan-sim' } } as never);
  writeFileSync(file, stringify(kc));
  const config = resolveKubeconfig({ file, env: {} });
  source = new ClusterSource(config, true, quiet);
  registerContextRoutes(
    app,
    source,
    {
      list: () => contextChoices(config),
      resolve: (name) => resolveKubeconfig({ file, context: name, env: {} }),
    },
    () => allowed,
  );
  source.start();
});
afterAll(async () => {
  await app.close();
  await source?.stop();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('context picker', () => {
  it('lists the contexts with their cluster addresses, never credentials', async () => {
    const res = await app.inject('/api/contexts');
    expect(res.json()).toMatchObject({
      current: 'portolan-sim',
      switchable: true,
      contexts: [
        { name: 'portolan-sim', cluster: sim.url },
        { name: 'portolan-sim-viewer', cluster: sim.url },
        { name: 'gone', cluster: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/) },
      ],
    });
    expect(res.body).not.toContain(sim.token);
  });

  it('switches to another context: the old streams end, the new credentials apply', async () => {
    await until('the first sync', () => source.synced() || undefined);
    const oldHub = source.hub;
    let ended = false;
    oldHub.attach({ write() {}, close: () => (ended = true) } as never);
    const res = await app.inject({
      method: 'POST',
      url: '/api/context',
      payload: { context: 'portolan-sim-viewer' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ current: 'portolan-sim-viewer', cluster: sim.url });
    expect(ended).toBe(true);
    expect(source.hub).not.toBe(oldHub);
    await until('the new context to sync', () => source.synced() || undefined);
    expect(source.status()).toMatchObject({ context: 'portolan-sim-viewer' });
    expect(source.status().kinds.find((k) => k.kind === 'NetworkPolicy')?.state).toBe('forbidden');
    source.hub.flush();
    expect(source.hub.engine.graph().nodes.some((n) => n.id === 'svc:shop/frontend')).toBe(true);
  });

  it('refuses a context that does not answer, says why, and keeps the current one', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/context',
      payload: { context: 'gone' },
    });
    expect(res.statusCode).toBe(502);
    expect(res.json().error).toMatch(
      /^Still showing portolan-sim-viewer: cannot reach the Kubernetes API server at https:\/\/127\.0\.0\.1:\d+ \(connection refused\), context "gone"\.$/,
    );
    expect(source.status().context).toBe('portolan-sim-viewer');
  });

  it('refuses unknown contexts and viewers who did not start Portolan', async () => {
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/context',
      payload: { context: 'prod' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toBe(
      'No context "prod" in the kubeconfig; contexts: portolan-sim, portolan-sim-viewer, gone.',
    );
    allowed = false;
    const guest = await app.inject({
      method: 'POST',
      url: '/api/context',
      payload: { context: 'portolan-sim' },
    });
    expect(guest.statusCode).toBe(403);
    expect((await app.inject('/api/contexts')).json()).toMatchObject({
      switchable: false,
      contexts: [{ name: 'portolan-sim-viewer' }],
    });
    allowed = true;
  });
});
