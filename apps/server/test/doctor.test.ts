/** `portolan doctor` against the simulated cluster: what each set of credentials can read. */
import { startSimCluster, type SimCluster } from '@portolan/sim-cluster';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorHealthy, doctorText, runDoctor } from '../src/doctor.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { deadClusterKubeconfig } from './net.js';

let sim: SimCluster;
const dir = mkdtempSync(join(tmpdir(), 'portolan-doctor-'));
const kubeconfig = join(dir, 'kc.yaml');

beforeAll(async () => {
  sim = await startSimCluster({
    scenario: 'demo',
    port: 0,
    kubeconfigPath: kubeconfig,
    users: [
      {
        name: 'no-policies',
        token: 't1',
        deny: [{ resource: 'networkpolicies.networking.k8s.io' }],
      },
      { name: 'no-pod-watch', token: 't2', deny: [{ resource: 'pods', verbs: ['watch'] }] },
    ],
  });
  await sim.idle();
});
afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

const doctor = (context?: string) =>
  runDoctor(resolveKubeconfig({ file: kubeconfig, context, env: {} }));

describe('portolan doctor', () => {
  it('lists every kind as readable, with counts, for full credentials', async () => {
    const report = await doctor();
    expect(doctorHealthy(report)).toBe(true);
    const text = doctorText(report);
    expect(text).toContain(`cluster      ${sim.url}`);
    expect(text).toContain('credentials  bearer token');
    expect(text).not.toContain(sim.token);
    expect(text).toMatch(/API server {3}reachable, Kubernetes v1\.\d+/);
    expect(text).toMatch(/Service +readable \(list, watch\), 7 objects/);
    expect(text).toMatch(/Ingress +readable \(list, watch\), 1 object\n/);
    expect(text).toContain('All 8 kinds are readable: Portolan will draw everything.');
  });

  it('names a kind the credentials may not list, with the API server’s words', async () => {
    const report = await doctor('portolan-sim-no-policies');
    expect(doctorHealthy(report)).toBe(false);
    const text = doctorText(report);
    expect(text).toContain(
      'NetworkPolicy  NOT READABLE: list forbidden: networkpolicies.networking.k8s.io is forbidden: User "no-policies" cannot list resource "networkpolicies"',
    );
    expect(text).toContain(
      '1 of 8 kinds cannot be read; Portolan will draw the rest and mark NetworkPolicy as forbidden.',
    );
  });

  it('catches credentials that may list but not watch', async () => {
    const report = await doctor('portolan-sim-no-pod-watch');
    expect(report.kinds.find((k) => k.kind === 'Pod')).toMatchObject({
      list: 'ok',
      watch: 'forbidden',
    });
    expect(doctorText(report)).toContain(
      'Pod            NOT WATCHABLE: watch forbidden: watch answered 403',
    );
  });

  it('says the API server is not usable when nothing answers', async () => {
    const { file, port } = await deadClusterKubeconfig(dir, 'gone', '{}');
    const report = await runDoctor(resolveKubeconfig({ file, env: {} }));
    expect(doctorText(report)).toContain(
      `API server   not usable: cannot reach the Kubernetes API server at https://127.0.0.1:${port} (connection refused), context "gone".`,
    );
    expect(doctorText(report)).toContain('credentials  none (anonymous)');
  });
});
