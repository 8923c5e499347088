/**
 * Keeps the URL and the view in step, outside React: store changes write the
 * URL (push for navigation, replace while typing), popstate writes the store.
 */
import { applyUrlView, type UrlView } from '../store/view-actions.js';
import { useAppStore } from '../store/store.js';
import type { AppState } from '../store/store.js';
import { isNavigation, queryToView, viewToQuery } from './url-state.js';

const pick = (s: AppState): UrlView => ({
  selection: s.selection,
  namespace: s.namespace,
  search: s.search,
  focus: s.focus,
  hiddenKinds: s.hiddenKinds,
  findingsOnly: s.findingsOnly,
  verdict: s.verdict,
});

export function startUrlSync(win: Window = window): () => void {
  let applying = false;
  const fromUrl = (): void => {
    applying = true;
    applyUrlView(queryToView(win.location.search));
    applying = false;
  };
  fromUrl();
  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (applying) return;
    const next = pick(s);
    const before = pick(prev);
    const query = viewToQuery(next);
    if (query === win.location.search || (query === '' && win.location.search === '')) return;
    const url = `${win.location.pathname}${query}${win.location.hash}`;
    if (isNavigation(before, next)) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  });
  win.addEventListener('popstate', fromUrl);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', fromUrl);
  };
}
