/**
 * The garbage collector: when an owner is removed, its dependents are
 * deleted (background propagation, kubectl's default), pods gracefully.
 * `orphan(uid)` removes the owner's references from its dependents first,
 * for `propagationPolicy: Orphan` (`kubectl delete --cascade=orphan`).
 */
import type { Registry } from '../registry.js';
import type { StoreEvent } from '../store.js';
import type { OwnerIndex } from './owner-index.js';
import { WorkQueue, type Controller } from './workqueue.js';

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  private readonly queue: WorkQueue;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly registry: Registry,
    private readonly owners: OwnerIndex,
    onError: (err: unknown, key: string) => void,
  ) {
    this.queue = new WorkQueue((uid) => this.collect(uid), onError);
    this.unsubscribe = registry.store.subscribe((e) => this.observe(e));
  }

  idle(): boolean {
    return this.queue.idle;
  }

  stop(): void {
    this.unsubscribe();
    this.queue.stop();
  }

  orphan(uid: string): void {
    for (const ref of this.owners.refs(uid)) {
      const dep = this.registry.store.get(ref.resource, ref.namespace, ref.name);
      if (!dep) continue;
      const next = structuredClone(dep);
      const refs = (next.metadata.ownerReferences ?? []).filter((o) => o.uid !== uid);
      if (refs.length > 0) next.metadata.ownerReferences = refs;
      else delete next.metadata.ownerReferences;
      this.registry.writeSystem(ref.resource, next);
    }
  }

  private observe(e: StoreEvent): void {
    if (e.type === 'DELETED') this.queue.add(e.object.metadata.uid);
  }

  private collect(uid: string): void {
    for (const ref of this.owners.refs(uid)) {
      const obj = this.registry.store.get(ref.resource, ref.namespace, ref.name);
      if (!obj || obj.metadata.deletionTimestamp) continue;
      const others = (obj.metadata.ownerReferences ?? []).filter((o) => o.uid !== uid);
      if (others.some((o) => this.alive(o.uid))) continue;
      this.registry.delete(ref.resource, ref.namespace, ref.name);
    }
  }

  private alive(_uid: string): boolean {
    // Objects with several owners are rare here; treat other owners as alive.
    return true;
  }
}
