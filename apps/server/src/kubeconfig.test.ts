import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closedPort } from '../test/net.js';
import { PortolanError } from './errors.js';
import { preflight } from './kube-request.js';
import { resolveKubeconfig } from './kubeconfig.js';

const dir = mkdtempSync(join(tmpdir(), 'portolan-kc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function kubeconfig(server: string, skipTls = true): string {
  const file = join(dir, `kc-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters: [{ name: c1, cluster: { server: "${server}"${skipTls ? ', insecure-skip-tls-verify: true' : ''} } }]
users: [{ name: u1, user: { token: secret-token } }]
contexts: [{ name: ctx1, context: { cluster: c1, user: u1 } }, { name: ctx2, context: { cluster: c1, user: u1 } }]
current-context: ctx1
`,
  );
  return file;
}

function caught(fn: () => unknown): PortolanError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PortolanError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('kubeconfig resolution', () => {
  it('names a missing file and says what to do', () => {
    const err = caught(() => resolveKubeconfig({ file: '/nonexistent', env: {} }));
    expect(err.code).toBe('PORTOLAN_KUBECONFIG_NOT_FOUND');
    expect(err.format()).toContain('kubeconfig /nonexistent does not exist');
    expect(err.format()).toContain('--simulate');
  });
  it('reports a file that is not a kubeconfig', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'clusters: [ { name: \n  - :::');
    const err = caught(() => resolveKubeconfig({ file, env: {} }));
    expect(err.code).toBe('PORTOLAN_KUBECONFIG_INVALID');
    expect(err.message).toContain(`kubeconfig ${file} could not be parsed`);
  });
  it('picks the current context, or --context, and lists the contexts when one is missing', () => {
    const file = kubeconfig('http://127.0.0.1:1');
    expect(resolveKubeconfig({ file, env: {} })).toMatchObject({
      context: 'ctx1',
      server: 'http://127.0.0.1:1',
    });
    expect(resolveKubeconfig({ file, context: 'ctx2', env: {} }).context).toBe('ctx2');
    const err = caught(() => resolveKubeconfig({ file, context: 'prod', env: {} }));
    expect(err.message).toContain('context "prod" is not in');
    expect(err.hint).toContain('ctx1, ctx2');
  });
  it('merges KUBECONFIG files, skipping missing ones as kubectl does', () => {
    const file = kubeconfig('http://127.0.0.1:2');
    const r = resolveKubeconfig({ env: { KUBECONFIG: `/missing.yaml:${file}` } });
    expect(r).toMatchObject({ context: 'ctx1', server: 'http://127.0.0.1:2' });
    expect(() => resolveKubeconfig({ env: { KUBECONFIG: '/a:/b' } })).toThrow(
      'none of the files in KUBECONFIG',
    );
  });
});

describe('preflight', () => {
  it('says the API server is unreachable, with its address, when the port is closed', async () => {
    const port = await closedPort();
    const { kc, server, context } = resolveKubeconfig({
      file: kubeconfig(`http://127.0.0.1:${port}`),
      env: {},
    });
    const err = await preflight(kc, server, context).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortolanError);
    expect((err as PortolanError).code).toBe('PORTOLAN_CLUSTER_UNREACHABLE');
    expect((err as PortolanError).message).toBe(
      `cannot reach the Kubernetes API server at http://127.0.0.1:${port} (connection refused), context "ctx1".`,
    );
  });
  it('explains why a plain-HTTP server without insecure-skip-tls-verify is refused', async () => {
    const { kc, server, context } = resolveKubeconfig({
      file: kubeconfig('http://127.0.0.1:1', false),
      env: {},
    });
    const err = (await preflight(kc, server, context).catch((e: unknown) => e)) as PortolanError;
    expect(err.code).toBe('PORTOLAN_KUBECONFIG_INVALID');
    expect(err.message).toContain('plain-HTTP address (http://127.0.0.1:1)');
  });
});
