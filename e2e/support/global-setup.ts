/**
 * Starts `portolan-sim` (demo scenario, its own kubeconfig) and then
 * `portolan --kubeconfig` on it, exactly as a user would, on free loopback
 * ports. Tests read PORTOLAN_URL, PORTOLAN_SIM_URL and PORTOLAN_SIM_TOKEN.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKubeconfig, start, waitFor } from './processes.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-e2e-'));
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  const sim = start(
    [
      'packages/sim-cluster/dist/cli.js',
      '--port',
      '0',
      '--scenario',
      'demo',
      '--kubeconfig-out',
      kubeconfig,
      '--ready-delay',
      '200',
    ],
    'portolan-sim',
  );
  const access = await waitFor(
    'the simulated cluster to write its kubeconfig',
    () => readKubeconfig(kubeconfig),
    30_000,
    sim.output,
  );
  const app = start(
    ['apps/server/dist/cli.js', '--kubeconfig', kubeconfig, '--port', '0'],
    'portolan',
  );
  const url = await waitFor(
    'portolan to print its URL',
    () => /serving (http:\/\/\S+)/.exec(app.output())?.[1],
    30_000,
    app.output,
  );
  await waitFor(
    'portolan to sync every informer (/healthz 200)',
    async () =>
      (await fetch(`${url}/healthz`).catch(() => undefined))?.status === 200 ? true : undefined,
    30_000,
    app.output,
  );
  process.env.PORTOLAN_URL = url;
  process.env.PORTOLAN_SIM_URL = access.url;
  if (access.token) process.env.PORTOLAN_SIM_TOKEN = access.token;
  if (access.caPem) {
    // The simulator serves HTTPS with its own CA: the test workers (started after this) trust it.
    writeFileSync(join(dir, 'sim-ca.pem'), access.caPem);
    process.env.NODE_EXTRA_CA_CERTS = join(dir, 'sim-ca.pem');
  }
  return async () => {
    app.proc.kill('SIGTERM');
    sim.proc.kill('SIGTERM');
  };
}
