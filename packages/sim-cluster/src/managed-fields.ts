/**
 * `metadata.managedFields`, as the API server writes them: one entry per
 * field manager, operation and subresource, with the time of its last change
 * and the fields it set in the FieldsV1 form (`f:<field>` for map keys,
 * `k:{"name":...}` for list items keyed by a merge key, `{}` for a leaf).
 * Real objects carry them, so clients must cope with their size; ownership
 * conflicts are not computed from them (see server-side-apply.ts).
 */
import type { KubeObject } from './types.js';

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Update' | 'Apply';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** Keys that identify list items, as the built-in kinds' merge keys do. */
const ITEM_KEYS = ['name', 'containerPort', 'port', 'ip', 'type', 'key', 'uid', 'mountPath'];

function fields(value: unknown): Record<string, unknown> {
  if (Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const item of value) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return {};
      const rec = item as Record<string, unknown>;
      const key = ITEM_KEYS.find((k) => rec[k] !== undefined);
      if (!key) return {};
      out[`k:${JSON.stringify({ [key]: rec[key] })}`] = { '.': {}, ...fields(rec) };
    }
    return out;
  }
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const inner = fields(v);
    out[`f:${k}`] =
      typeof v === 'object' && v !== null && Object.keys(inner).length > 0
        ? { '.': {}, ...inner }
        : inner;
  }
  return out;
}

/** The FieldsV1 of what an object's writer set: spec and the like, or only status. */
export function fieldsV1(obj: KubeObject, subresource?: string): Record<string, unknown> {
  if (subresource === 'status') return fields({ status: obj.status });
  const { metadata, status: _status, apiVersion: _a, kind: _k, ...rest } = obj;
  const meta: Record<string, unknown> = {};
  for (const key of ['labels', 'annotations', 'ownerReferences', 'finalizers'] as const)
    if (metadata[key] !== undefined) meta[key] = metadata[key];
  return fields(Object.keys(meta).length > 0 ? { metadata: meta, ...rest } : rest);
}

/**
 * Record a write by `manager` on `next` (changed from `previous`, if any):
 * the entry of the same manager, operation and subresource is replaced,
 * the others kept.
 */
export function recordManager(
  previous: KubeObject | undefined,
  next: KubeObject,
  manager: string,
  time: string,
  operation: 'Update' | 'Apply' = 'Update',
  subresource?: string,
): void {
  const entry: ManagedFieldsEntry = {
    manager,
    operation,
    apiVersion: next.apiVersion ?? 'v1',
    time,
    fieldsType: 'FieldsV1',
    fieldsV1: fieldsV1(next, subresource),
    ...(subresource ? { subresource } : {}),
  };
  const others = (
    (previous?.metadata.managedFields as ManagedFieldsEntry[] | undefined) ?? []
  ).filter(
    (e) => !(e.manager === manager && e.operation === operation && e.subresource === subresource),
  );
  next.metadata.managedFields = [...others, entry];
}
