/**
 * Every manifest of the shared corpus (../shared/corpus/manifests, outside
 * this repository) applied app by app, as `kubectl apply -f <folder>`:
 * the objects are created, pods come up through the controllers, and the
 * app's Services get ready endpoints. Skipped where the corpus is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifests, type SimCluster } from '../src/index.js';
import { startTestCluster } from './helpers.js';

const ROOT = join(import.meta.dirname, '../../../../shared/corpus/manifests');
if (!existsSync(ROOT)) console.warn(`corpus.test.ts: no corpus at ${ROOT}, skipping`);

function readyEndpoints(sim: SimCluster, namespace: string, service: string): number {
  return sim
    .list('discovery.k8s.io/v1', 'EndpointSlice', namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service)
    .flatMap((s) => s.endpoints as { conditions: { ready?: boolean } }[])
    .filter((e) => e.conditions.ready).length;
}

const APPS: Record<string, { namespace: string; services: string[]; crds?: number }> = {
  'google-microservices-demo': {
    namespace: 'default',
    services: [
      'adservice',
      'cartservice',
      'checkoutservice',
      'currencyservice',
      'emailservice',
      'frontend',
      'frontend-external',
      'paymentservice',
      'productcatalogservice',
      'recommendationservice',
      'redis-cart',
      'shippingservice',
    ],
  },
  'istio-bookinfo': {
    namespace: 'default',
    services: ['details', 'productpage', 'ratings', 'reviews', 'mongodb', 'mysqldb'],
    // Gateway, HTTPRoute, Gateway (Istio), VirtualService: CRDs, not served (as on a cluster without them).
    crds: 4,
  },
  'kubernetes-examples-guestbook': {
    namespace: 'default',
    services: ['frontend', 'guestbook', 'redis-master', 'redis-replica'],
  },
  'sock-shop': {
    namespace: 'sock-shop',
    services: [
      'carts',
      'catalogue',
      'front-end',
      'orders',
      'payment',
      'user',
      'rabbitmq',
      'user-db',
    ],
  },
  'example-voting-app': { namespace: 'default', services: ['db', 'redis', 'result', 'vote'] },
  'aks-store-demo': {
    namespace: 'default',
    services: ['store-front', 'store-admin', 'order-service', 'product-service', 'rabbitmq'],
  },
};

describe.skipIf(!existsSync(ROOT))('the manifest corpus applies whole', () => {
  for (const [app, expected] of Object.entries(APPS)) {
    it(`${app}: objects created, pods ready, Services have ready endpoints`, async () => {
      const sim = await startTestCluster();
      try {
        const { manifests, errors: parseErrors } = readManifests(join(ROOT, app));
        expect(parseErrors).toEqual([]);
        const result = await sim.applyManifests(manifests);
        expect(result.errors.filter((e) => e.reason !== 'NoKindMatch')).toEqual([]);
        expect(result.errors.length).toBe(expected.crds ?? 0);
        await sim.idle(20_000);
        for (const svc of expected.services)
          expect({ svc, ready: readyEndpoints(sim, expected.namespace, svc) > 0 }).toEqual({
            svc,
            ready: true,
          });
        const pods = sim.list('v1', 'Pod');
        expect(pods.length).toBeGreaterThan(0);
        for (const pod of pods)
          expect((pod.status as { phase?: string }).phase, pod.metadata.name).toBe('Running');
        // Each file applied again right away changes nothing.
        for (const file of new Set(manifests.map((m) => m.source.file))) {
          const mine = manifests.filter((m) => m.source.file === file);
          await sim.applyManifests(mine);
          const again = await sim.applyManifests(mine);
          expect(
            again.applied.filter((a) => a.action !== 'unchanged'),
            file,
          ).toEqual([]);
        }
      } finally {
        await sim.close();
      }
    });
  }

  it('Online Boutique: frontend-external gets a LoadBalancer IP; scaling frontend to 5 gives 5 ready endpoints', async () => {
    const sim = await startTestCluster();
    try {
      const file = join(ROOT, 'google-microservices-demo/release/kubernetes-manifests.yaml');
      const result = await sim.applyManifests(readManifests(file).manifests);
      expect(result.errors).toEqual([]);
      await sim.idle();
      const lb = sim.get({
        apiVersion: 'v1',
        kind: 'Service',
        namespace: 'default',
        name: 'frontend-external',
      });
      const ingress = (lb?.status as { loadBalancer: { ingress?: { ip: string }[] } }).loadBalancer
        .ingress;
      expect(ingress?.[0]?.ip).toMatch(/^192\.0\.2\./);
      const deploy = sim.get({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: 'default',
        name: 'frontend',
      });
      sim.replace({ ...deploy!, spec: { ...(deploy!.spec as object), replicas: 5 } });
      await sim.idle();
      expect(readyEndpoints(sim, 'default', 'frontend')).toBe(5);
      expect(readyEndpoints(sim, 'default', 'frontend-external')).toBe(5);
    } finally {
      await sim.close();
    }
  });
});
