/**
 * deploy/: applied with real kubectl to the simulated cluster, the objects
 * and RBAC rules are what an operator expects, and Portolan's own Service
 * shows up in its graph.
 */
import { startSimCluster, type SimCluster } from '@portolan/sim-cluster';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { ClusterSource } from '../src/source.js';

const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));
const DEPLOY = fileURLToPath(new URL('../../../deploy/portolan.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'portolan-deploy-'));
let sim: SimCluster | undefined;
let source: ClusterSource | undefined;
afterAll(async () => {
  await source?.stop();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!KUBECTL)('in-cluster install (kubectl apply -f deploy/)', () => {
  it('creates read-only RBAC, a hardened Deployment and a Service that Portolan then draws', async () => {
    const kubeconfig = join(dir, 'kc.yaml');
    sim = await startSimCluster({
      scenario: 'empty',
      port: 0,
      kubeconfigPath: kubeconfig,
      readyDelayMs: 0,
    });
    // Asynchronous: the simulated cluster answers from this same process.
    const kubectl = async (...args: string[]) =>
      (
        await promisify(execFile)(KUBECTL as string, ['--kubeconfig', kubeconfig, ...args], {
          timeout: 30_000,
        })
      ).stdout;
    const applied = await kubectl('apply', '-f', DEPLOY);
    expect(applied).toContain('deployment.apps/portolan created');
    expect(applied).toContain('clusterrole.rbac.authorization.k8s.io/portolan-read created');

    const role = JSON.parse(await kubectl('get', 'clusterrole', 'portolan-read', '-o', 'json')) as {
      rules: { resources: string[]; verbs: string[] }[];
    };
    for (const rule of role.rules) expect(rule.verbs).toEqual(['get', 'list', 'watch']);
    expect(role.rules.flatMap((r) => r.resources)).not.toContain('secrets');

    const deploy = JSON.parse(
      await kubectl('get', 'deployment', '-n', 'portolan', 'portolan', '-o', 'json'),
    ) as {
      spec: {
        template: {
          spec: {
            securityContext: { runAsNonRoot: boolean };
            containers: { securityContext: Record<string, unknown> }[];
          };
        };
      };
    };
    expect(deploy.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    expect(deploy.spec.template.spec.containers[0]?.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
    });
    await sim.idle();

    source = new ClusterSource(resolveKubeconfig({ file: kubeconfig, env: {} }), true, {
      info() {},
      warn() {},
      error() {},
    });
    source.start();
    const end = Date.now() + 10_000;
    while (!source.synced() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    source.hub.flush();
    const graph = source.hub.engine.graph();
    const edge = graph.edges.find(
      (e) => e.source === 'svc:portolan/portolan' && e.target.startsWith('pod:portolan/portolan-'),
    );
    expect(edge?.ports).toEqual([{ from: 80, to: 7420, protocol: 'TCP', name: 'http' }]);
  });
});
