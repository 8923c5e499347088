/** Start the real commands (portolan-sim, portolan) as child processes and wait for them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Started {
  proc: ChildProcess;
  output: () => string;
}

export function start(args: string[], name: string): Started {
  let out = '';
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  proc.on('exit', (code) => {
    if (code && code !== 0) process.stderr.write(`[${name}] exited ${code}:\n${out}\n`);
  });
  return { proc, output: () => out };
}

export async function waitFor<T>(
  what: string,
  fn: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
  logs?: () => string,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${what}${logs ? `\n--- output ---\n${logs()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface SimAccess {
  url: string;
  token?: string;
  /** The simulator's CA (PEM) when it serves HTTPS, from certificate-authority-data. */
  caPem?: string;
}

export function readKubeconfig(file: string): SimAccess | undefined {
  if (!existsSync(file)) return undefined;
  let kc: {
    clusters?: { cluster: { server: string; 'certificate-authority-data'?: string } }[];
    users?: { user: { token?: string } }[];
  } | null;
  try {
    kc = parse(readFileSync(file, 'utf8')) as typeof kc;
  } catch {
    return undefined; // caught mid-write: try again
  }
  if (!kc || typeof kc !== 'object') return undefined;
  const cluster = kc.clusters?.[0]?.cluster;
  const ca = cluster?.['certificate-authority-data'];
  return cluster?.server
    ? {
        url: cluster.server,
        token: kc.users?.[0]?.user.token,
        ...(ca ? { caPem: Buffer.from(ca, 'base64').toString('utf8') } : {}),
      }
    : undefined;
}
