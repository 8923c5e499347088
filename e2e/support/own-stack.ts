/**
 * A simulated cluster and a `portolan` of a spec's own, on free loopback
 * ports, for specs that stop or restart the server (the global one serves
 * every other spec and must stay up).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKubeconfig, start, waitFor, type Started } from './processes.js';

export interface OwnStack {
  sim: Started;
  kubeconfig: string;
  app: Started;
  url: string;
}

export async function startPortolan(
  kubeconfig: string,
  port = 0,
  extraArgs: string[] = [],
): Promise<{ app: Started; url: string }> {
  const app = start(
    ['apps/server/dist/cli.js', '--kubeconfig', kubeconfig, '--port', String(port), ...extraArgs],
    'portolan (own)',
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
  return { app, url };
}

export async function startOwnStack(
  scenario = 'demo',
  /** Change the kubeconfig before portolan reads it (e.g. add contexts). */
  editKubeconfig?: (file: string) => Promise<void> | void,
  portolanArgs: string[] = [],
): Promise<OwnStack> {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-e2e-own-'));
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  const sim = start(
    [
      'packages/sim-cluster/dist/cli.js',
      '--port',
      '0',
      '--scenario',
      scenario,
      '--kubeconfig-out',
      kubeconfig,
      '--ready-delay',
      '200',
    ],
    'portolan-sim (own)',
  );
  await waitFor(
    'the simulated cluster to write its kubeconfig',
    () => readKubeconfig(kubeconfig),
    30_000,
    sim.output,
  );
  await editKubeconfig?.(kubeconfig);
  const { app, url } = await startPortolan(kubeconfig, 0, portolanArgs);
  return { sim, kubeconfig, app, url };
}

/** Stop a process and wait until it has exited. */
export async function stop(p: Started): Promise<void> {
  if (p.proc.exitCode !== null || p.proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.proc.once('exit', () => resolve()));
  p.proc.kill('SIGTERM');
  await exited;
}
