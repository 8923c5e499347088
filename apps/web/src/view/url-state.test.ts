import { describe, expect, it } from 'vitest';
import { isNavigation, queryToView, viewToQuery } from './url-state.js';
import type { UrlView } from '../store/view-actions.js';

const empty: UrlView = {
  selection: null,
  namespace: null,
  search: '',
  focus: null,
  hiddenKinds: new Set(),
  findingsOnly: false,
  verdict: null,
};

describe('url state', () => {
  it('is empty for the default view', () => {
    expect(viewToQuery(empty)).toBe('');
    expect(queryToView('')).toEqual(empty);
  });

  it('round-trips every part of the view', () => {
    const v: UrlView = {
      selection: 'pod:shop/frontend-1',
      namespace: 'shop',
      search: 'app=frontend 8080',
      focus: 'svc:shop/frontend',
      hiddenKinds: new Set(['address', 'pod']),
      findingsOnly: true,
      verdict: 'denied',
    };
    const q = viewToQuery(v);
    expect(q).toContain('ns=shop');
    expect(q).toContain('verdict=denied');
    expect(queryToView(q)).toEqual(v);
  });

  it('ignores unknown kinds, verdicts and parameters', () => {
    expect(queryToView('?hide=pod,bogus&x=1').hiddenKinds).toEqual(new Set(['pod']));
    expect(queryToView('?verdict=maybe').verdict).toBeNull();
  });

  it('pushes history for navigation, replaces while typing', () => {
    expect(isNavigation(empty, { ...empty, search: 'a' })).toBe(false);
    expect(isNavigation(empty, { ...empty, selection: 'x' })).toBe(true);
    expect(isNavigation(empty, { ...empty, focus: 'x' })).toBe(true);
    expect(isNavigation(empty, { ...empty, verdict: 'isolated' })).toBe(true);
  });
});
