/**
 * The view in the URL, so a copied link opens the same view and back/forward
 * walk through views: `?ns=shop&q=app%3Dweb&hide=pod,address&findings=1
 * &verdict=denied&focus=svc:shop/frontend&sel=pod:shop/frontend-1`. Pure both ways; unknown
 * parameters and kinds are ignored.
 */
import type { NodeKind } from '@portolan/topology';
import { KIND_TITLE } from '../model/kind-meta.js';
import type { UrlView } from '../store/view-actions.js';
import type { VerdictFilter } from '../store/view-slice.js';

const KINDS = new Set(Object.keys(KIND_TITLE));
const VERDICTS = new Set<string>(['allowed', 'denied', 'partly-allowed', 'isolated']);

export function viewToQuery(v: UrlView): string {
  const p = new URLSearchParams();
  if (v.namespace !== null) p.set('ns', v.namespace);
  if (v.search !== '') p.set('q', v.search);
  if (v.hiddenKinds.size > 0) p.set('hide', [...v.hiddenKinds].sort().join(','));
  if (v.findingsOnly) p.set('findings', '1');
  if (v.verdict !== null) p.set('verdict', v.verdict);
  if (v.focus !== null) p.set('focus', v.focus);
  if (v.selection !== null) p.set('sel', v.selection);
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}

export function queryToView(query: string): UrlView {
  const p = new URLSearchParams(query);
  const hide = (p.get('hide') ?? '').split(',').filter((k): k is NodeKind => KINDS.has(k));
  return {
    namespace: p.get('ns') || null,
    search: p.get('q') ?? '',
    hiddenKinds: new Set(hide),
    findingsOnly: p.get('findings') === '1',
    verdict: VERDICTS.has(p.get('verdict') ?? '') ? (p.get('verdict') as VerdictFilter) : null,
    focus: p.get('focus') || null,
    selection: p.get('sel') || null,
  };
}

/**
 * Whether going from one view to the next deserves its own history entry.
 * Typing a search replaces the entry; selecting, focusing and filtering push.
 */
export function isNavigation(a: UrlView, b: UrlView): boolean {
  return (
    a.namespace !== b.namespace ||
    a.focus !== b.focus ||
    a.selection !== b.selection ||
    a.findingsOnly !== b.findingsOnly ||
    a.verdict !== b.verdict ||
    a.hiddenKinds !== b.hiddenKinds
  );
}
