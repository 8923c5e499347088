/**
 * The request handler: authentication, routing, and the verbs (get, list,
 * watch, create, update, patch, delete) mapped onto the registry. Every
 * failure is answered with a Kubernetes Status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseFaultRequest, type Faults } from '../faults.js';
import { authorize, type SimUser, type Verb } from '../rbac.js';
import {
  ApiError,
  badRequest,
  methodNotAllowed,
  pathNotFound,
  toApiError,
  unauthorized,
  unsupportedMediaType,
} from '../errors.js';
import { isPlainObject } from '../json.js';
import type { Registry } from '../registry.js';
import { groupVersion } from '../resources.js';
import { fieldSelector, labelSelector } from '../selectors.js';
import { toTable, wantsTable } from '../tables.js';
import type { WatchHub } from '../watch.js';
import { readBody, sendJson, sendText } from './body.js';
import { listPage } from './list.js';
import { route } from './routes.js';
import { patch } from './patch.js';
import { includeObject, respondObject, writeOptions, type ResourceRoute } from './respond.js';
import { toScale, writeScale } from './scale.js';

export interface HandlerContext {
  registry: Registry;
  faults: Faults;
  /** How long a continue token lasts (upstream: until the next compaction, about 5 minutes). */
  continueTtlMs?: number;
  /** Remove an owner's references from its dependents (`propagationPolicy: Orphan`). */
  orphan: (uid: string) => void;
  /** Extra users (see rbac.ts); the main token is allowed everything. */
  users: readonly SimUser[];
  watches: WatchHub;
  token: string;
  serverAddress: () => string;
  /** Whether list items carry kind/apiVersion (real API servers leave them out). */
  listItemTypeMeta: boolean;
  log?: (line: string) => void;
}

export function createHandler(
  ctx: HandlerContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = Date.now();
    res.on('finish', () =>
      ctx.log?.(
        `${req.method ?? '?'} ${req.url ?? ''} ${res.statusCode} ${Date.now() - started}ms`,
      ),
    );
    handle(ctx, req, res).catch((err: unknown) => {
      const apiErr = toApiError(err);
      if (apiErr.code >= 500)
        ctx.log?.(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (res.headersSent) {
        res.end();
        return;
      }
      sendJson(res, apiErr.code, apiErr.toStatus());
    });
  };
}

async function handle(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const auth = req.headers.authorization;
  const user = ctx.users.find((u) => auth === `Bearer ${u.token}`);
  if (auth !== undefined && auth !== `Bearer ${ctx.token}` && !user) throw unauthorized();
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  if (ctx.faults.state.delayMs > 0)
    await new Promise((resolve) => setTimeout(resolve, ctx.faults.state.delayMs));
  if (url.pathname === '/sim/faults') return faultsEndpoint(ctx, req, res);
  const r = route(url.pathname, ctx.serverAddress());
  if (r.type === 'health') return sendText(res, 200, 'ok');
  if (r.type === 'missing') throw pathNotFound();
  if (r.type === 'document') {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed();
    return sendJson(res, 200, r.body);
  }
  const q = url.searchParams;
  const method = req.method ?? 'GET';
  authorize(user, r.resource, verbOf(method, r.name, q, r.watchPrefix), r.namespace, r.name);
  if (r.name === undefined) {
    if (method === 'GET') return getCollection(ctx, req, res, r, q);
    if (method === 'POST' && !r.watchPrefix) return create(ctx, req, res, r, q);
    throw methodNotAllowed();
  }
  if (r.watchPrefix && method === 'GET') {
    q.set(
      'fieldSelector',
      [q.get('fieldSelector'), `metadata.name=${r.name}`].filter(Boolean).join(','),
    );
    return getCollection(ctx, req, res, { ...r, name: undefined }, q);
  }
  if (r.subresource === 'scale') return scale(ctx, req, res, r as ResourceRoute & { name: string });
  switch (method) {
    case 'GET': {
      const obj = ctx.registry.get(r.resource, r.namespace, r.name);
      return respondObject(req, res, r.resource, 200, obj, q);
    }
    case 'PUT': {
      const body = await readBody(req);
      const result = ctx.registry.replace(r.resource, r.namespace, r.name, body, {
        ...writeOptions(q, req),
        subresource: r.subresource,
      });
      return respondObject(req, res, r.resource, 200, result.object, q, result.warnings);
    }
    case 'PATCH':
      return patch(ctx, req, res, r as ResourceRoute & { name: string }, q);
    case 'DELETE': {
      const body = await readBody(req);
      const opts = isPlainObject(body) ? body : {};
      const graceText = q.get('gracePeriodSeconds');
      const grace =
        graceText !== null
          ? Number(graceText)
          : typeof opts.gracePeriodSeconds === 'number'
            ? opts.gracePeriodSeconds
            : undefined;
      if (grace !== undefined && !Number.isInteger(grace))
        throw badRequest(`invalid gracePeriodSeconds: ${String(graceText)}`);
      const preconditions = isPlainObject(opts.preconditions)
        ? (opts.preconditions as { uid?: string; resourceVersion?: string })
        : undefined;
      const policy = q.get('propagationPolicy') ?? opts.propagationPolicy;
      if (policy === 'Orphan')
        ctx.orphan(ctx.registry.get(r.resource, r.namespace, r.name).metadata.uid);
      const obj = ctx.registry.delete(r.resource, r.namespace, r.name, {
        gracePeriodSeconds: grace,
        preconditions,
      });
      return respondObject(req, res, r.resource, 200, obj, q);
    }
    default:
      throw methodNotAllowed();
  }
}

function isWatch(q: URLSearchParams, watchPrefix: boolean): boolean {
  const v = q.get('watch');
  // The Go server parses booleans with strconv.ParseBool.
  return watchPrefix || (v !== null && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v));
}

function boolParam(q: URLSearchParams, name: string): boolean {
  return ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(q.get(name) ?? '');
}

function getCollection(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
  r: ResourceRoute,
  q: URLSearchParams,
): void {
  const namespace = r.resource.namespaced ? r.namespace : undefined;
  const labels = labelSelector(q.get('labelSelector'));
  const fields = fieldSelector(q.get('fieldSelector'), r.resource);
  const table = wantsTable(req.headers.accept);
  const include = includeObject(q);
  if (isWatch(q, r.watchPrefix)) {
    const timeout = q.get('timeoutSeconds');
    if (timeout !== null && !/^\d+$/.test(timeout))
      throw badRequest(`invalid timeoutSeconds: ${timeout}`);
    ctx.watches.serve(req, res, {
      resource: r.resource,
      namespace,
      labels,
      fields,
      resourceVersion: q.get('resourceVersion') ?? undefined,
      sendInitialEvents: boolParam(q, 'sendInitialEvents'),
      allowBookmarks: boolParam(q, 'allowWatchBookmarks'),
      timeoutSeconds: timeout === null ? undefined : Number(timeout),
      render: table ? (obj) => toTable(r.resource, [obj], { include }) : (obj) => obj,
    });
    return;
  }
  if (ctx.faults.takeListFailure())
    throw new ApiError(
      500,
      'InternalError',
      'Internal error occurred: injected fault: list failed',
    );
  const limitText = q.get('limit');
  const limit = limitText ? Number(limitText) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0))
    throw badRequest(`invalid limit: ${String(limitText)}`);
  const filtered = Boolean(q.get('labelSelector') || q.get('fieldSelector'));
  const page = listPage(
    ctx.registry.store,
    r.resource,
    {
      namespace,
      labels,
      fields,
      limit,
      continueToken: q.get('continue') ?? undefined,
      continueTtlMs: ctx.continueTtlMs,
    },
    filtered,
  );
  if (table) {
    sendJson(
      res,
      200,
      toTable(r.resource, page.items, {
        include,
        resourceVersion: page.resourceVersion,
        continue: page.continueToken,
      }),
    );
    return;
  }
  const metadata: Record<string, unknown> = { resourceVersion: page.resourceVersion };
  if (page.continueToken) metadata.continue = page.continueToken;
  if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
  sendJson(res, 200, {
    kind: r.resource.listKind,
    apiVersion: groupVersion(r.resource),
    metadata,
    items: ctx.listItemTypeMeta
      ? page.items
      : page.items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest),
  });
}

async function create(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
  r: ResourceRoute,
  q: URLSearchParams,
): Promise<void> {
  if (!r.resource.namespaced || r.namespace !== undefined || r.resource.kind === 'Namespace') {
    const body = await readBody(req);
    const result = ctx.registry.create(r.resource, r.namespace, body, writeOptions(q, req));
    return respondObject(req, res, r.resource, 201, result.object, q, result.warnings);
  }
  // POST to the all-namespaces collection is not a thing upstream either.
  throw methodNotAllowed();
}

async function scale(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
  r: ResourceRoute & { name: string },
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'GET')
    return sendJson(res, 200, toScale(ctx.registry.get(r.resource, r.namespace, r.name)));
  if (method !== 'PUT' && method !== 'PATCH') throw methodNotAllowed();
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  if (
    method === 'PATCH' &&
    type !== 'application/merge-patch+json' &&
    type !== 'application/strategic-merge-patch+json'
  )
    throw unsupportedMediaType(type);
  const body = await readBody(req);
  const obj = writeScale(
    ctx.registry,
    r.resource,
    r.namespace,
    r.name,
    body,
    method === 'PATCH' ? type : undefined,
  );
  sendJson(res, 200, toScale(obj));
}

function verbOf(
  method: string,
  name: string | undefined,
  q: URLSearchParams,
  watchPrefix: boolean,
): Verb {
  if (method === 'GET')
    return isWatch(q, watchPrefix) ? 'watch' : name === undefined ? 'list' : 'get';
  if (method === 'POST') return 'create';
  if (method === 'PUT') return 'update';
  if (method === 'PATCH') return 'patch';
  return 'delete';
}

async function faultsEndpoint(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'GET') return sendJson(res, 200, ctx.faults.state);
  if (req.method !== 'POST') throw methodNotAllowed();
  const request = parseFaultRequest(await readBody(req));
  if (request.restart) {
    // Answer first: the restart closes this connection too.
    sendJson(res, 202, { ...ctx.faults.state, restarting: true });
    await ctx.faults.apply(request);
    return;
  }
  sendJson(res, 200, await ctx.faults.apply(request));
}
