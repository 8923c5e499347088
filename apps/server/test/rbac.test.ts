/** Credentials that may not list some kinds: those kinds say so, the rest works. */
import { startSimCluster, type SimCluster } from '@portolan/sim-cluster';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { ClusterSource } from '../src/source.js';

let sim: SimCluster;
let source: ClusterSource;
const dir = mkdtempSync(join(tmpdir(), 'portolan-rbac-'));
afterAll(async () => {
  await source?.stop();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('per-kind RBAC', () => {
  it('marks a forbidden kind, keeps drawing the others, and reports health', async () => {
    sim = await startSimCluster({
      scenario: 'demo',
      port: 0,
      kubeconfigPath: join(dir, 'kc.yaml'),
      users: [
        {
          name: 'viewer',
          token: 'viewer-token',
          deny: [{ resource: 'networkpolicies.networking.k8s.io' }],
        },
      ],
    });
    const config = resolveKubeconfig({
      file: join(dir, 'kc.yaml'),
      context: 'portolan-sim-viewer',
      env: {},
    });
    source = new ClusterSource(config, true, { info() {}, warn() {}, error() {} });
    const app = await buildApp({ source, webDir: join(dir, 'none') });
    source.start();
    const end = Date.now() + 10_000;
    while (!source.synced() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    const np = source.status().kinds.find((k) => k.kind === 'NetworkPolicy');
    expect(np?.state).toBe('forbidden');
    expect(np?.message).toContain(
      'networkpolicies.networking.k8s.io is forbidden: User "viewer" cannot list resource "networkpolicies"',
    );
    expect(source.status().kinds.filter((k) => k.state === 'synced')).toHaveLength(7);
    const health = await app.inject('/healthz');
    expect(health.statusCode).toBe(200);
    expect(health.json().kinds).toContainEqual(
      expect.objectContaining({ kind: 'NetworkPolicy', state: 'forbidden' }),
    );
    const graph = (await app.inject('/api/topology')).json() as { nodes: { id: string }[] };
    expect(graph.nodes.some((n) => n.id === 'svc:shop/frontend')).toBe(true);
    expect(source.readableReport()).toContain('  Service: readable (7)');
    await app.close();
  });
});
