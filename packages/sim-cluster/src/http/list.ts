/**
 * Lists: filtering by namespace and selectors, and `limit`/`continue`
 * pagination. A continue token names the last key returned and the version
 * the list started at; once that version has left the history the token is
 * refused with 410 Expired, as upstream refuses compacted ones.
 */
import { ApiError, badRequest } from '../errors.js';
import type { ResourceType } from '../resources.js';
import type { FieldSelector, Selector } from '../selectors.js';
import type { Store } from '../store.js';
import type { StoredObject } from '../types.js';

export interface ListQuery {
  namespace?: string;
  labels: Selector;
  fields: FieldSelector;
  limit?: number;
  continueToken?: string;
  /** Continue tokens older than this are refused with 410, as after an etcd compaction. */
  continueTtlMs?: number;
}

export interface ListPage {
  items: StoredObject[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

interface Token {
  rv: number;
  start: string;
  /** When the list started (ms since the epoch). */
  at?: number;
}

function keyOf(obj: StoredObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

function decodeToken(text: string): Token {
  try {
    const t = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Token>;
    if (typeof t.rv === 'number' && typeof t.start === 'string')
      return { rv: t.rv, start: t.start, at: typeof t.at === 'number' ? t.at : undefined };
  } catch {
    // fall through to the error below
  }
  throw badRequest(
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  );
}

export function listPage(store: Store, r: ResourceType, q: ListQuery, filtered: boolean): ListPage {
  let rv = store.resourceVersion;
  let start = '';
  let at = Date.now();
  if (q.continueToken) {
    const token = decodeToken(q.continueToken);
    const tooOld =
      q.continueTtlMs !== undefined &&
      token.at !== undefined &&
      Date.now() - token.at > q.continueTtlMs;
    if (token.rv < store.oldestResumableVersion || tooOld) {
      throw new ApiError(
        410,
        'Expired',
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
      );
    }
    rv = token.rv;
    start = token.start;
    at = token.at ?? at;
  }
  const all = store
    .list(r, q.namespace)
    .filter((o) => (!start || keyOf(o) > start) && q.labels(o.metadata.labels) && q.fields(o));
  if (!q.limit || all.length <= q.limit) return { items: all, resourceVersion: String(rv) };
  const items = all.slice(0, q.limit);
  const last = items[items.length - 1] as StoredObject;
  const page: ListPage = {
    items,
    resourceVersion: String(rv),
    continueToken: Buffer.from(JSON.stringify({ rv, start: keyOf(last), at })).toString(
      'base64url',
    ),
  };
  if (!filtered) page.remainingItemCount = all.length - items.length;
  return page;
}
