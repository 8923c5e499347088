/**
 * The namespace controller: a namespace being deleted (Terminating) has all
 * its objects deleted (pods gracefully), and disappears once it is empty.
 */
import type { Registry } from '../registry.js';
import { R, RESOURCES } from '../resources.js';
import type { StoreEvent } from '../store.js';
import { WorkQueue, type Controller } from './workqueue.js';

export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';
  private readonly queue: WorkQueue;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly registry: Registry,
    onError: (err: unknown, key: string) => void,
  ) {
    this.queue = new WorkQueue((key) => this.reconcile(key), onError);
    this.unsubscribe = registry.store.subscribe((e) => this.observe(e));
  }

  idle(): boolean {
    return this.queue.idle;
  }

  stop(): void {
    this.unsubscribe();
    this.queue.stop();
  }

  private observe(e: StoreEvent): void {
    if (e.resource === R.namespaces) {
      if (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp)
        this.queue.add(e.object.metadata.name);
    } else if (e.resource.namespaced && e.type === 'DELETED' && e.object.metadata.namespace) {
      const ns = this.registry.store.get(R.namespaces, undefined, e.object.metadata.namespace);
      if (ns?.metadata.deletionTimestamp) this.queue.add(ns.metadata.name);
    }
  }

  private reconcile(name: string): void {
    const ns = this.registry.store.get(R.namespaces, undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const r of RESOURCES.filter((res) => res.namespaced)) {
      for (const obj of this.registry.store.list(r, name)) {
        remaining += 1;
        if (!obj.metadata.deletionTimestamp) this.registry.delete(r, name, obj.metadata.name);
      }
    }
    if (remaining === 0) this.registry.remove(R.namespaces, ns);
  }
}
