/**
 * The `scale:<services>x<pods>` scenario generator: realistic objects in
 * bulk for benchmarks. Services go 100 to a namespace (`scale-000`, ...),
 * each with a Deployment of `<pods>` replicas whose pods carry the usual
 * labels, a named container port and a readiness probe; one Service in 20
 * is a NodePort and one in 200 a LoadBalancer, the rest ClusterIP.
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

export function scaleObjects(services: number, pods: number): KubeObject[] {
  const objects: KubeObject[] = [];
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
