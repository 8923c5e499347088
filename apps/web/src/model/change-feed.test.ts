import { describe, expect, it } from 'vitest';
import type { GraphDelta, GraphNode, NodeId } from '@portolan/topology';
import { pod, svc } from '../test-support/graph-builders.js';
import { appendChanges, describeDelta } from './change-feed.js';

const delta = (patch: Partial<GraphDelta>): GraphDelta => ({
  fromRevision: 1,
  revision: 2,
  upsertNodes: [],
  removeNodes: [],
  upsertEdges: [],
  removeEdges: [],
  upsertFindings: [],
  removeFindings: [],
  ...patch,
});

const before = new Map<NodeId, GraphNode>([
  [
    'svc:shop/frontend',
    svc('shop', 'frontend', { endpointCounts: { ready: 3, notReady: 0, terminating: 0 } }),
  ],
  ['pod:shop/frontend-1', pod('shop', 'frontend-1')],
]);

describe('describeDelta', () => {
  it('says a Service scaled', () => {
    const d = delta({
      upsertNodes: [
        svc('shop', 'frontend', { endpointCounts: { ready: 4, notReady: 1, terminating: 0 } }),
      ],
    });
    expect(describeDelta(before, d, 0).map((e) => e.text)).toEqual(['shop/frontend scaled 3 -> 5']);
  });

  it('says pods came, changed readiness and left', () => {
    const d = delta({
      upsertNodes: [
        pod('shop', 'frontend-1', { terminating: true }),
        pod('shop', 'frontend-9', { ready: null, phase: 'Pending' }),
      ],
      removeNodes: ['pod:shop/frontend-1'],
    });
    expect(describeDelta(before, d, 0).map((e) => e.text)).toEqual([
      'pod shop/frontend-1 terminating',
      'pod shop/frontend-9 added (pending)',
      'pod shop/frontend-1 removed',
    ]);
  });

  it('keeps the newest first, up to a limit', () => {
    const a = describeDelta(before, delta({ upsertNodes: [pod('shop', 'a')] }), 0);
    const b = describeDelta(before, delta({ upsertNodes: [pod('shop', 'b')] }), 1);
    const feed = appendChanges(appendChanges([], a), b, 1);
    expect(feed.map((e) => e.text)).toEqual(['pod shop/b added (ready)']);
  });
});
