/**
 * Real kubectl against the simulator, through the kubeconfig it writes.
 * Skipped (with a message) only where no kubectl is installed.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimCluster, type SimCluster } from './index.js';

const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));
if (!KUBECTL)
  console.warn(
    'kubectl.test.ts: no kubectl in /usr/bin or /usr/local/bin, skipping the real-kubectl tests',
  );
const run = promisify(execFile);

describe.skipIf(!KUBECTL)('real kubectl against portolan-sim', () => {
  let sim: SimCluster;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const kubectl = async (...args: string[]) =>
    (await run(KUBECTL as string, args, { env, timeout: 15_000 })).stdout;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sim-kubectl-'));
    sim = await startSimCluster({
      readyDelayMs: 0,
      terminationDelayMs: 0,
      kubeconfigPath: join(dir, 'kubeconfig.yaml'),
    });
    await sim.idle();
    // A private HOME keeps kubectl's discovery cache out of the user's.
    env = { ...process.env, KUBECONFIG: join(dir, 'kubeconfig.yaml'), HOME: dir };
  });
  afterAll(() => sim.close());

  it('kubectl get svc -A -o json lists the demo Services with their addresses', async () => {
    const list = JSON.parse(await kubectl('get', 'svc', '-A', '-o', 'json')) as {
      kind: string;
      items: {
        metadata: { namespace: string; name: string };
        spec: { type: string; ports: { nodePort?: number }[] };
        status: { loadBalancer: { ingress?: { ip: string }[] } };
      }[];
    };
    expect(list.kind).toBe('List');
    const byName = new Map(
      list.items.map((s) => [`${s.metadata.namespace}/${s.metadata.name}`, s]),
    );
    expect([...byName.keys()].sort()).toEqual([
      'default/kubernetes',
      'ingress-nginx/ingress-nginx-controller',
      'shop/admin',
      'shop/backend',
      'shop/cache',
      'shop/database',
      'shop/frontend',
    ]);
    expect(byName.get('shop/frontend')?.status.loadBalancer.ingress?.[0]?.ip).toBe('192.0.2.10');
    expect(byName.get('shop/admin')?.spec.ports[0]?.nodePort).toBe(30007);
  });

  it('kubectl get pods -n shop prints the usual table, readiness included', async () => {
    const out = await kubectl('get', 'pods', '-n', 'shop');
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines).toHaveLength(9); // header + 8 pods
    expect(out).toMatch(/^backend-1\s+1\/1\s+Running\s+0\s+/m);
    expect(out).toMatch(/^backend-2\s+0\/1\s+Running\s+0\s+/m);
    const wide = await kubectl('get', 'svc', '-n', 'shop', '-o', 'wide');
    expect(wide).toMatch(
      /^frontend\s+LoadBalancer\s+10\.96\.\d+\.\d+\s+192\.0\.2\.10\s+80:\d+\/TCP\s+\S+\s+app=frontend$/m,
    );
    expect(wide).toMatch(
      /^database\s+ExternalName\s+<none>\s+my\.database\.example\.com\s+5432\/TCP/m,
    );
    expect(await kubectl('get', 'po', '-n', 'shop', '-l', 'app in (frontend)', '-o', 'name')).toBe(
      'pod/frontend-1\npod/frontend-2\npod/frontend-3\n',
    );
    expect(
      await kubectl(
        'get',
        'endpointslices',
        '-n',
        'shop',
        '-l',
        'kubernetes.io/service-name=backend',
        '--no-headers',
      ),
    ).toMatch(/^backend-\w{5}\s+IPv4\s+8080\s+10\.244\.\d+\.\d+,10\.244\.\d+\.\d+/);
  });

  it('kubectl create -f, apply, label, get --watch-only and delete change what the simulator holds', async () => {
    const file = join(dir, 'pod.yaml');
    const manifest = (image: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: extra\n  namespace: shop\n  labels: {app: frontend}\nspec:\n  containers:\n  - name: web\n    image: ${image}\n    ports: [{name: http, containerPort: 8080}]\n`;
    writeFileSync(file, manifest('nginx:1.27'));
    const watcher = spawn(
      KUBECTL as string,
      ['get', 'pods', '-n', 'shop', '--watch-only', '-o', 'name'],
      { env },
    );
    let watched = '';
    watcher.stdout.on('data', (d: Buffer) => (watched += d.toString()));
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(await kubectl('create', '-f', file)).toBe('pod/extra created\n');
      writeFileSync(file, manifest('nginx:1.28'));
      expect(await kubectl('apply', '-f', file)).toBe('pod/extra configured\n');
      expect(await kubectl('apply', '-f', file)).toBe('pod/extra unchanged\n');
      expect(await kubectl('label', 'pod', '-n', 'shop', 'extra', 'track=canary')).toBe(
        'pod/extra labeled\n',
      );
      const pod = sim.get({
        apiVersion: 'v1',
        kind: 'Pod',
        namespace: 'shop',
        name: 'extra',
      }) as unknown as {
        metadata: { labels: Record<string, string> };
        spec: { containers: { image: string; ports: unknown[] }[] };
      };
      expect(pod.metadata.labels).toEqual({ app: 'frontend', track: 'canary' });
      expect(pod.spec.containers.map((c) => [c.image, c.ports.length])).toEqual([
        ['nginx:1.28', 1],
      ]);
      await sim.idle();
      expect(await kubectl('delete', 'pod', '-n', 'shop', 'extra')).toBe('pod "extra" deleted\n');
      expect(
        sim.get({ apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'extra' }),
      ).toBeUndefined();
      await new Promise((r) => setTimeout(r, 200));
      expect(watched).toContain('pod/extra');
    } finally {
      watcher.kill();
    }
  });

  it('kubectl get serves every kind at once (-A), -o yaml, and get -w --output-watch-events with a selector', async () => {
    const all = await kubectl(
      'get',
      'nodes,namespaces,pods,services,endpointslices,ingresses,ingressclasses,networkpolicies,deployments,replicasets,statefulsets,daemonsets,configmaps,serviceaccounts',
      '-A',
      '-o',
      'name',
    );
    for (const name of [
      'node/portolan-worker',
      'namespace/shop',
      'pod/frontend-1',
      'service/frontend',
      'ingress.networking.k8s.io/shop',
      'ingressclass.networking.k8s.io/nginx',
      'networkpolicy.networking.k8s.io/backend-allow-frontend',
    ])
      expect(all).toContain(`${name}\n`);
    expect(all).toMatch(/^endpointslice\.discovery\.k8s\.io\/frontend-\w{5}$/m);
    const yaml = await kubectl('get', 'svc', 'frontend', '-n', 'shop', '-o', 'yaml');
    expect(yaml).toMatch(/^kind: Service$/m);
    expect(yaml).toMatch(/^ {2}resourceVersion: "\d+"$/m);
    expect(yaml).toMatch(/^ {2}clusterIP: 10\.96\.\d+\.\d+$/m);
    expect(yaml).toMatch(/^ {4}- ip: 192\.0\.2\.10$/m);

    const watcher = spawn(
      KUBECTL as string,
      [
        'get',
        'pods',
        '-n',
        'shop',
        '-l',
        'app=watched',
        '-w',
        '--output-watch-events',
        '--no-headers',
      ],
      { env },
    );
    let watched = '';
    watcher.stdout.on('data', (d: Buffer) => (watched += d.toString()));
    const seen = async (re: RegExp) => {
      const end = Date.now() + 10_000;
      while (!re.test(watched)) {
        if (Date.now() > end) throw new Error(`kubectl get -w printed no ${re}:\n${watched}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await new Promise((r) => setTimeout(r, 500));
      sim.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'watched', namespace: 'shop', labels: { app: 'watched' } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      });
      sim.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'unwatched', namespace: 'shop', labels: { app: 'other' } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      });
      await seen(/^ADDED\s+watched\s+0\/1\s+Pending/m);
      await seen(/^MODIFIED\s+watched\s+1\/1\s+Running/m);
      expect(await kubectl('delete', 'pods', '-n', 'shop', '-l', 'app in (watched,other)')).toBe(
        'pod "unwatched" deleted\npod "watched" deleted\n',
      );
      await seen(/^DELETED\s+watched\s+/m);
      expect(watched).not.toContain('unwatched');
      expect(sim.list('v1', 'Pod', 'shop').map((p) => p.metadata.name)).not.toContain('watched');
    } finally {
      watcher.kill();
    }
  });

  it('kubectl reports the API server errors as they read on a real cluster', async () => {
    const err = await kubectl('get', 'svc', 'nope', '-n', 'shop').catch(
      (e: { stderr: string }) => e.stderr,
    );
    expect(err).toContain('Error from server (NotFound): services "nope" not found');
    const file = join(dir, 'clash.yaml');
    writeFileSync(
      file,
      'apiVersion: v1\nkind: Service\nmetadata: {name: clash, namespace: shop}\nspec:\n  type: NodePort\n  selector: {app: x}\n  ports: [{port: 80, nodePort: 30007}]\n',
    );
    const clash = await kubectl('create', '-f', file).catch((e: { stderr: string }) => e.stderr);
    expect(clash).toContain(
      'spec.ports[0].nodePort: Invalid value: 30007: provided port is already allocated',
    );
  });
});
