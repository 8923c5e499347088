/** PATCH: JSON merge, strategic merge, JSON patch and server-side apply. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest, unsupportedMediaType } from '../errors.js';
import { isPlainObject, mergePatch } from '../json.js';
import { jsonPatch } from '../json-patch.js';
import { applyConfiguration } from '../server-side-apply.js';
import { strategicMerge } from '../strategic-merge.js';
import { readBody } from './body.js';
import type { HandlerContext } from './handler.js';
import { respondObject, writeOptions, type ResourceRoute } from './respond.js';

export async function patch(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
  r: ResourceRoute & { name: string },
  q: URLSearchParams,
): Promise<void> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  if (!PATCH_TYPES.includes(type)) throw unsupportedMediaType(type);
  const body = await readBody(req);
  const opts = { ...writeOptions(q, req), subresource: r.subresource, patch: true };
  if (type === 'application/apply-patch+yaml') return apply(ctx, req, res, r, q, body);
  if (type === 'application/json-patch+json') {
    if (!Array.isArray(body)) throw badRequest('a JSON patch must be a list of operations');
  } else if (!isPlainObject(body)) {
    throw badRequest('the patch must be a JSON object');
  }
  const existing = ctx.registry.get(r.resource, r.namespace, r.name);
  const merged =
    type === 'application/merge-patch+json'
      ? mergePatch(existing, body)
      : type === 'application/json-patch+json'
        ? jsonPatch(existing, body)
        : strategicMerge(existing, body, r.resource.kind);
  if (!isPlainObject(merged))
    throw new ApiError(422, 'Invalid', 'the patch produced an invalid object');
  const result = ctx.registry.replace(r.resource, r.namespace, r.name, merged, opts);
  return respondObject(req, res, r.resource, 200, result.object, q, result.warnings);
}

const PATCH_TYPES = [
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/json-patch+json',
  'application/apply-patch+yaml',
];

/** Server-side apply: create when missing, else merge and prune this manager's dropped fields. */
function apply(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
  r: ResourceRoute & { name: string },
  q: URLSearchParams,
  body: unknown,
): void {
  const manager = q.get('fieldManager');
  if (!manager)
    throw new ApiError(
      422,
      'Invalid',
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
  if (!isPlainObject(body)) throw badRequest('the applied configuration must be an object');
  const meta = isPlainObject(body.metadata) ? body.metadata : {};
  if (meta.name !== undefined && meta.name !== r.name)
    throw badRequest(
      `the name of the object (${String(meta.name)}) does not match the name on the URL (${r.name})`,
    );
  const opts = { ...writeOptions(q, req), operation: 'Apply' as const };
  const { registry } = ctx;
  const existing = registry.store.get(r.resource, r.namespace, r.name);
  if (!existing) {
    const created = registry.create(
      r.resource,
      r.namespace,
      { ...body, metadata: { ...meta, name: r.name } },
      opts,
    );
    if (!opts.dryRun) registry.applied.remember(created.object.metadata.uid, manager, body);
    return respondObject(req, res, r.resource, 201, created.object, q, created.warnings);
  }
  const last = registry.applied.last(existing.metadata.uid, manager);
  const merged = applyConfiguration(existing, body, last, r.resource.kind);
  if (!isPlainObject(merged))
    throw new ApiError(422, 'Invalid', 'the patch produced an invalid object');
  const result = registry.replace(r.resource, r.namespace, r.name, merged, {
    ...opts,
    subresource: r.subresource,
    patch: true,
  });
  if (!opts.dryRun) registry.applied.remember(existing.metadata.uid, manager, body);
  return respondObject(req, res, r.resource, 200, result.object, q, result.warnings);
}
