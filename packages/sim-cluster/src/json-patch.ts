/** RFC 6902 JSON patch (add, remove, replace, move, copy, test), as `kubectl rollout undo` and `kubectl patch --type=json` send it. */
import { ApiError, badRequest } from './errors.js';
import { isPlainObject, jsonEqual } from './json.js';

interface Op {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`invalid JSON pointer: ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: unknown, parts: string[]): [unknown, string] {
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isPlainObject(cur)) cur = cur[p];
    else cur = undefined;
    if (cur === undefined) throw unprocessable(`doc is missing path: "/${parts.join('/')}"`);
  }
  return [cur, parts[parts.length - 1] ?? ''];
}

function unprocessable(message: string): ApiError {
  return new ApiError(422, 'Invalid', message);
}

function get(doc: unknown, path: string): unknown {
  const parts = pointer(path);
  if (parts.length === 0) return doc;
  const [parent, key] = parentOf(doc, parts);
  const v = Array.isArray(parent)
    ? parent[Number(key)]
    : isPlainObject(parent)
      ? parent[key]
      : undefined;
  if (v === undefined) throw unprocessable(`doc is missing path: "${path}"`);
  return v;
}

function remove(doc: unknown, path: string): unknown {
  const [parent, key] = parentOf(doc, pointer(path));
  const value = get(doc, path);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (isPlainObject(parent)) delete parent[key];
  return value;
}

function add(doc: unknown, path: string, value: unknown, replace: boolean): unknown {
  const parts = pointer(path);
  if (parts.length === 0) return structuredClone(value);
  const [parent, key] = parentOf(doc, parts);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length)
      throw unprocessable(`add operation does not apply: doc is missing path: "${path}"`);
    if (replace) parent[i] = structuredClone(value);
    else parent.splice(i, 0, structuredClone(value));
  } else if (isPlainObject(parent)) {
    if (replace && !(key in parent))
      throw unprocessable(`replace operation does not apply: doc is missing key: ${path}`);
    parent[key] = structuredClone(value);
  } else {
    throw unprocessable(`doc is missing path: "${path}"`);
  }
  return doc;
}

export function jsonPatch(original: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest('a JSON patch must be a list of operations');
  let doc = structuredClone(original);
  for (const raw of ops as Op[]) {
    switch (raw.op) {
      case 'add':
        doc = add(doc, raw.path, raw.value, false);
        break;
      case 'replace':
        doc = add(doc, raw.path, raw.value, true);
        break;
      case 'remove':
        remove(doc, raw.path);
        break;
      case 'move':
        doc = add(doc, raw.path, remove(doc, raw.from ?? ''), false);
        break;
      case 'copy':
        doc = add(doc, raw.path, get(doc, raw.from ?? ''), false);
        break;
      case 'test':
        if (!jsonEqual(get(doc, raw.path), raw.value))
          throw unprocessable(`testing value ${raw.path} failed`);
        break;
      default:
        throw badRequest(`unexpected kind: ${String(raw.op)}`);
    }
  }
  return doc;
}
