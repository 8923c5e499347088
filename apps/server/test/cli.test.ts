/** The `portolan` command as a user runs it: exit codes and what it prints. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { deadClusterKubeconfig } from './net.js';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'portolan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function portolan(...args: string[]) {
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, KUBECONFIG: '', HOME: dir },
    timeout: 20_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('portolan command', () => {
  it('exits 1 with a specific message for a missing kubeconfig', () => {
    const r = portolan('--kubeconfig', '/nonexistent');
    expect(r.code).toBe(1);
    expect(r.out).toContain('portolan: kubeconfig /nonexistent does not exist.');
    expect(r.out).toContain('PORTOLAN_KUBECONFIG_NOT_FOUND');
  });

  it('exits 1 naming the address when the cluster port is closed', async () => {
    const { file, port } = await deadClusterKubeconfig(dir);
    const r = portolan('--kubeconfig', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `cannot reach the Kubernetes API server at https://127.0.0.1:${port} (connection refused)`,
    );
  });

  it('says there is no kubeconfig at all, and suggests --simulate', () => {
    const r = portolan();
    expect(r.code).toBe(1);
    expect(r.out).toContain('no kubeconfig found');
    expect(r.out).toContain('--simulate');
  });

  it('prints help and exits 0', () => {
    const r = portolan('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: portolan [options]');
  });

  it('prints the connectivity report of manifests, workload by workload', () => {
    const app = fileURLToPath(
      new URL('../../../../shared/corpus/manifests/google-microservices-demo/', import.meta.url),
    );
    const r = spawnSync(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        cli,
        'connectivity',
        '--manifests',
        `${app}release/kubernetes-manifests.yaml`,
        `${app}kustomize/components/network-policies`,
      ],
      { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '', HOME: dir }, timeout: 60_000 },
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(
      '0.0.0.0-255.255.255.255 => default/frontend[Deployment] : All Connections',
    );
    expect(lines).toContain(
      'default/checkoutservice[Deployment] => default/paymentservice[Deployment] : TCP 50051',
    );
    expect(lines).toContain(
      'default/cartservice[Deployment] => default/redis-cart[Deployment] : TCP 6379',
    );
    expect(
      lines.some((l) => l.startsWith('default/frontend[Deployment] => default/paymentservice')),
    ).toBe(false);
    expect(r.stderr).toContain('applied 48 object(s)');
  });

  it('doctor lists what the credentials can read and exits 0 when everything is', () => {
    const r = portolan('doctor', '--simulate', 'demo');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/API server {3}reachable, Kubernetes v1\.\d+/);
    expect(r.out).toMatch(/NetworkPolicy +readable \(list, watch\), 1 object/);
    expect(r.out).toContain('All 8 kinds are readable');
  });
});
