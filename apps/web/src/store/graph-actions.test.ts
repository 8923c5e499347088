import { beforeEach, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  type GraphDelta,
  type SnapshotMessage,
  type SourceStatus,
} from '@portolan/topology';
import { edge, pod, serviceWithPods, tcp } from '../test-support/graph-builders.js';
import { HIGHLIGHT_MS, applyDelta, applySnapshot, expireHighlights } from './graph-actions.js';
import { getState, resetStore } from './store.js';

const status: SourceStatus = {
  context: 'sim',
  cluster: 'https://127.0.0.1:6443',
  simulated: true,
  kinds: [],
};

function snapshot(revision = 5): SnapshotMessage {
  const graph = { ...serviceWithPods('default', 'web', ['web-a']), revision };
  return { v: PROTOCOL_VERSION, type: 'snapshot', graph, status };
}

function delta(fromRevision: number, patch: Partial<GraphDelta> = {}): GraphDelta {
  return {
    fromRevision,
    revision: fromRevision + 1,
    upsertNodes: [],
    removeNodes: [],
    upsertEdges: [],
    removeEdges: [],
    upsertFindings: [],
    removeFindings: [],
    ...patch,
  };
}

describe('graph actions', () => {
  beforeEach(() => resetStore());

  it('applies a snapshot: maps by id, revision, live, source', () => {
    applySnapshot(snapshot());
    const s = getState();
    expect(s.revision).toBe(5);
    expect([...s.nodes.keys()].sort()).toEqual(['pod:default/web-a', 'svc:default/web']);
    expect(s.edges.size).toBe(1);
    expect(s.connection).toEqual({ phase: 'live', attempt: 0 });
    expect(s.source?.context).toBe('sim');
    expect(s.highlights.size).toBe(0);
  });

  it('applies a consecutive delta into new maps and highlights added nodes', () => {
    applySnapshot(snapshot());
    const before = getState();
    const p = pod('default', 'web-b');
    const result = applyDelta(
      delta(5, {
        upsertNodes: [p],
        upsertEdges: [edge('endpoint', 'svc:default/web', p.id, [tcp(80, 8080)], 'not-ready')],
        removeNodes: ['pod:default/web-a'],
        removeEdges: ['svc:default/web->pod:default/web-a'],
      }),
      1000,
    );
    const after = getState();
    expect(result).toBe('applied');
    expect(after.revision).toBe(6);
    expect(after.nodes).not.toBe(before.nodes);
    expect(before.nodes.has('pod:default/web-a')).toBe(true); // old map untouched
    expect(after.nodes.has('pod:default/web-a')).toBe(false);
    expect(after.edges.get('svc:default/web->pod:default/web-b')?.state).toBe('not-ready');
    expect(after.highlights.get(p.id)).toBe(1000);
  });

  it('does not highlight a node that is only updated', () => {
    applySnapshot(snapshot());
    applyDelta(delta(5, { upsertNodes: [pod('default', 'web-a', { ready: false })] }), 1000);
    expect(getState().highlights.size).toBe(0);
  });

  it('reports a revision gap, marks the store stale and changes nothing else', () => {
    applySnapshot(snapshot());
    const nodes = getState().nodes;
    expect(applyDelta(delta(7, { upsertNodes: [pod('default', 'x')] }))).toBe('gap');
    expect(getState().stale).toBe(true);
    expect(getState().nodes).toBe(nodes);
    expect(getState().revision).toBe(5);
    applySnapshot(snapshot(9));
    expect(getState().stale).toBe(false);
  });

  it('treats a delta before any snapshot as a gap', () => {
    expect(applyDelta(delta(0))).toBe('gap');
  });

  it('highlights what a later snapshot brings that the previous one did not', () => {
    applySnapshot(snapshot());
    const next = snapshot(20);
    next.graph.nodes.push(pod('default', 'web-z'));
    applySnapshot(next, 500);
    expect([...getState().highlights.keys()]).toEqual(['pod:default/web-z']);
  });

  it('expires highlights', () => {
    applySnapshot(snapshot());
    applyDelta(delta(5, { upsertNodes: [pod('default', 'web-b')] }), 1000);
    expireHighlights(1000 + HIGHLIGHT_MS - 1);
    expect(getState().highlights.size).toBe(1);
    expireHighlights(1000 + HIGHLIGHT_MS);
    expect(getState().highlights.size).toBe(0);
  });
});
