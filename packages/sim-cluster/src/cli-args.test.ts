import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_KUBECONFIG, DEFAULT_PORT, parseArgs } from './cli-args.js';
import { startSimCluster } from './index.js';

describe('portolan-sim arguments', () => {
  it('has defaults and reads every flag, with or without =', () => {
    expect(parseArgs([])).toEqual({
      port: DEFAULT_PORT,
      scenario: 'demo',
      kubeconfigOut: DEFAULT_KUBECONFIG,
      verbose: false,
      tls: true,
      help: false,
    });
    expect(
      parseArgs([
        '--port',
        '0',
        '--scenario=empty',
        '--kubeconfig-out',
        'k.yaml',
        '--ready-delay=0',
        '--verbose',
        '--churn',
        '2.5',
        '--probe-delay-scale=0.1',
        '--no-tls',
      ]),
    ).toEqual({
      port: 0,
      scenario: 'empty',
      kubeconfigOut: 'k.yaml',
      readyDelayMs: 0,
      churn: 2.5,
      probeDelayScale: 0.1,
      verbose: true,
      tls: false,
      help: false,
    });
    expect(parseArgs(['--write-kubeconfig', 'x.yaml']).kubeconfigOut).toBe('x.yaml');
    expect(parseArgs(['--no-tls', '--tls']).tls).toBe(true);
    expect(parseArgs(['--help']).help).toBe(true);
  });

  it('explains bad input', () => {
    expect(() => parseArgs(['--port', 'x'])).toThrow('--port needs a number, got "x"');
    expect(() => parseArgs(['--port', '70000'])).toThrow(
      '--port must be between 0 and 65535, got 70000',
    );
    expect(() => parseArgs(['--scenario'])).toThrow('--scenario needs a value');
    expect(() => parseArgs(['--bogus'])).toThrow('unknown option "--bogus"');
  });
});

describe('startSimCluster', () => {
  it('says so clearly when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startSimCluster({ port, scenario: 'empty' })).rejects.toMatchObject({
        code: 'EADDRINUSE',
        message: `port ${port} on 127.0.0.1 is already in use`,
      });
    } finally {
      blocker.close();
    }
  });

  it('binds 127.0.0.1 and writes an owner-only kubeconfig naming cluster, context and user portolan-sim', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sim-kc-')), 'nested', 'kubeconfig.yaml');
    const sim = await startSimCluster({ scenario: 'empty', kubeconfigPath: path, tls: false });
    try {
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const kc = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      expect(kc).toMatchObject({
        'current-context': 'portolan-sim',
        clusters: [
          { name: 'portolan-sim', cluster: { server: sim.url, 'insecure-skip-tls-verify': true } },
        ],
        contexts: [
          { name: 'portolan-sim', context: { cluster: 'portolan-sim', user: 'portolan-sim' } },
        ],
        users: [{ name: 'portolan-sim', user: { token: sim.token } }],
      });
      expect(readFileSync(path, 'utf8')).toBe(sim.kubeconfig);
    } finally {
      await sim.close();
    }
  });
});
