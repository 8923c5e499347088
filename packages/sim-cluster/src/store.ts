/**
 * The object store: every object of every kind, one monotonic
 * resourceVersion counter shared by all kinds (as etcd's revision is), and a
 * bounded history of events from which watches resume.
 *
 * Contract:
 * - Objects handed out are shared and must never be mutated; clone first.
 * - Every write bumps the counter and stamps the object with it; a DELETED
 *   event carries the object stamped with the deletion's version.
 * - Listeners see events in resourceVersion order. A listener that writes
 *   to the store does not re-enter other listeners: its events are queued
 *   and delivered after the current one has reached everybody.
 * - The history keeps the last `historySize` events; a watch from an older
 *   version than the oldest retained one must be answered with 410 Expired.
 */
import { alreadyExists, notFound } from './errors.js';
import { resourceKey, type ResourceType } from './resources.js';
import type { StoredObject } from './types.js';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  resource: ResourceType;
  object: StoredObject;
  /** The object before this change (MODIFIED and DELETED). */
  previous?: StoredObject;
  rv: number;
}

export type Listener = (event: StoreEvent) => void;

export interface StoreOptions {
  historySize?: number;
  onListenerError?: (err: unknown, event: StoreEvent) => void;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** Where an object sorts in lists: namespace, then name (a NUL between keeps "a" before "a-b"). */
export function sortKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}\u0000${name}`;
}

export interface SortedEntry {
  key: string;
  namespace: string | undefined;
  name: string;
}

export class Store {
  /** Sorted keys per resource and namespace ('\u0000' for all), dropped when one is added or removed. */
  private readonly sorted = new Map<string, SortedEntry[]>();
  private readonly data = new Map<string, Map<string, StoredObject>>();
  /** The same objects by resource, then namespace ('' for cluster-scoped), then name. */
  private readonly byNamespace = new Map<string, Map<string, Map<string, StoredObject>>>();
  private readonly listeners = new Set<Listener>();
  private readonly queue: StoreEvent[] = [];
  private dispatching = false;
  private rv = 1;
  private readonly ring: (StoreEvent | undefined)[];
  private ringHead = 0;
  private ringCount = 0;
  /** Every event with rv <= compactedRv is gone from the history. */
  private compactedRv = 1;
  listenerErrors = 0;

  constructor(private readonly options: StoreOptions = {}) {
    const size = options.historySize ?? 10_000;
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`historySize must be a positive integer, got ${size}`);
    this.ring = new Array<StoreEvent | undefined>(size);
  }

  /** The version of the latest write (what a list reports). */
  get resourceVersion(): number {
    return this.rv;
  }

  /** The oldest version a watch may still resume from. */
  get oldestResumableVersion(): number {
    return this.compactedRv;
  }

  get(r: ResourceType, namespace: string | undefined, name: string): StoredObject | undefined {
    return this.bucket(r).get(objectKey(r.namespaced ? namespace : undefined, name));
  }

  /** Objects of a kind, in key order (namespace, then name) as etcd lists them. */
  list(r: ResourceType, namespace?: string): StoredObject[] {
    const out: StoredObject[] = [];
    for (const e of this.sortedKeys(r, namespace)) {
      const obj = this.get(r, e.namespace, e.name);
      if (obj) out.push(obj);
    }
    return out;
  }

  /**
   * The keys of a kind (in one namespace) in list order, kept between calls
   * until an object of the kind is added or removed, so paging through 100,000
   * pods sorts them once rather than once a page. Shared: do not mutate.
   */
  sortedKeys(r: ResourceType, namespace?: string): readonly SortedEntry[] {
    const ns = namespace === undefined ? undefined : r.namespaced ? namespace : '';
    const cacheKey = `${resourceKey(r)}\u0000${ns ?? '\u0000'}`;
    let keys = this.sorted.get(cacheKey);
    if (!keys) {
      keys = [...this.each(r, namespace)]
        .map((o) => ({
          key: sortKey(o.metadata.namespace, o.metadata.name),
          namespace: o.metadata.namespace,
          name: o.metadata.name,
        }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      this.sorted.set(cacheKey, keys);
    }
    return keys;
  }

  private unsort(r: ResourceType, namespace: string | undefined): void {
    const rk = resourceKey(r);
    this.sorted.delete(`${rk}\u0000\u0000`);
    this.sorted.delete(`${rk}\u0000${r.namespaced ? (namespace ?? '') : ''}`);
  }

  /** Objects of a kind (in one namespace), unordered: for controllers, without list's sort. */
  each(r: ResourceType, namespace?: string): IterableIterator<StoredObject> {
    if (namespace === undefined) return this.bucket(r).values();
    const ns = this.byNamespace.get(resourceKey(r))?.get(r.namespaced ? namespace : '');
    return (ns ?? new Map<string, StoredObject>()).values();
  }

  count(r: ResourceType): number {
    return this.bucket(r).size;
  }

  insert(r: ResourceType, obj: StoredObject): StoredObject {
    const key = objectKey(r.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name);
    const bucket = this.bucket(r);
    if (bucket.has(key)) throw alreadyExists(r, obj.metadata.name);
    const stored = this.stamp(obj);
    bucket.set(key, stored);
    this.nsBucket(r, stored).set(stored.metadata.name, stored);
    this.unsort(r, stored.metadata.namespace);
    this.emit({ type: 'ADDED', resource: r, object: stored, rv: this.rv });
    return stored;
  }

  replace(r: ResourceType, obj: StoredObject): StoredObject {
    const key = objectKey(r.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name);
    const bucket = this.bucket(r);
    const previous = bucket.get(key);
    if (!previous) throw notFound(r, obj.metadata.name);
    const stored = this.stamp(obj);
    bucket.set(key, stored);
    this.nsBucket(r, stored).set(stored.metadata.name, stored);
    this.emit({ type: 'MODIFIED', resource: r, object: stored, previous, rv: this.rv });
    return stored;
  }

  remove(r: ResourceType, namespace: string | undefined, name: string): StoredObject {
    const key = objectKey(r.namespaced ? namespace : undefined, name);
    const bucket = this.bucket(r);
    const previous = bucket.get(key);
    if (!previous) throw notFound(r, name);
    bucket.delete(key);
    this.nsBucket(r, previous).delete(previous.metadata.name);
    this.unsort(r, previous.metadata.namespace);
    const stored = this.stamp(previous);
    this.emit({ type: 'DELETED', resource: r, object: stored, previous, rv: this.rv });
    return stored;
  }

  /** Forget the whole event history: every earlier version becomes too old (410). */
  compact(): void {
    this.compactedRv = this.rv;
    this.ring.fill(undefined);
    this.ringHead = 0;
    this.ringCount = 0;
  }

  /**
   * Forget the history before `rv` (capped at the current version): a watch
   * or continue token from an older version gets 410, as after an etcd
   * compaction at `rv`.
   */
  compactTo(rv: number): void {
    this.compactedRv = Math.max(this.compactedRv, Math.min(rv, this.rv));
  }

  /** Events after `rv`, oldest first, or 'expired' when the history no longer reaches back that far. */
  eventsSince(rv: number): StoreEvent[] | 'expired' {
    if (rv < this.compactedRv) return 'expired';
    const out: StoreEvent[] = [];
    for (let i = 0; i < this.ringCount; i++) {
      const event = this.ring[(this.ringHead + i) % this.ring.length];
      if (event && event.rv > rv) out.push(event);
    }
    return out;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private bucket(r: ResourceType): Map<string, StoredObject> {
    const key = resourceKey(r);
    let bucket = this.data.get(key);
    if (!bucket) {
      bucket = new Map();
      this.data.set(key, bucket);
    }
    return bucket;
  }

  private nsBucket(r: ResourceType, obj: StoredObject): Map<string, StoredObject> {
    const key = resourceKey(r);
    let byNs = this.byNamespace.get(key);
    if (!byNs) this.byNamespace.set(key, (byNs = new Map()));
    const ns = r.namespaced ? (obj.metadata.namespace ?? '') : '';
    let bucket = byNs.get(ns);
    if (!bucket) byNs.set(ns, (bucket = new Map()));
    return bucket;
  }

  private stamp(obj: StoredObject): StoredObject {
    this.rv += 1;
    const stored = structuredClone(obj);
    stored.metadata.resourceVersion = String(this.rv);
    return stored;
  }

  private emit(event: StoreEvent): void {
    this.remember(event);
    this.queue.push(event);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        for (const listener of [...this.listeners]) {
          try {
            listener(next);
          } catch (err) {
            this.listenerErrors += 1;
            this.options.onListenerError?.(err, next);
          }
        }
      }
    } finally {
      this.dispatching = false;
    }
  }

  private remember(event: StoreEvent): void {
    const size = this.ring.length;
    if (this.ringCount === size) {
      const evicted = this.ring[this.ringHead];
      if (evicted) this.compactedRv = Math.max(this.compactedRv, evicted.rv);
      this.ring[this.ringHead] = event;
      this.ringHead = (this.ringHead + 1) % size;
    } else {
      this.ring[(this.ringHead + this.ringCount) % size] = event;
      this.ringCount += 1;
    }
  }
}
