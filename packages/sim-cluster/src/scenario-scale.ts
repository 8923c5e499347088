/**
 * The `scale:<services>x<pods>` scenario generator: realistic objects in
 * bulk for benchmarks. Services go 100 to a namespace (`scale-000`, ...),
 * each with a Deployment of `<pods>` replicas whose pods carry the usual
 * labels, a named container port and a readiness probe; one Service in 20
 * is a NodePort and one in 200 a LoadBalancer, the rest ClusterIP. Worker
 * nodes come with them, one per 200 pods, so every pod gets scheduled and an IP.
 */
import type { KubeObject } from './types.js';

export const SCALE_PATTERN = /^scale:(\d+)x(\d+)$/;
const PER_NAMESPACE = 100;

export function parseScale(name: string): { services: number; pods: number } | undefined {
  const m = SCALE_PATTERN.exec(name);
  if (!m) return undefined;
  const services = Number(m[1]);
  const pods = Number(m[2]);
  if (services < 1 || services > 20_000 || pods < 0 || pods > 100)
    throw new Error(`scenario ${name}: services must be 1-20000 and pods per service 0-100`);
  return { services, pods };
}

/** Pods per generated node: a node's /24 pod CIDR holds 253 pod IPs. */
const PODS_PER_NODE = 200;
const ZONES = ['zone-a', 'zone-b', 'zone-c'];

/**
 * Worker nodes enough for the pods (one per 200), each with its own /24 pod
 * CIDR from 10.128.0.0/9 (the base scenario's 10.244.0.0/16 holds only 256),
 * an InternalIP in 172.20.0.0/14 and a zone.
 */
function scaleNodes(totalPods: number): KubeObject[] {
  const count = Math.ceil(totalPods / PODS_PER_NODE);
  const out: KubeObject[] = [];
  for (let i = 0; i < count; i++) {
    const name = `scale-node-${String(i).padStart(4, '0')}`;
    const zone = ZONES[i % ZONES.length] as string;
    const cidr = `10.${128 + (i >> 8)}.${i & 255}.0/24`;
    out.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: {
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'topology.kubernetes.io/zone': zone,
        },
      },
      spec: { podCIDR: cidr, podCIDRs: [cidr] },
      status: {
        capacity: { cpu: '16', memory: '65842340Ki', pods: '250' },
        allocatable: { cpu: '15900m', memory: '64000000Ki', pods: '250' },
        addresses: [
          { type: 'InternalIP', address: `172.${20 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}` },
          { type: 'Hostname', address: name },
        ],
      },
    });
  }
  return out;
}

export function scaleObjects(services: number, pods: number): KubeObject[] {
  const objects: KubeObject[] = scaleNodes(services * pods);
  const namespaces = Math.ceil(services / PER_NAMESPACE);
  for (let n = 0; n < namespaces; n++)
    objects.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: `scale-${String(n).padStart(3, '0')}`,
        labels: { 'sim.portolan.dev/scenario': 'scale' },
      },
    });
  for (let i = 0; i < services; i++) {
    const namespace = `scale-${String(Math.floor(i / PER_NAMESPACE)).padStart(3, '0')}`;
    const name = `svc-${String(i).padStart(5, '0')}`;
    const labels = {
      app: name,
      'app.kubernetes.io/name': name,
      'app.kubernetes.io/part-of': `shop-${i % 10}`,
      tier: i % 3 === 0 ? 'frontend' : 'backend',
    };
    const type = i % 200 === 199 ? 'LoadBalancer' : i % 20 === 19 ? 'NodePort' : 'ClusterIP';
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, labels },
      spec: {
        replicas: pods,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'server',
                image: `registry.example.com/${labels['app.kubernetes.io/part-of']}/${name}:1.${i % 7}`,
                ports: [
                  { name: 'http', containerPort: 8080 },
                  { name: 'metrics', containerPort: 9090 },
                ],
                readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
                resources: { requests: { cpu: '50m', memory: '64Mi' } },
              },
            ],
          },
        },
      },
    });
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace, labels },
      spec: {
        type,
        selector: { app: name },
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      },
    });
  }
  return objects;
}
