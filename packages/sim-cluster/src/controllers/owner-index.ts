/**
 * Dependents by owner uid, kept from store events, so controllers and the
 * garbage collector find what an object owns without scanning the store.
 * Subscribe it before the controllers that read it.
 */
import type { ResourceType } from '../resources.js';
import { objectKey, type Store, type StoreEvent } from '../store.js';
import type { StoredObject } from '../types.js';

export interface DependentRef {
  resource: ResourceType;
  namespace?: string;
  name: string;
}

export class OwnerIndex {
  private readonly byOwner = new Map<string, Map<string, DependentRef>>();
  readonly unsubscribe: () => void;

  constructor(private readonly store: Store) {
    this.unsubscribe = store.subscribe((e) => this.observe(e));
  }

  /** Objects of kind `r` whose ownerReferences name `uid`. */
  dependents(uid: string, r?: ResourceType): StoredObject[] {
    const out: StoredObject[] = [];
    for (const ref of this.byOwner.get(uid)?.values() ?? []) {
      if (r && ref.resource !== r) continue;
      const obj = this.store.get(ref.resource, ref.namespace, ref.name);
      if (obj) out.push(obj);
    }
    return out;
  }

  refs(uid: string): DependentRef[] {
    return [...(this.byOwner.get(uid)?.values() ?? [])];
  }

  private observe(e: StoreEvent): void {
    const key = `${e.resource.plural}.${e.resource.group}|${objectKey(e.object.metadata.namespace, e.object.metadata.name)}`;
    const before = e.type === 'ADDED' ? [] : owners(e.previous);
    const after = e.type === 'DELETED' ? [] : owners(e.object);
    for (const uid of before) if (!after.includes(uid)) this.byOwner.get(uid)?.delete(key);
    for (const uid of after) {
      let deps = this.byOwner.get(uid);
      if (!deps) this.byOwner.set(uid, (deps = new Map()));
      deps.set(key, {
        resource: e.resource,
        namespace: e.object.metadata.namespace,
        name: e.object.metadata.name,
      });
    }
    if (e.type === 'DELETED') {
      const deps = this.byOwner.get(e.object.metadata.uid);
      if (deps && deps.size === 0) this.byOwner.delete(e.object.metadata.uid);
    }
  }
}

function owners(obj: StoredObject | undefined): string[] {
  return (obj?.metadata.ownerReferences ?? []).map((o) => o.uid);
}

/** The controller owner reference of an object, if any. */
export function controllerOf(
  obj: StoredObject,
): { kind: string; name: string; uid: string } | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.controller);
}
