import { describe, expect, it } from 'vitest';
import type { EdgePolicy } from '@portolan/topology';
import { pod } from '../test-support/graph-builders.js';
import {
  isolationBadgeText,
  isolationTitle,
  policyChipName,
  policyChipText,
  policyDescription,
  policySelections,
  podsOfPolicy,
} from './policy-text.js';

const denied: EdgePolicy = {
  status: 'denied',
  sources: [
    {
      source: 'the ingress controller',
      status: 'denied',
      reason:
        'From pod ingress-nginx/c-1: Denied on TCP/8080. egress: no policy isolates pod ingress-nginx/c-1 for egress, so everything is allowed. ingress: pod shop/backend-1 is isolated by shop/backend-allow-frontend and no rule allows this traffic.',
      allowed: [],
      denied: ['8080/TCP'],
    },
  ],
};

describe('policy text', () => {
  it('puts a glyph and a word on every verdict chip', () => {
    expect(policyChipText(denied)).toBe('⊘ policy: denied');
    expect(policyChipText({ status: 'allowed', sources: [] })).toBe('✓ policy: allowed');
    expect(policyChipText({ status: 'partly-allowed', sources: [] })).toBe('◐ policy: partial');
    expect(policyChipName(denied, 'Service a/b to Pod a/b-1: 80 -> 8080/TCP')).toBe(
      'policy: denied on Service a/b to Pod a/b-1: 80 -> 8080/TCP',
    );
  });

  it('explains a verdict source by source, with ports and the policy that decided', () => {
    const text = policyDescription(denied);
    expect(text).toContain('NetworkPolicy verdict: denied.');
    expect(text).toContain('the ingress controller: denied (8080/TCP denied).');
    expect(text).toContain('isolated by shop/backend-allow-frontend and no rule allows');
  });

  it('badges isolated pods with the directions, and names the policies on hover', () => {
    const p = pod('shop', 'b-1', {
      isolation: { ingress: ['shop/deny-all', 'shop/b'], egress: [] },
    });
    expect(isolationBadgeText(p)).toBe('◈ isolated: ingress');
    expect(isolationTitle(p)).toBe(
      'NetworkPolicies: isolated for ingress by shop/deny-all, shop/b; not isolated for egress (all egress allowed).',
    );
    expect(isolationBadgeText(pod('shop', 'free'))).toBeUndefined();
  });

  it('lists each policy with the pods it selects, per direction', () => {
    const nodes = [
      pod('d', 'a', { isolation: { ingress: ['d/deny-all', 'd/a'], egress: ['d/deny-all'] } }),
      pod('d', 'b', { isolation: { ingress: ['d/deny-all'], egress: ['d/deny-all'] } }),
      pod('d', 'c'),
    ];
    const sel = policySelections(nodes);
    expect(sel.map((s) => s.policy)).toEqual(['d/a', 'd/deny-all']);
    expect(sel[1]?.ingress).toEqual(['pod:d/a', 'pod:d/b']);
    expect(podsOfPolicy(sel[0]!)).toEqual(['pod:d/a']);
  });
});
