/**
 * Writing what the server says into the store. A delta applies only on top
 * of the revision it was computed from; anything else is a gap, the store is
 * marked stale, and the caller (the stream client) reconnects for a fresh
 * snapshot.
 */
import type {
  GraphDelta,
  GraphNode,
  NodeId,
  SnapshotMessage,
  SourceStatus,
} from '@portolan/topology';
import { appendChanges, describeDelta } from '../model/change-feed.js';
import type { Connection, Leaving } from './graph-slice.js';
import { getState, setState } from './store.js';

/** How long a newly added node stays highlighted. */
export const HIGHLIGHT_MS = 2500;
/** How long a removed node stays on the canvas, fading. */
export const LEAVE_MS = 1500;

export type DeltaResult = 'applied' | 'gap';

export function applySnapshot(msg: SnapshotMessage, now: number = Date.now()): void {
  const { graph, status } = msg;
  const prev = getState();
  const nodes = new Map<NodeId, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  // After a reconnect, what is new since the last picture is news too.
  const highlights = new Map<NodeId, number>();
  if (prev.snapshotCount > 0) {
    for (const id of nodes.keys()) {
      const since = prev.highlights.get(id);
      if (since !== undefined) highlights.set(id, since);
      else if (!prev.nodes.has(id)) highlights.set(id, now);
    }
  }
  setState({
    nodes,
    edges: new Map(graph.edges.map((e) => [e.id, e])),
    findings: new Map(graph.findings.map((f) => [f.id, f])),
    revision: graph.revision,
    snapshotCount: prev.snapshotCount + 1,
    stale: false,
    connection: { phase: 'live', attempt: 0 },
    source: status,
    highlights: pruneHighlights(highlights, now),
  });
  scheduleHighlightExpiry(highlights);
}

export function applyDelta(delta: GraphDelta, now: number = Date.now()): DeltaResult {
  const prev = getState();
  if (prev.revision < 0 || delta.fromRevision !== prev.revision) {
    setState({ stale: true });
    return 'gap';
  }
  const nodes = new Map(prev.nodes);
  const edges = new Map(prev.edges);
  const findings = new Map(prev.findings);
  const highlights = new Map(prev.highlights);
  const leaving = new Map<NodeId, Leaving>();
  for (const [id, l] of prev.leaving) if (now - l.at < LEAVE_MS) leaving.set(id, l);
  for (const id of delta.removeNodes) {
    const gone = nodes.get(id);
    const position = prev.positions.get(id);
    if (gone && position) leaving.set(id, { node: gone, position, at: now });
    nodes.delete(id);
    highlights.delete(id);
  }
  for (const id of delta.removeEdges) edges.delete(id);
  for (const id of delta.removeFindings) findings.delete(id);
  for (const n of delta.upsertNodes) {
    if (!nodes.has(n.id)) highlights.set(n.id, now);
    nodes.set(n.id, n);
    leaving.delete(n.id);
  }
  for (const e of delta.upsertEdges) edges.set(e.id, e);
  for (const f of delta.upsertFindings) findings.set(f.id, f);
  setState({
    nodes,
    edges,
    findings,
    revision: delta.revision,
    highlights: pruneHighlights(highlights, now),
    changes: appendChanges(prev.changes, describeDelta(prev.nodes, delta, now)),
    leaving,
  });
  scheduleHighlightExpiry(highlights);
  if (leaving.size > 0) scheduleLeavingExpiry();
  return 'applied';
}

export function setStatus(status: SourceStatus): void {
  setState({ source: status });
}

/**
 * The stream delivers again. A snapshot says so by itself; a browser that
 * resumed with Last-Event-ID gets status and the missed deltas instead.
 */
export function markLive(): void {
  if (getState().connection.phase !== 'live')
    setState({ connection: { phase: 'live', attempt: 0 } });
}

export function setConnection(connection: Connection): void {
  setState({ connection });
}

/** A message we could not use: counted, logged and shown; the caller resyncs. */
export function noteProtocolError(message: string): void {
  console.error(`portolan stream: ${message}`);
  setState((s) => ({
    protocolErrors: s.protocolErrors + 1,
    connection: { phase: 'error', attempt: s.connection.attempt + 1, message },
  }));
}

export function expireHighlights(now: number = Date.now()): void {
  const { highlights } = getState();
  const pruned = pruneHighlights(highlights, now);
  if (pruned.size !== highlights.size) setState({ highlights: pruned });
}

function pruneHighlights(h: ReadonlyMap<NodeId, number>, now: number): ReadonlyMap<NodeId, number> {
  const out = new Map<NodeId, number>();
  for (const [id, t] of h) if (now - t < HIGHLIGHT_MS) out.set(id, t);
  return out;
}

let leavingTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleLeavingExpiry(): void {
  if (leavingTimer !== undefined) return;
  leavingTimer = setTimeout(() => {
    leavingTimer = undefined;
    const now = Date.now();
    const { leaving } = getState();
    const kept = new Map([...leaving].filter(([, l]) => now - l.at < LEAVE_MS));
    if (kept.size !== leaving.size) setState({ leaving: kept });
    if (kept.size > 0) scheduleLeavingExpiry();
  }, LEAVE_MS);
}

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleHighlightExpiry(h: ReadonlyMap<NodeId, number>): void {
  if (h.size === 0 || expiryTimer !== undefined) return;
  expiryTimer = setTimeout(() => {
    expiryTimer = undefined;
    expireHighlights();
    scheduleHighlightExpiry(getState().highlights);
  }, HIGHLIGHT_MS);
}
