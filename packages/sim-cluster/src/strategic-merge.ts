/**
 * Strategic merge patch, as `kubectl apply`, `label`, `annotate` and
 * `set image` send it for built-in kinds. Like a JSON merge patch, except
 * that some lists merge element by element on a key (containers by name,
 * container ports by containerPort, Service ports by port, conditions by
 * type, ...), and the directives `$patch` (replace / delete),
 * `$retainKeys`, `$setElementOrder/<list>` and
 * `$deleteFromPrimitiveList/<list>` are honoured. Lists without a merge key
 * are replaced whole, as upstream treats atomic lists.
 */
import { isPlainObject } from './json.js';

type Json = unknown;
type Obj = Record<string, unknown>;

/** Merge keys of k8s.io/api's `patchMergeKey` tags for the kinds served, by list field. */
const BY_FIELD: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  resourceClaims: 'name',
  schedulingGates: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  conditions: 'type',
  ownerReferences: 'uid',
  podIPs: 'ip',
  hostIPs: 'ip',
};
/** Lists of scalars merged as sets (patchStrategy: merge). */
const PRIMITIVE_MERGE = new Set(['finalizers', 'podCIDRs']);

export function mergeKey(path: readonly string[], kind: string): string | undefined {
  const field = path[path.length - 1] ?? '';
  if (field === 'ports') {
    const parent = path[path.length - 2] ?? '';
    if (['containers', 'initContainers', 'ephemeralContainers'].includes(parent))
      return 'containerPort';
    if (kind === 'Service' && path.join('.') === 'spec.ports') return 'port';
    return undefined;
  }
  if (field === 'addresses')
    return kind === 'Node' && path.join('.') === 'status.addresses' ? 'type' : undefined;
  return BY_FIELD[field];
}

export function strategicMerge(original: Json, patch: Json, kind: string): Json {
  return mergeMap(
    isPlainObject(original) ? original : {},
    isPlainObject(patch) ? patch : {},
    [],
    kind,
  );
}

function mergeMap(original: Obj, patch: Obj, path: string[], kind: string): Obj | undefined {
  if (patch.$patch === 'delete') return undefined;
  if (patch.$patch === 'replace') return stripDirectives(patch);
  const out: Obj = { ...original };
  const orders: [string, unknown[]][] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys') continue;
    if (key.startsWith('$setElementOrder/')) {
      if (Array.isArray(value)) orders.push([key.slice('$setElementOrder/'.length), value]);
      continue;
    }
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const drop = Array.isArray(value) ? value : [];
      if (Array.isArray(out[field]))
        out[field] = (out[field] as unknown[]).filter((v) => !drop.includes(v));
      continue;
    }
    const here = [...path, key];
    if (value === null) {
      delete out[key];
    } else if (isPlainObject(value)) {
      const merged = mergeMap(isPlainObject(out[key]) ? (out[key] as Obj) : {}, value, here, kind);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    } else if (Array.isArray(value)) {
      out[key] = mergeList(
        Array.isArray(out[key]) ? (out[key] as unknown[]) : [],
        value,
        here,
        kind,
      );
    } else {
      out[key] = value;
    }
  }
  for (const [field, order] of orders) {
    const key = mergeKey([...path, field], kind);
    if (Array.isArray(out[field])) out[field] = reorder(out[field] as unknown[], order, key);
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[]);
    for (const k of Object.keys(out)) if (!keep.has(k)) delete out[k];
  }
  return out;
}

function mergeList(original: unknown[], patch: unknown[], path: string[], kind: string): unknown[] {
  const field = path[path.length - 1] ?? '';
  if (patch.some((e) => isPlainObject(e) && e.$patch === 'replace')) {
    return patch
      .filter((e) => !(isPlainObject(e) && e.$patch === 'replace'))
      .map(stripDirectivesDeep);
  }
  if (PRIMITIVE_MERGE.has(field) && patch.every((e) => !isPlainObject(e))) {
    return [...original, ...patch.filter((e) => !original.includes(e))];
  }
  const key = mergeKey(path, kind);
  if (!key || !patch.every(isPlainObject)) return patch.map(stripDirectivesDeep);
  const out = [...original];
  for (const element of patch as Obj[]) {
    const i = out.findIndex((o) => isPlainObject(o) && o[key] === element[key]);
    if (element.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) {
      const merged = mergeMap(out[i] as Obj, element, path, kind);
      if (merged === undefined) out.splice(i, 1);
      else out[i] = merged;
    } else {
      out.push(stripDirectivesDeep(element));
    }
  }
  return out;
}

/** `$setElementOrder`: listed elements in the given order, the others after, in their own order. */
function reorder(list: unknown[], order: unknown[], key: string | undefined): unknown[] {
  const id = (e: unknown) => (key && isPlainObject(e) ? e[key] : e);
  const wanted = order.map(id);
  const rank = (e: unknown) => {
    const i = wanted.indexOf(id(e));
    return i < 0 ? wanted.length : i;
  };
  return list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

function stripDirectives(obj: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(obj)) if (!k.startsWith('$')) out[k] = stripDirectivesDeep(v);
  return out;
}

function stripDirectivesDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectivesDeep);
  return isPlainObject(value) ? stripDirectives(value) : value;
}
