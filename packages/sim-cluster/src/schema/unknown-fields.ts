/**
 * Unknown fields, as the API server's strict decoder names them: a path
 * like `spec.egress[0].to[0].cidrSelector`, or `selector` at the top level.
 */
import type { ResourceType } from '../resources.js';
import { SHAPES, TOP_LEVEL } from './kinds.js';
import { ANY, type Shape } from './shapes.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function walk(value: unknown, shape: Shape, path: string, out: string[]): void {
  if (shape === ANY) return;
  if ('$' in shape && shape.$ === 'list') {
    if (Array.isArray(value))
      value.forEach((v, i) => walk(v, (shape as { list: Shape }).list, `${path}[${i}]`, out));
    return;
  }
  if ('$' in shape && shape.$ === 'map') {
    if (isObject(value))
      for (const [k, v] of Object.entries(value))
        walk(v, (shape as { values: Shape }).values, `${path}.${k}`, out);
    return;
  }
  if (!isObject(value)) return;
  const fields = shape as Record<string, Shape>;
  for (const [k, v] of Object.entries(value)) {
    const sub = fields[k];
    const here = path ? `${path}.${k}` : k;
    if (sub === undefined) out.push(here);
    else walk(v, sub, here, out);
  }
}

export function unknownFields(r: ResourceType, obj: Record<string, unknown>): string[] {
  const out: string[] = [];
  const shape = SHAPES[r.kind];
  if (shape) {
    walk(obj, shape, '', out);
    return out;
  }
  const known = ['apiVersion', 'kind', 'metadata', ...(TOP_LEVEL[r.kind] ?? ['spec', 'status'])];
  return Object.keys(obj).filter((k) => !known.includes(k));
}

/** Remove the given unknown field paths from the object (Warn and Ignore drop them, as upstream). */
export function dropFields(obj: Record<string, unknown>, paths: readonly string[]): void {
  for (const path of paths) {
    const parts = path.match(/[^.[\]]+/g) ?? [];
    let cur: unknown = obj;
    for (const p of parts.slice(0, -1)) {
      if (cur === null || typeof cur !== 'object') break;
      cur = (cur as Record<string, unknown>)[p];
    }
    const last = parts[parts.length - 1];
    if (last !== undefined && isObject(cur)) delete cur[last];
  }
}
