/**
 * Base of the controllers that own pods or ReplicaSets: a work queue keyed
 * by `<namespace>/<name>` of the owning kind, fed by the kind's own events
 * and by events of the objects it controls (through their controller
 * ownerReference, never by scanning).
 */
import type { Registry } from '../registry.js';
import type { ResourceType } from '../resources.js';
import { objectKey, type StoreEvent } from '../store.js';
import type { StoredObject } from '../types.js';
import { controllerOf, type OwnerIndex } from './owner-index.js';
import { WorkQueue, type Controller } from './workqueue.js';

export abstract class OwnerController implements Controller {
  abstract readonly name: string;
  protected readonly queue: WorkQueue;
  private readonly unsubscribe: () => void;

  constructor(
    protected readonly registry: Registry,
    protected readonly owners: OwnerIndex,
    /** The kind this controller reconciles. */
    protected readonly kind: ResourceType,
    /** Kinds whose controller ownerReference points at `kind`. */
    private readonly children: readonly ResourceType[],
    onError: (err: unknown, key: string) => void,
  ) {
    this.queue = new WorkQueue((key) => this.reconcileKey(key), onError);
    this.unsubscribe = registry.store.subscribe((e) => this.observe(e));
  }

  idle(): boolean {
    return this.queue.idle;
  }

  stop(): void {
    this.unsubscribe();
    this.queue.stop();
  }

  /** Queue every object of the kind (e.g. when nodes change). */
  protected enqueueAll(): void {
    for (const obj of this.registry.store.list(this.kind))
      this.queue.add(objectKey(obj.metadata.namespace, obj.metadata.name));
  }

  protected observeOther(_e: StoreEvent): void {}

  private observe(e: StoreEvent): void {
    if (e.resource === this.kind) {
      this.queue.add(objectKey(e.object.metadata.namespace, e.object.metadata.name));
      return;
    }
    if (this.children.includes(e.resource)) {
      for (const obj of [e.object, e.previous]) {
        const owner = obj && controllerOf(obj);
        if (owner && owner.kind === this.kind.kind)
          this.queue.add(objectKey(obj.metadata.namespace, owner.name));
      }
      return;
    }
    this.observeOther(e);
  }

  private reconcileKey(key: string): void {
    const slash = key.indexOf('/');
    const namespace = slash < 0 ? undefined : key.slice(0, slash);
    const name = slash < 0 ? key : key.slice(slash + 1);
    const obj = this.registry.store.get(this.kind, namespace, name);
    if (!obj || obj.metadata.deletionTimestamp) return;
    this.reconcile(obj);
  }

  protected abstract reconcile(obj: StoredObject): void;

  /** Children this object controls (by uid). */
  protected owned(obj: StoredObject, r: ResourceType): StoredObject[] {
    return this.owners
      .dependents(obj.metadata.uid, r)
      .filter((d) => controllerOf(d)?.uid === obj.metadata.uid);
  }
}
