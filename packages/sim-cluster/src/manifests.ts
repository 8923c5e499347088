/**
 * Manifests as `kubectl apply -f` treats them: read YAML files (multi-doc,
 * `List` objects unwrapped) with the line each object starts on, and apply
 * them to a cluster one by one: create when missing, otherwise a three-way
 * merge against the `kubectl.kubernetes.io/last-applied-configuration`
 * annotation (kept as kubectl keeps it, so kubectl and this interoperate).
 * Each failure is reported per object with the API server's message.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { ApiError } from './errors.js';
import { isPlainObject } from './json.js';
import type { Registry } from './registry.js';
import { findByKind, groupVersion } from './resources.js';
import { applyConfiguration } from './server-side-apply.js';
import type { KubeObject } from './types.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export interface ManifestSource {
  file: string;
  line: number;
}

export interface Manifest {
  object: unknown;
  source: ManifestSource;
}

export interface AppliedRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** `created`, `configured` or `unchanged`, as kubectl prints them. */
  action: 'created' | 'configured' | 'unchanged';
}

export interface ManifestError {
  source: ManifestSource;
  message: string;
  /** The Status reason (`Invalid`, `BadRequest`, `NotFound`, ...) or `NoKindMatch`. */
  reason: string;
  code?: number;
}

export interface ApplyResult {
  applied: AppliedRef[];
  errors: ManifestError[];
}

/** Parse manifest text; YAML syntax errors come back as errors, not exceptions. */
export function parseManifests(
  text: string,
  file: string,
): { manifests: Manifest[]; errors: ManifestError[] } {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines });
  const manifests: Manifest[] = [];
  const errors: ManifestError[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const line = lines.linePos(doc.contents?.range[0] ?? doc.range[0]).line;
    if (doc.errors.length > 0) {
      errors.push({
        source: { file, line },
        message: doc.errors[0]?.message ?? 'invalid YAML',
        reason: 'YAMLError',
      });
      continue;
    }
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    const list = value as { apiVersion?: unknown; kind?: string; items?: unknown[] };
    if (typeof list.kind === 'string' && list.kind.endsWith('List') && Array.isArray(list.items)) {
      // A typed list (ServiceList, as an API server returns it) leaves kind and
      // apiVersion off its items: they are the list's, as kubectl reads them.
      const itemKind = list.kind === 'List' ? undefined : list.kind.slice(0, -'List'.length);
      const nodes = (doc.getIn(['items'], true) as { items?: { range?: number[] }[] } | undefined)
        ?.items;
      list.items.forEach((item, i) => {
        const at = nodes?.[i]?.range?.[0];
        const source = { file, line: at === undefined ? line : lines.linePos(at).line };
        if (itemKind && isPlainObject(item))
          item = { apiVersion: list.apiVersion, kind: itemKind, ...item };
        manifests.push({ object: item, source });
      });
    } else {
      manifests.push({ object: value, source: { file, line } });
    }
  }
  return { manifests, errors };
}

/** YAML files of a file or folder (recursively, sorted; kustomization files skipped), parsed. */
export function readManifests(path: string): { manifests: Manifest[]; errors: ManifestError[] } {
  const files = statSync(path).isDirectory() ? yamlFiles(path) : [path];
  const out = { manifests: [] as Manifest[], errors: [] as ManifestError[] };
  for (const file of files) {
    const { manifests, errors } = parseManifests(readFileSync(file, 'utf8'), file);
    out.manifests.push(...manifests);
    out.errors.push(...errors);
  }
  return out;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/.test(e.name) && !/^kustomization\.ya?ml$/.test(e.name) ? [p] : [];
    });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Apply one object as `kubectl apply` does. */
export function applyObject(registry: Registry, input: unknown): AppliedRef {
  if (!isObject(input)) throw new ApiError(400, 'BadRequest', 'the manifest is not an object');
  const apiVersion = typeof input.apiVersion === 'string' ? input.apiVersion : '';
  const kind = typeof input.kind === 'string' ? input.kind : '';
  if (!apiVersion || !kind)
    throw new ApiError(400, 'BadRequest', `Object 'Kind' is missing in '${JSON.stringify(input)}'`);
  const r = findByKind(apiVersion, kind);
  if (!r)
    throw new ApiError(
      404,
      'NoKindMatch',
      `no matches for kind "${kind}" in version "${apiVersion}"`,
    );
  const obj = structuredClone(input) as unknown as KubeObject;
  obj.metadata ??= {};
  const name = obj.metadata.name ?? '';
  const namespace = r.namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
  const { [LAST_APPLIED]: _old, ...annotations } = obj.metadata.annotations ?? {};
  const { annotations: _a, ...metaRest } = obj.metadata;
  const withoutAnnotation = {
    ...obj,
    metadata: Object.keys(annotations).length ? { ...metaRest, annotations } : metaRest,
  };
  const lastApplied = JSON.stringify(withoutAnnotation);
  const body = {
    ...obj,
    metadata: {
      ...obj.metadata,
      annotations: { ...annotations, [LAST_APPLIED]: `${lastApplied}\n` },
    },
  };
  const existing = name ? registry.store.get(r, namespace, name) : undefined;
  const ref = {
    apiVersion: groupVersion(r),
    kind: r.kind,
    name,
    ...(namespace ? { namespace } : {}),
  };
  if (!existing) {
    const created = registry.create(r, namespace, body, {
      fieldValidation: 'Strict',
      fieldManager: 'kubectl-client-side-apply',
    }).object;
    return { ...ref, name: created.metadata.name, action: 'created' };
  }
  let last: Record<string, unknown> | undefined;
  try {
    const text = existing.metadata.annotations?.[LAST_APPLIED];
    last = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    last = undefined;
  }
  const merged = applyConfiguration(
    existing,
    body as unknown as Record<string, unknown>,
    last,
    r.kind,
  ) as KubeObject;
  const before = existing.metadata.resourceVersion;
  const after = registry.replace(r, namespace, name, merged, {
    fieldValidation: 'Strict',
    fieldManager: 'kubectl-client-side-apply',
    patch: true,
  }).object;
  return { ...ref, action: after.metadata.resourceVersion === before ? 'unchanged' : 'configured' };
}

/** Apply manifests in order (Namespaces first, as they must exist before their contents). */
export function applyManifests(registry: Registry, manifests: readonly Manifest[]): ApplyResult {
  const rank = (m: Manifest) => (isObject(m.object) && m.object.kind === 'Namespace' ? 0 : 1);
  const ordered = [...manifests].sort((a, b) => rank(a) - rank(b));
  const result: ApplyResult = { applied: [], errors: [] };
  for (const m of ordered) {
    try {
      result.applied.push(applyObject(registry, m.object));
    } catch (err) {
      const e =
        err instanceof ApiError
          ? err
          : new ApiError(500, 'InternalError', err instanceof Error ? err.message : String(err));
      result.errors.push({ source: m.source, message: e.message, reason: e.reason, code: e.code });
    }
  }
  return result;
}
