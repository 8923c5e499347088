import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimCluster, SCENARIOS, type SimCluster } from './index.js';
import { BUILTIN_SCENARIOS, SCENARIO_DIR, isScenarioName, loadScenario } from './scenarios.js';
import type { EndpointSlice, Ingress, Pod, Service } from './types.js';

describe('scenarios', () => {
  it('lists exactly the YAML files under scenarios/', () => {
    const files = readdirSync(SCENARIO_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
    expect([...BUILTIN_SCENARIOS].sort()).toEqual(files.sort());
    expect(SCENARIOS.slice(0, 2)).toEqual(BUILTIN_SCENARIOS);
  });

  it('tells names from paths: built-ins, corpus apps, scale:<services>x<pods>', () => {
    for (const name of ['demo', 'empty', 'online-boutique', 'sock-shop', 'scale:1000x10'])
      expect(isScenarioName(name), name).toBe(true);
    for (const name of ['nope', 'scale:10', './demo.yaml'])
      expect(isScenarioName(name), name).toBe(false);
  });

  it('refuses an unknown scenario and names the valid ones', async () => {
    await expect(startSimCluster({ scenario: 'nope' })).rejects.toThrow(
      'unknown scenario "nope": valid scenarios are demo, empty, online-boutique, bookinfo, guestbook, sock-shop, voting-app, aks-store (apps of the shared manifest corpus, also by their folder names), scale:<services>x<pods>',
    );
  });

  it('empty has three nodes, the standard namespaces and the kubernetes Service', async () => {
    const sim = await startSimCluster({ scenario: 'empty', readyDelayMs: 0 });
    try {
      expect(sim.list('v1', 'Node').map((n) => n.metadata.name)).toEqual([
        'portolan-control-plane',
        'portolan-worker',
        'portolan-worker2',
      ]);
      const namespaces = sim.list('v1', 'Namespace');
      expect(namespaces.map((n) => n.metadata.name)).toEqual([
        'default',
        'kube-node-lease',
        'kube-public',
        'kube-system',
      ]);
      expect(
        namespaces.every(
          (n) => n.metadata.labels?.['kubernetes.io/metadata.name'] === n.metadata.name,
        ),
      ).toBe(true);
      expect(
        (sim.list('v1', 'Service') as Service[]).map((s) => [s.metadata.name, s.spec?.clusterIP]),
      ).toEqual([['kubernetes', '10.96.0.1']]);
      expect(sim.list('v1', 'Pod')).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it('every built-in scenario parses into kinds the simulator serves', () => {
    for (const name of BUILTIN_SCENARIOS)
      expect(loadScenario(name).objects.length).toBeGreaterThan(0);
  });
});

describe('the demo scenario', () => {
  let sim: SimCluster;
  beforeAll(async () => {
    sim = await startSimCluster({ readyDelayMs: 0 });
    await sim.idle();
  });
  afterAll(() => sim.close());

  const svc = (name: string, ns = 'shop') =>
    sim.get({ apiVersion: 'v1', kind: 'Service', namespace: ns, name }) as Service;
  const ready = (p: Pod) =>
    p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

  it('has one Service of every kind of entry, as documented', () => {
    const services = (sim.list('v1', 'Service') as Service[]).map(
      (s) => `${s.metadata.namespace}/${s.metadata.name} ${s.spec?.type}`,
    );
    expect(services).toEqual([
      'default/kubernetes ClusterIP',
      'ingress-nginx/ingress-nginx-controller LoadBalancer',
      'shop/admin NodePort',
      'shop/backend ClusterIP',
      'shop/cache ClusterIP',
      'shop/database ExternalName',
      'shop/frontend LoadBalancer',
    ]);
    expect(svc('frontend').spec?.ports).toEqual([
      expect.objectContaining({ port: 80, targetPort: 'http', nodePort: expect.any(Number) }),
    ]);
    expect(svc('frontend').status?.loadBalancer?.ingress).toEqual([
      { ip: '192.0.2.10', ipMode: 'VIP' },
    ]);
    expect(
      svc('ingress-nginx-controller', 'ingress-nginx').status?.loadBalancer?.ingress?.[0]?.ip,
    ).toBe('192.0.2.11');
    expect(svc('admin').spec?.ports?.[0]).toMatchObject({
      port: 80,
      targetPort: 8080,
      nodePort: 30007,
    });
    expect(svc('cache').spec?.clusterIP).toBe('None');
    expect(svc('database').spec).toMatchObject({ externalName: 'my.database.example.com' });
  });

  it('runs its pods on the workers, with backend-2 never ready', () => {
    const pods = sim.list('v1', 'Pod') as Pod[];
    expect(pods).toHaveLength(9);
    expect(
      pods.every(
        (p) => p.status?.phase === 'Running' && p.spec?.nodeName !== 'portolan-control-plane',
      ),
    ).toBe(true);
    expect(pods.filter((p) => !ready(p)).map((p) => p.metadata.name)).toEqual(['backend-2']);
  });

  it('publishes the frontend on 8080 for its three pods, and backend with one ready endpoint', () => {
    const slices = sim.list('discovery.k8s.io/v1', 'EndpointSlice', 'shop') as EndpointSlice[];
    const of = (name: string) =>
      slices.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
    expect(of('frontend').flatMap((s) => s.ports.map((p) => p.port))).toEqual([8080]);
    expect(of('frontend').flatMap((s) => s.endpoints)).toHaveLength(3);
    expect(
      of('backend')
        .flatMap((s) => s.endpoints.map((e) => `${e.targetRef?.name}:${e.conditions.ready}`))
        .sort(),
    ).toEqual(['backend-1:true', 'backend-2:false']);
    expect(
      of('cache')
        .flatMap((s) => s.endpoints.map((e) => e.hostname))
        .sort(),
    ).toEqual(['cache-0', 'cache-1']);
  });

  it('routes the Ingress to frontend and backend, with the ingress controller address', () => {
    const ing = sim.get({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      namespace: 'shop',
      name: 'shop',
    }) as Ingress & {
      spec: {
        rules: {
          host: string;
          http: { paths: { path: string; backend: { service: { name: string } } }[] };
        }[];
      };
    };
    expect(ing.spec.ingressClassName).toBe('nginx');
    expect(
      ing.spec.rules[0]?.http.paths.map(
        (p) => `${ing.spec.rules[0]?.host}${p.path} -> ${p.backend.service.name}`,
      ),
    ).toEqual(['shop.example.com/ -> frontend', 'shop.example.com/api -> backend']);
    expect(ing.status?.loadBalancer?.ingress).toEqual([{ ip: '192.0.2.11' }]);
  });

  it('has the NetworkPolicy letting frontend reach backend', () => {
    const [policy] = sim.list('networking.k8s.io/v1', 'NetworkPolicy', 'shop');
    expect(policy?.spec).toMatchObject({
      podSelector: { matchLabels: { app: 'backend' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }] }],
    });
  });
});
