/**
 * Lists: filtering by namespace and selectors, and `limit`/`continue`
 * pagination. A continue token names the last key returned and the version
 * the list started at; once that version has left the history the token is
 * refused with 410 Expired, as upstream refuses compacted ones.
 */
import { ApiError, badRequest } from '../errors.js';
import type { ResourceType } from '../resources.js';
import type { FieldSelector, Selector } from '../selectors.js';
import { sortKey, type Store } from '../store.js';
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
  // From the sorted keys: binary search to the token's place, then collect one page.
  const keys = store.sortedKeys(r, q.namespace);
  let lo = 0;
  if (start) {
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] as { key: string }).key <= start) lo = mid + 1;
      else hi = mid;
    }
  }
  const items: StoredObject[] = [];
  let i = lo;
  let more = false;
  for (; i < keys.length; i++) {
    const k = keys[i] as { namespace: string | undefined; name: string };
    const o = store.get(r, k.namespace, k.name);
    if (!o || !q.labels(o.metadata.labels) || !q.fields(o)) continue;
    if (q.limit && items.length === q.limit) {
      more = true;
      break;
    }
    items.push(o);
  }
  if (!more) return { items, resourceVersion: String(rv) };
  const last = items[items.length - 1] as StoredObject;
  const page: ListPage = {
    items,
    resourceVersion: String(rv),
    continueToken: Buffer.from(
      JSON.stringify({ rv, start: sortKey(last.metadata.namespace, last.metadata.name), at }),
    ).toString('base64url'),
  };
  if (!filtered) page.remainingItemCount = keys.length - i;
  return page;
}
