/**
 * The kubeconfig auth kinds kubectl supports, against the simulated cluster
 * over TLS with its own CA: each works, and each failure says what is wrong
 * in its own words (the message a user sees at startup).
 */
import { startSimCluster, type SimCluster } from '@portolan/sim-cluster';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PortolanError } from '../src/errors.js';
import { preflight } from '../src/kube-request.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { closedPort } from './net.js';

let sim: SimCluster;
/** A CA that did not sign the simulator's certificate. */
const unrelatedCa = readFileSync(new URL('./fixtures/unrelated-ca.pem', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'portolan-auth-'));

beforeAll(async () => {
  sim = await startSimCluster({
    scenario: 'empty',
    port: 0,
    tls: true,
    kubeconfigPath: join(dir, 'a.yaml'),
  });
});
afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A kubeconfig with one context "ctx" for this cluster and user entry. */
function kubeconfig(cluster: Record<string, unknown>, user: Record<string, unknown>): string {
  const file = join(dir, `kc-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server: sim.url, ...cluster } }],
      users: [{ name: 'me', user }],
      contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'me' } }],
      'current-context': 'ctx',
    }),
  );
  return file;
}

const withCa = () => ({ 'certificate-authority-data': b64(sim.caPem ?? '') });

async function check(file: string): Promise<{ gitVersion?: string }> {
  const { kc, server, context } = resolveKubeconfig({ file, env: {} });
  return preflight(kc, server, context);
}

async function failure(file: string): Promise<PortolanError> {
  const err = await check(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof PortolanError)) throw new Error(`expected a PortolanError, got ${err}`);
  return err;
}

function nodeScript(js: string): { command: string; args: string[] } {
  return { command: process.execPath, args: ['-e', js] };
}

describe('kubeconfig auth kinds against a TLS cluster', () => {
  it('verifies the server with certificate-authority-data and sends the bearer token', async () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect((await check(kubeconfig(withCa(), { token: sim.token }))).gitVersion).toMatch(/^v1\./);
  });

  it('reads certificate-authority and token-file relative to the kubeconfig, as kubectl does', async () => {
    writeFileSync(join(dir, 'ca.crt'), sim.caPem ?? '');
    writeFileSync(join(dir, 'token'), sim.token);
    const file = kubeconfig({ 'certificate-authority': 'ca.crt' }, { 'token-file': 'token' });
    expect((await check(file)).gitVersion).toMatch(/^v1\./);
  });

  it('says TLS verification failed when the CA is not the one that signed the server', async () => {
    const err = await failure(
      kubeconfig({ 'certificate-authority-data': b64(unrelatedCa) }, { token: sim.token }),
    );
    expect(err.code).toBe('PORTOLAN_CLUSTER_TLS');
    expect(err.message).toMatch(new RegExp(`^TLS verification failed for ${sim.url}: `));
    expect(err.hint).toContain('certificate-authority');
  });

  it('says the credentials were rejected (401) when the token is wrong', async () => {
    const err = await failure(kubeconfig(withCa(), { token: 'expired-token' }));
    expect(err.code).toBe('PORTOLAN_CLUSTER_UNAUTHORIZED');
    expect(err.message).toBe(
      `the API server at ${sim.url} rejected the credentials of context "ctx" (401 Unauthorized).`,
    );
    expect(err.hint).toContain('log in again');
  });

  it('names a missing certificate-authority file', async () => {
    const err = await failure(kubeconfig({ 'certificate-authority': 'nowhere/ca.crt' }, {}));
    expect(err.code).toBe('PORTOLAN_KUBECONFIG_FILE_MISSING');
    expect(err.message).toBe(
      `the kubeconfig (context "ctx") names ${join(dir, 'nowhere/ca.crt')}, which does not exist.`,
    );
  });

  it('names a missing token-file', () => {
    const file = kubeconfig(withCa(), { 'token-file': join(dir, 'no-token') });
    let err: unknown;
    try {
      resolveKubeconfig({ file, env: {} });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PortolanError);
    expect((err as PortolanError).message).toBe(
      `kubeconfig ${file} names the token file ${join(dir, 'no-token')}, which does not exist.`,
    );
  });

  it('runs an exec credential plugin and uses the token it prints', async () => {
    const credential = {
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      status: { token: sim.token },
    };
    const exec = {
      apiVersion: 'client.authentication.k8s.io/v1',
      ...nodeScript(`process.stdout.write(${JSON.stringify(JSON.stringify(credential))})`),
    };
    expect((await check(kubeconfig(withCa(), { exec }))).gitVersion).toMatch(/^v1\./);
  });

  it('reports a failing exec plugin with its stderr and the command to run', async () => {
    const exec = {
      apiVersion: 'client.authentication.k8s.io/v1',
      ...nodeScript(
        'process.stderr.write("error: the SSO session has expired; run aws sso login\\n"); process.exit(1)',
      ),
    };
    const err = await failure(kubeconfig(withCa(), { exec }));
    expect(err.code).toBe('PORTOLAN_AUTH_PLUGIN_FAILED');
    expect(err.message).toBe(
      'the credential plugin of user "me" (context "ctx") failed: error: the SSO session has expired; run aws sso login',
    );
    expect(err.hint).toContain(`Run "${process.execPath} -e`);
  });

  it('says when the exec plugin command does not exist', async () => {
    const exec = {
      apiVersion: 'client.authentication.k8s.io/v1',
      command: 'kubelogin-not-installed',
    };
    const err = await failure(kubeconfig(withCa(), { exec }));
    expect(err.code).toBe('PORTOLAN_AUTH_PLUGIN_FAILED');
    expect(err.message).toBe(
      'the credential plugin of user "me" (context "ctx") could not be started: command "kubelogin-not-installed" was not found.',
    );
  });

  it('reports an exec plugin that prints something other than an ExecCredential', async () => {
    const exec = {
      apiVersion: 'client.authentication.k8s.io/v1',
      ...nodeScript('console.log("ok")'),
    };
    const err = await failure(kubeconfig(withCa(), { exec }));
    expect(err.code).toBe('PORTOLAN_AUTH_PLUGIN_FAILED');
    expect(err.message).toContain('printed something that is not an ExecCredential');
  });
});

describe('proxy-url', () => {
  let proxy: Server;
  const tunnels: string[] = [];
  const sockets = new Set<{ destroy(): void }>();
  beforeAll(async () => {
    // A CONNECT proxy on loopback, as an HTTPS proxy in front of a cluster would be.
    proxy = createServer();
    proxy.on('connect', (req, socket, head) => {
      tunnels.push(req.url ?? '');
      sockets.add(socket);
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        sockets.add(upstream);
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  });
  afterAll(() => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((r) => proxy.close(() => r()));
  });

  it('goes through the proxy the kubeconfig names', async () => {
    const port = (proxy.address() as { port: number }).port;
    const file = kubeconfig(
      { ...withCa(), 'proxy-url': `http://127.0.0.1:${port}` },
      { token: sim.token },
    );
    expect((await check(file)).gitVersion).toMatch(/^v1\./);
    expect(tunnels).toContain(new URL(sim.url).host);
  });

  it('names the proxy when it cannot be reached', async () => {
    const port = await closedPort();
    const err = await failure(
      kubeconfig({ ...withCa(), 'proxy-url': `http://127.0.0.1:${port}` }, { token: sim.token }),
    );
    expect(err.code).toBe('PORTOLAN_PROXY_FAILED');
    expect(err.message).toBe(
      `cannot reach the Kubernetes API server at ${sim.url} through the proxy http://127.0.0.1:${port} (connection refused), context "ctx".`,
    );
  });
});
