/** Colours of edge states (the arrowheads need them; strokes and dashes are in canvas.css). */
import type { EdgeState } from '@portolan/topology';

export const EDGE_COLOR: Readonly<Record<EdgeState, string>> = {
  route: '#2f5d8a',
  ready: '#2f6b3a',
  'not-ready': '#8a8f98',
  terminating: '#c26a00',
  dropped: '#c0262d',
  unknown: '#8a8f98',
};

/** An edge whose traffic NetworkPolicies deny: red, dash-dot (canvas.css), with a ⊘ chip. */
export const POLICY_DENIED_COLOR = '#c0262d';
