/**
 * A LoadBalancer implementation in the manner of MetalLB (layer 2): every
 * Service of type LoadBalancer without a `loadBalancerClass` gets an
 * ingress IP from the address pool in `status.loadBalancer.ingress`. A
 * requested `spec.loadBalancerIP` (or MetalLB's `metallb.io/loadBalancerIPs`
 * annotation) is honoured when it is in the pool and free; when the pool is
 * exhausted the Service stays pending, as on a real cluster. The addresses
 * are data only: nothing listens on them.
 */
import { Allocator, formatIPv4, parseIPv4, parseRange } from '../ip.js';
import type { Registry } from '../registry.js';
import { R } from '../resources.js';
import { objectKey, type StoreEvent } from '../store.js';
import type { Service, StoredObject } from '../types.js';
import { WorkQueue, type Controller } from './workqueue.js';

export const LB_IPS_ANNOTATION = 'metallb.io/loadBalancerIPs';

/** Several ranges behave as one pool, lowest address first. */
class Pool {
  private readonly ranges: Allocator[];
  constructor(specs: readonly string[]) {
    this.ranges = specs.map((s) => {
      const [lo, hi] = parseRange(s);
      return new Allocator(lo, hi);
    });
  }
  claim(ip: number, owner: string): boolean {
    return this.ranges.some((r) => r.inRange(ip) && r.claim(ip, owner));
  }
  allocate(owner: string): number | undefined {
    for (const r of this.ranges) {
      const ip = r.allocate(owner);
      if (ip !== undefined) return ip;
    }
    return undefined;
  }
  releaseAll(owner: string, keep?: number): void {
    for (const r of this.ranges) r.releaseAll(owner, keep);
  }
  owns(ip: number, owner: string): boolean {
    return this.ranges.some((r) => r.ownerOf(ip) === owner);
  }
}

export class LoadBalancerController implements Controller {
  readonly name = 'loadbalancer-controller';
  private readonly queue: WorkQueue;
  private readonly pool: Pool;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly registry: Registry,
    pool: readonly string[],
    onError: (err: unknown, key: string) => void,
  ) {
    this.pool = new Pool(pool);
    this.queue = new WorkQueue((key) => this.reconcile(key), onError);
    this.unsubscribe = registry.store.subscribe((e: StoreEvent) => {
      if (e.resource === R.services)
        this.queue.add(objectKey(e.object.metadata.namespace, e.object.metadata.name));
    });
  }

  idle(): boolean {
    return this.queue.idle;
  }

  stop(): void {
    this.unsubscribe();
    this.queue.stop();
  }

  private reconcile(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const svc = this.registry.store.get(R.services, namespace, name) as
      (Service & StoredObject) | undefined;
    const ours = svc && svc.spec?.type === 'LoadBalancer' && !svc.spec.loadBalancerClass;
    if (!ours) {
      this.pool.releaseAll(key);
      const hadIngress = (svc?.status?.loadBalancer?.ingress ?? []).length > 0;
      if (svc && hadIngress && !svc.spec?.loadBalancerClass)
        this.registry.writeStatus(R.services, svc, { ...svc.status, loadBalancer: {} });
      return;
    }
    const requested = [
      svc.metadata.annotations?.[LB_IPS_ANNOTATION]?.split(',')[0]?.trim(),
      svc.spec?.loadBalancerIP,
    ].find(Boolean);
    const current = svc.status?.loadBalancer?.ingress?.[0]?.ip;
    const currentNum = current ? parseIPv4(current) : undefined;
    let ip: number | undefined;
    if (requested) {
      const wanted = parseIPv4(requested);
      if (wanted !== undefined && (this.pool.owns(wanted, key) || this.pool.claim(wanted, key)))
        ip = wanted;
    } else if (
      currentNum !== undefined &&
      (this.pool.owns(currentNum, key) || this.pool.claim(currentNum, key))
    ) {
      ip = currentNum;
    } else {
      ip = this.pool.allocate(key);
    }
    if (ip === undefined) return; // pending: nothing to give
    this.pool.releaseAll(key, ip);
    const ingress = [{ ip: formatIPv4(ip), ipMode: 'VIP' }];
    this.registry.writeStatus(R.services, svc, { ...svc.status, loadBalancer: { ingress } });
  }
}
