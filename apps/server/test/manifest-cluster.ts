/** Test helper: show manifests as `portolan --manifests` does, through the real informers. */
import type { Graph, ObjectStore } from '@portolan/topology';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startManifestCluster } from '../src/manifests-mode.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { ClusterSource } from '../src/source.js';

const cleanups: (() => Promise<void>)[] = [];

export async function closeAll(): Promise<void> {
  for (const c of cleanups.splice(0)) await c();
}

export async function show(
  paths: string[],
): Promise<{ graph: Graph; messages: string[]; store: ObjectStore }> {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-manifests-test-'));
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  const cluster = await startManifestCluster(paths, kubeconfig, () => {});
  const quiet = { info() {}, warn() {}, error() {} };
  const source = new ClusterSource(resolveKubeconfig({ file: kubeconfig, env: {} }), true, quiet);
  cleanups.push(async () => {
    await source.stop();
    await cluster.sim.close();
    rmSync(dir, { recursive: true, force: true });
  });
  source.start();
  const end = Date.now() + 15_000;
  while (!source.synced() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  source.hub.putFindings('manifests', cluster.findings);
  source.hub.flush();
  return {
    graph: source.hub.engine.graph(),
    messages: cluster.findings.map((f) => f.message),
    store: source.hub.engine.store,
  };
}
