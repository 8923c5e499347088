/**
 * Server-side apply (`PATCH` with `application/apply-patch+yaml`, what
 * `kubectl apply --server-side` sends), kept simple: the applied
 * configuration is merged like a strategic merge patch, and fields the same
 * field manager applied last time but no longer applies are removed. Field
 * ownership conflicts between managers are not detected; each manager's
 * last applied configuration is remembered per object uid.
 */
import { isPlainObject } from './json.js';
import { mergeKey, strategicMerge } from './strategic-merge.js';

type Obj = Record<string, unknown>;

export class AppliedConfigurations {
  private readonly byObject = new Map<string, Map<string, Obj>>();

  last(uid: string, manager: string): Obj | undefined {
    return this.byObject.get(uid)?.get(manager);
  }

  remember(uid: string, manager: string, applied: Obj): void {
    let managers = this.byObject.get(uid);
    if (!managers) this.byObject.set(uid, (managers = new Map()));
    managers.set(manager, structuredClone(applied));
  }

  forget(uid: string): void {
    this.byObject.delete(uid);
  }
}

/** The object after applying `applied` over `existing`, removing what `last` had and `applied` dropped. */
export function applyConfiguration(
  existing: Obj,
  applied: Obj,
  last: Obj | undefined,
  kind: string,
): unknown {
  const patch = last ? withDeletions(applied, last, [], kind) : applied;
  return strategicMerge(existing, patch, kind);
}

function withDeletions(applied: Obj, last: Obj, path: string[], kind: string): Obj {
  const out: Obj = { ...applied };
  for (const [key, before] of Object.entries(last)) {
    const now = applied[key];
    const here = [...path, key];
    if (now === undefined) {
      out[key] = null;
    } else if (isPlainObject(before) && isPlainObject(now)) {
      out[key] = withDeletions(now, before, here, kind);
    } else if (Array.isArray(before) && Array.isArray(now)) {
      const mk = mergeKey(here, kind);
      if (!mk || !now.every(isPlainObject)) continue;
      const kept = new Set(now.map((e) => (e as Obj)[mk]));
      const merged: unknown[] = now.map((e) => {
        const old = before.find((b) => isPlainObject(b) && b[mk] === (e as Obj)[mk]);
        return isPlainObject(old) ? withDeletions(e as Obj, old, here, kind) : e;
      });
      for (const b of before)
        if (isPlainObject(b) && !kept.has(b[mk])) merged.push({ [mk]: b[mk], $patch: 'delete' });
      out[key] = merged;
    }
  }
  return out;
}
