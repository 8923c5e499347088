/**
 * Pods by namespace and label pair, kept from store events, so the
 * EndpointSlice controller finds a Service's pods (and a pod's Services)
 * without scanning every pod of the namespace.
 */
import { R } from '../resources.js';
import type { Store, StoreEvent } from '../store.js';
import type { StoredObject } from '../types.js';

export class PodLabelIndex {
  /** namespace -> `key=value` -> pod names */
  private readonly index = new Map<string, Map<string, Set<string>>>();
  readonly unsubscribe: () => void;

  constructor(private readonly store: Store) {
    this.unsubscribe = store.subscribe((e) => this.observe(e));
  }

  /** Pods of the namespace whose labels include every pair of the selector (non-empty). */
  matching(namespace: string, selector: Readonly<Record<string, string>>): StoredObject[] {
    const pairs = Object.entries(selector);
    const ns = this.index.get(namespace);
    if (!ns || pairs.length === 0) return [];
    let smallest: Set<string> | undefined;
    for (const [k, v] of pairs) {
      const set = ns.get(`${k}=${v}`);
      if (!set) return [];
      if (!smallest || set.size < smallest.size) smallest = set;
    }
    const out: StoredObject[] = [];
    for (const name of smallest ?? []) {
      const pod = this.store.get(R.pods, namespace, name);
      if (pod && pairs.every(([k, v]) => pod.metadata.labels?.[k] === v)) out.push(pod);
    }
    return out;
  }

  private observe(e: StoreEvent): void {
    if (e.resource !== R.pods) return;
    const ns = e.object.metadata.namespace ?? '';
    const name = e.object.metadata.name;
    const before = e.type === 'ADDED' ? {} : (e.previous?.metadata.labels ?? {});
    const after = e.type === 'DELETED' ? {} : (e.object.metadata.labels ?? {});
    let byPair = this.index.get(ns);
    if (!byPair) this.index.set(ns, (byPair = new Map()));
    for (const [k, v] of Object.entries(before))
      if (after[k] !== v) byPair.get(`${k}=${v}`)?.delete(name);
    for (const [k, v] of Object.entries(after)) {
      const pair = `${k}=${v}`;
      let set = byPair.get(pair);
      if (!set) byPair.set(pair, (set = new Set()));
      set.add(name);
    }
  }
}
