/**
 * Golden paths for the corpus apps: each app's manifests as
 * `portolan --manifests` shows them, against the reviewed expectations in
 * test/golden/*.paths.
 */
import { connection, describePaths } from '@portolan/topology';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, show } from './manifest-cluster.js';

const corpus = (p: string) =>
  fileURLToPath(new URL(`../../../../shared/corpus/manifests/${p}`, import.meta.url));
afterAll(closeAll);

function expected(name: string): RegExp[] {
  const text = readFileSync(
    fileURLToPath(new URL(`./golden/${name}.paths`, import.meta.url)),
    'utf8',
  );
  return text
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((line) => {
      const escaped = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const withSlots = escaped
        .replace(/\\\{nodePort\\\}/g, '(3\\d{4}|32[0-7]\\d{2})')
        .replace(/\\\{lbIP\\\}/g, '192\\.0\\.2\\.\\d+');
      return new RegExp(`^${withSlots}$`);
    });
}

const CASES: { name: string; paths: string[]; findings: string[] }[] = [
  {
    name: 'online-boutique',
    paths: ['google-microservices-demo/release/kubernetes-manifests.yaml'],
    findings: [],
  },
  {
    name: 'guestbook',
    paths: ['kubernetes-examples-guestbook/all-in-one/guestbook-all-in-one.yaml'],
    findings: [],
  },
  { name: 'guestbook-go', paths: ['kubernetes-examples-guestbook/guestbook-go'], findings: [] },
  {
    name: 'bookinfo',
    paths: [
      'istio-bookinfo/bookinfo.yaml',
      'istio-bookinfo/bookinfo-ingress.yaml',
      'istio-bookinfo/productpage-nodeport.yaml',
    ],
    findings: ['INGRESS_NO_ADDRESS'],
  },
  { name: 'sock-shop', paths: ['sock-shop/complete-demo.yaml'], findings: [] },
  { name: 'voting-app', paths: ['example-voting-app/k8s-specifications'], findings: [] },
  { name: 'aks-store', paths: ['aks-store-demo/aks-store-all-in-one.yaml'], findings: [] },
  {
    name: 'aks-store-ingress',
    paths: ['aks-store-demo/aks-store-ingress-quickstart.yaml'],
    // It names AKS's app-routing class, which only the add-on installs.
    findings: ['INGRESS_CLASS_MISSING'],
  },
];

const SEEDS = fileURLToPath(new URL('./fixtures/seeds-valid/services.yaml', import.meta.url));

describe('corpus apps shown from their manifests', () => {
  for (const c of [...CASES, { name: 'seeds', paths: [SEEDS], findings: [] }]) {
    it(`${c.name}: every external path with its ports, and the expected findings`, async () => {
      const { graph } = await show(c.paths.map((p) => (p.startsWith('/') ? p : corpus(p))));
      const lines = describePaths(graph).filter((l) => l.startsWith('External'));
      const want = expected(c.name);
      expect(lines).toHaveLength(want.length);
      want.forEach((re, i) => expect(lines[i]).toMatch(re));
      // A nodePort the cluster allocated is the same number on both hops that show it.
      for (const l of lines) {
        const m = /-> NodePort \S+ (?:\d+ -> )?(\d+)\/TCP -> Service \S+ (\d+) ->/.exec(l);
        if (m) expect(m[1]).toBe(m[2]);
      }
      expect(graph.findings.map((f) => f.code).sort()).toEqual(c.findings);
    });
  }
});

describe('Online Boutique with its 13 NetworkPolicies', () => {
  const app = 'google-microservices-demo/';
  it('allows every path the app needs and denies what the policies leave out', async () => {
    const { graph, store } = await show([
      corpus(`${app}release/kubernetes-manifests.yaml`),
      corpus(`${app}kustomize/components/network-policies`),
    ]);
    // The deny-all policy isolates every pod; each app's policy lets its callers in.
    const pods = graph.nodes.filter((n) => n.kind === 'pod');
    expect(pods.length).toBeGreaterThan(10);
    for (const p of pods) expect(p.kind === 'pod' && p.isolation?.ingress.length).toBeTruthy();
    // External clients reach the frontend through the LoadBalancer: no spurious denial.
    const fe = graph.edges.filter((e) => e.source === 'svc:default/frontend-external' && e.policy);
    expect(fe.length).toBe(1);
    expect(fe[0]?.policy?.status).toBe('allowed');
    expect(graph.findings).toEqual([]);
    // Inside the cluster, cartservice lets in only its callers, and says which.
    const cart = graph.edges.find((e) => e.source === 'svc:default/cartservice' && e.policy);
    expect(cart?.policy?.sources).toEqual([
      expect.objectContaining({
        source: 'in-cluster pods',
        status: 'partly-allowed',
        allowed: ['7070/TCP'],
        reason: expect.stringContaining(
          'default/cartservice ingress[0] admits pods app=frontend of namespace default or pods app=checkoutservice of namespace default',
        ),
      }),
    ]);
    const pod = (prefix: string) =>
      [...store.pods.keys()].find((k) => k.startsWith(`default/${prefix}-`)) as string;
    const verdict = (from: string, to: string, port: number) =>
      connection(store, pod(from), pod(to), port, 'TCP').verdict;
    expect(verdict('checkoutservice', 'cartservice', 7070)).toBe('allowed');
    expect(verdict('frontend', 'cartservice', 7070)).toBe('allowed');
    expect(verdict('adservice', 'cartservice', 7070)).toBe('denied');
    expect(verdict('frontend', 'paymentservice', 50051)).toBe('denied');
    expect(verdict('checkoutservice', 'paymentservice', 50051)).toBe('allowed');
    expect(verdict('cartservice', 'redis-cart', 6379)).toBe('allowed');
    expect(verdict('frontend', 'redis-cart', 6379)).toBe('denied');
  });
});

describe("the seeds' other Service types", () => {
  it('ClusterIP is reachable only in the cluster; ExternalName is a DNS CNAME with no proxy', async () => {
    const { graph } = await show([SEEDS]);
    const lines = describePaths(graph);
    expect(lines).toContain(
      'In-cluster -> Service default/my-clusterip-service -> Pods default/my-app (2 ready) 80 -> 8080/TCP',
    );
    expect(lines.some((l) => l.startsWith('External') && l.includes('my-clusterip-service'))).toBe(
      false,
    );
    expect(lines).toContain(
      'In-cluster -> Service default/my-externalname-service -> Address mydatabase.example.com (1 route) DNS CNAME',
    );
  });
});
