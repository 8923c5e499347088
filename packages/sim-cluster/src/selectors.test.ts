import { describe, expect, it } from 'vitest';
import { R } from './resources.js';
import { fieldSelector, labelSelector, matchesMap } from './selectors.js';

const labels = { app: 'web', tier: 'front', env: 'prod' };

describe('label selectors (apimachinery semantics)', () => {
  it.each([
    ['equality matches the value', 'app=web', labels, true],
    ['== is equality too', 'app==web', labels, true],
    ['equality on another value fails', 'app=db', labels, false],
    ['requirements are ANDed', 'app=web,tier=back', labels, false],
    ['!= matches a different value', 'app!=db', labels, true],
    ['!= matches when the key is missing', 'zone!=a', labels, true],
    ['in matches a listed value', 'env in (prod, staging)', labels, true],
    ['in fails on a missing key', 'zone in (a)', labels, false],
    ['notin fails on a listed value', 'env notin (prod)', labels, false],
    ['notin matches when the key is missing', 'zone notin (a,b)', labels, true],
    ['bare key tests presence', 'tier', labels, true],
    ['bare key fails when absent', 'zone', labels, false],
    ['!key matches when absent', '!zone', labels, true],
    ['!key fails when present', '!app', labels, false],
    ['mixed set-based and equality', 'app=web,env in (prod),!zone', labels, true],
    ['empty selector matches everything', '', {}, true],
    ['prefixed keys work', 'app.kubernetes.io/name=x', { 'app.kubernetes.io/name': 'x' }, true],
  ])('%s: %s', (_rule, selector, l, expected) => {
    expect(labelSelector(selector)(l)).toBe(expected);
  });

  it.each(['app=', 'a b', 'app in ()', 'app in (a', ',app', 'app=web,', 'app=x=y'])(
    'rejects or handles malformed input %j consistently',
    (selector) => {
      // `app=` is valid (empty value); the others are syntax errors answered with 400.
      if (selector === 'app=') {
        expect(labelSelector(selector)({ app: '' })).toBe(true);
        return;
      }
      expect(() => labelSelector(selector)).toThrow(/unable to parse requirement/);
    },
  );

  it('service selectors need every pair (AND); extra pod labels do not matter', () => {
    expect(matchesMap({ app: 'web', tier: 'front' }, labels)).toBe(true);
    expect(matchesMap({ app: 'web', tier: 'back' }, labels)).toBe(false);
    expect(matchesMap({ app: 'web' }, undefined)).toBe(false);
  });
});

describe('field selectors', () => {
  const pod = {
    metadata: { name: 'a', namespace: 'ns1' },
    spec: { nodeName: 'n1' },
    status: { phase: 'Running' },
  };

  it('match metadata.name, metadata.namespace and spec.nodeName', () => {
    expect(fieldSelector('metadata.name=a', R.pods)(pod)).toBe(true);
    expect(fieldSelector('metadata.namespace!=ns1', R.pods)(pod)).toBe(false);
    expect(fieldSelector('spec.nodeName=n1,status.phase==Running', R.pods)(pod)).toBe(true);
    expect(fieldSelector('spec.nodeName=', R.pods)({ metadata: { name: 'b' } })).toBe(true);
  });

  it('rejects fields the kind does not support, as the API server does', () => {
    expect(() => fieldSelector('spec.nodeName=n1', R.services)).toThrow(
      /field label not supported: spec.nodeName/,
    );
    expect(() => fieldSelector('nonsense', R.pods)).toThrow(/invalid selector/);
  });
});
