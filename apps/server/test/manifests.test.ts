/**
 * `portolan --manifests`: real manifests applied to a fresh simulated
 * cluster, read back through the real informers, drawn by the engine.
 */
import type { Graph } from '@portolan/topology';
import { describePaths } from '@portolan/topology';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startManifestCluster } from '../src/manifests-mode.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { ClusterSource } from '../src/source.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const corpus = (p: string) => here(`../../../../shared/corpus/manifests/${p}`);
const dirs: string[] = [];
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of closers) await c();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function show(paths: string[]): Promise<{ graph: Graph; messages: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-manifests-test-'));
  dirs.push(dir);
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  const cluster = await startManifestCluster(paths, kubeconfig, () => {});
  const source = new ClusterSource(resolveKubeconfig({ file: kubeconfig, env: {} }), true, {
    info() {},
    warn() {},
    error() {},
  });
  closers.push(async () => {
    await source.stop();
    await cluster.sim.close();
  });
  source.start();
  const end = Date.now() + 15_000;
  while (!source.synced() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 100));
  source.hub.putFindings('manifests', cluster.findings);
  source.hub.flush();
  return { graph: source.hub.engine.graph(), messages: cluster.findings.map((f) => f.message) };
}

describe("the seeds' broken examples", () => {
  it('each raises the finding the API server would give, with file and line', async () => {
    const { messages, graph } = await show([here('./fixtures/seeds')]);
    const file = '(?:apps/server/)?test/fixtures/seeds';
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^${file}/externalname.yaml:1: the API server would reject Service prod/my-service: .*v`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^${file}/network-policy.yaml:1: the API server would reject NetworkPolicy my-app-network-policy: .*unknown field "spec.egress\\[0\\].to\\[0\\].cidrSelector"`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^${file}/service-definitions.yaml:1: the API server would reject Service myapp-service: .*unknown field "selector"`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^${file}/service-definitions.yaml:16: the API server would reject Service backend-service: .*Unsupported value: "clusterIP"`,
          ),
        ),
      ]),
    );
    expect(graph.findings.filter((f) => f.code === 'MANIFEST_REJECTED')).toHaveLength(4);
  });
});

describe('corpus: Online Boutique', () => {
  it('shows external -> LoadBalancer :80 -> NodePort -> frontend-external :80 -> frontend pods :8080, with no findings', async () => {
    const { graph } = await show([
      corpus('google-microservices-demo/release/kubernetes-manifests.yaml'),
    ]);
    const paths = describePaths(graph);
    const external = paths.filter((p) =>
      p.startsWith('External -> LoadBalancer default/frontend-external'),
    );
    expect(external).toHaveLength(1);
    expect(external[0]).toMatch(
      /^External -> LoadBalancer default\/frontend-external \[192\.0\.2\.\d+\] 80\/TCP -> NodePort default\/frontend-external 80 -> (\d+)\/TCP -> Service default\/frontend-external \1 -> 80\/TCP -> Pods default\/frontend \(1 ready\) 80 -> 8080\/TCP$/,
    );
    expect(graph.findings.map((f) => f.message)).toEqual([]);
  });
});
