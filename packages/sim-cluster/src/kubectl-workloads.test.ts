/**
 * Real kubectl driving workloads through the simulator: apply (client- and
 * server-side), rollout status, scale, rollout restart, get -w, label,
 * annotate, delete -l / -f. Skipped (with a message) where kubectl is absent.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimCluster, type SimCluster } from './index.js';

const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));
if (!KUBECTL) console.warn('kubectl-workloads.test.ts: no kubectl installed, skipping');
const run = promisify(execFile);

const APP = `apiVersion: v1
kind: Namespace
metadata: {name: web}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: web, labels: {app: frontend}}
spec:
  replicas: 2
  selector: {matchLabels: {app: frontend}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  template:
    metadata: {labels: {app: frontend}}
    spec:
      containers:
      - name: server
        image: example/frontend:1
        ports: [{name: http, containerPort: 8080}]
        readinessProbe: {httpGet: {path: /healthz, port: http}}
---
apiVersion: v1
kind: Service
metadata: {name: frontend, namespace: web, labels: {app: frontend}}
spec:
  type: LoadBalancer
  selector: {app: frontend}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: web, labels: {app: frontend}}
data: {mode: demo}
`;

describe.skipIf(!KUBECTL)('real kubectl with workloads', () => {
  let sim: SimCluster;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const kubectl = async (...args: string[]) =>
    (await run(KUBECTL as string, args, { env, timeout: 30_000 })).stdout;
  const readyEndpoints = () =>
    sim
      .list('discovery.k8s.io/v1', 'EndpointSlice', 'web')
      .flatMap((s) => s.endpoints as { conditions: { ready: boolean } }[])
      .filter((e) => e.conditions.ready).length;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sim-kubectl-wl-'));
    sim = await startSimCluster({
      scenario: 'empty',
      readyDelayMs: 50,
      terminationDelayMs: 50,
      kubeconfigPath: join(dir, 'kubeconfig.yaml'),
    });
    env = { ...process.env, KUBECONFIG: join(dir, 'kubeconfig.yaml'), HOME: dir };
    writeFileSync(join(dir, 'app.yaml'), APP);
  });
  afterAll(() => sim.close());

  it('apply, rollout status, scale, rollout restart, get -w', async () => {
    const file = join(dir, 'app.yaml');
    expect(await kubectl('apply', '-f', file)).toBe(
      'namespace/web created\ndeployment.apps/frontend created\nservice/frontend created\nconfigmap/settings created\n',
    );
    expect(
      await kubectl('rollout', 'status', '-n', 'web', 'deploy/frontend', '--timeout=20s'),
    ).toContain('deployment "frontend" successfully rolled out');
    expect(await kubectl('apply', '-f', file)).toBe(
      'namespace/web unchanged\ndeployment.apps/frontend unchanged\nservice/frontend unchanged\nconfigmap/settings unchanged\n',
    );
    expect(await kubectl('scale', '-n', 'web', 'deploy/frontend', '--replicas=5')).toBe(
      'deployment.apps/frontend scaled\n',
    );
    await kubectl('rollout', 'status', '-n', 'web', 'deploy/frontend', '--timeout=20s');
    await sim.idle();
    expect(readyEndpoints()).toBe(5);
    const table = await kubectl('get', 'deploy', '-n', 'web');
    expect(table).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\n/);
    expect(table).toMatch(/^frontend\s+5\/5\s+5\s+5\s+\S+$/m);
    expect(await kubectl('get', 'rs', '-n', 'web', '--no-headers')).toMatch(
      /^frontend-\w+\s+5\s+5\s+5\s+/,
    );

    const watcher = spawn(KUBECTL as string, ['get', 'deploy', '-n', 'web', '-w', '--no-headers'], {
      env,
    });
    let watched = '';
    watcher.stdout.on('data', (d: Buffer) => (watched += d.toString()));
    try {
      await new Promise((r) => setTimeout(r, 500));
      expect(await kubectl('rollout', 'restart', '-n', 'web', 'deploy/frontend')).toBe(
        'deployment.apps/frontend restarted\n',
      );
      expect(
        await kubectl('rollout', 'status', '-n', 'web', 'deploy/frontend', '--timeout=30s'),
      ).toContain('successfully rolled out');
      await new Promise((r) => setTimeout(r, 300));
      expect(watched.trim().split('\n').length).toBeGreaterThan(2);
      expect(watched).toMatch(/^frontend\s+5\/5\s+5\s+5\s+/m);
    } finally {
      watcher.kill();
    }
    await sim.idle();
    const rs = sim.list('apps/v1', 'ReplicaSet', 'web');
    expect(rs.map((r) => (r.spec as { replicas: number }).replicas).sort()).toEqual([0, 5]);
    expect(readyEndpoints()).toBe(5);
  });

  it('kubectl create namespace / configmap / secret (protobuf bodies)', async () => {
    expect(await kubectl('create', 'namespace', 'proto')).toBe('namespace/proto created\n');
    expect(await kubectl('create', 'configmap', 'cfg', '-n', 'proto', '--from-literal=a=1')).toBe(
      'configmap/cfg created\n',
    );
    expect(
      await kubectl('create', 'secret', 'generic', 's', '-n', 'proto', '--from-literal=pw=x'),
    ).toBe('secret/s created\n');
    expect(
      sim.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'proto', name: 'cfg' })?.data,
    ).toEqual({ a: '1' });
    expect(
      sim.get({ apiVersion: 'v1', kind: 'Secret', namespace: 'proto', name: 's' })?.data,
    ).toEqual({ pw: 'eA==' });
  });

  it('label, annotate, server-side apply, strict field errors, delete -l and -f', async () => {
    expect(await kubectl('label', '-n', 'web', 'deploy/frontend', 'tier=web')).toBe(
      'deployment.apps/frontend labeled\n',
    );
    expect(await kubectl('annotate', '-n', 'web', 'svc/frontend', 'owner=team-a')).toBe(
      'service/frontend annotated\n',
    );
    const ssa = join(dir, 'ssa.yaml');
    writeFileSync(
      ssa,
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa, namespace: web}\ndata: {a: "1", b: "2"}\n',
    );
    expect(await kubectl('apply', '--server-side', '-f', ssa)).toBe(
      'configmap/ssa serverside-applied\n',
    );
    writeFileSync(
      ssa,
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa, namespace: web}\ndata: {a: "3"}\n',
    );
    await kubectl('apply', '--server-side', '-f', ssa);
    expect(
      sim.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'web', name: 'ssa' })?.data,
    ).toEqual({ a: '3' });
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'apiVersion: v1\nkind: Service\nmetadata: {name: bad, namespace: web}\nselector: {app: x}\nspec:\n  ports: [{port: 80}]\n',
    );
    const err = await kubectl('apply', '-f', bad).catch((e: { stderr: string }) => e.stderr);
    expect(err).toContain('strict decoding error: unknown field "selector"');
    expect(await kubectl('delete', 'rs', '-n', 'web', '--all', '--cascade=orphan')).toMatch(
      /deleted/,
    );
    await sim.idle();
    expect(sim.list('v1', 'Pod', 'web').length).toBe(5);
    expect(await kubectl('delete', 'cm', '-n', 'web', '-l', 'app=frontend')).toBe(
      'configmap "settings" deleted\n',
    );
    // The namespace goes first and takes its contents with it (kubectl prints what it deleted itself).
    expect(await kubectl('delete', '-f', join(dir, 'app.yaml'), '--ignore-not-found')).toContain(
      'namespace "web" deleted',
    );
    await sim.idle();
    expect(sim.list('v1', 'Pod', 'web')).toEqual([]);
  });
});

describe.skipIf(!KUBECTL)('real kubectl over TLS with the simulator CA', () => {
  it('verifies the server certificate from certificate-authority-data (TLS is the default)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-kubectl-tls-'));
    const sim = await startSimCluster({
      scenario: 'empty',
      kubeconfigPath: join(dir, 'kubeconfig.yaml'),
    });
    try {
      expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.kubeconfig).toContain('certificate-authority-data');
      expect(sim.kubeconfig).not.toContain('insecure-skip-tls-verify');
      const env = { ...process.env, KUBECONFIG: join(dir, 'kubeconfig.yaml'), HOME: dir };
      const out = await run(KUBECTL as string, ['get', 'nodes', '-o', 'name'], {
        env,
        timeout: 20_000,
      });
      expect(out.stdout).toContain('node/portolan-worker');
    } finally {
      await sim.close();
    }
  });
});
