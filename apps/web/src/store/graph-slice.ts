/** What the server told us: the graph, its revision, the stream and source state. */
import type { ChangeEvent } from '../model/change-feed.js';
import type { XY } from './layout-slice.js';
import type {
  EdgeId,
  Finding,
  GraphEdge,
  GraphNode,
  NodeId,
  SourceStatus,
} from '@portolan/topology';

/** connecting: first connection; live: a snapshot arrived on this connection; reconnecting: stream lost, retrying; error: the server sent something we cannot use. */
export type ConnectionPhase = 'connecting' | 'live' | 'reconnecting' | 'error';

export interface Connection {
  phase: ConnectionPhase;
  /** Reconnection attempts since the stream was last live. */
  attempt: number;
  message?: string;
}

export interface GraphSlice {
  nodes: ReadonlyMap<NodeId, GraphNode>;
  edges: ReadonlyMap<EdgeId, GraphEdge>;
  findings: ReadonlyMap<string, Finding>;
  /** Revision of the last applied snapshot or delta; -1 before the first snapshot. */
  revision: number;
  /** Snapshots applied since the page loaded (the first one fits the view). */
  snapshotCount: number;
  /** A delta did not follow our revision: what we show may be out of date until the next snapshot. */
  stale: boolean;
  connection: Connection;
  source: SourceStatus | null;
  /** Nodes that appeared after the first snapshot, with the time they appeared (for a brief highlight). */
  highlights: ReadonlyMap<NodeId, number>;
  /** Messages we could not parse or apply; surfaced, never swallowed. */
  protocolErrors: number;
  /** News from deltas, newest first (model/change-feed.ts). */
  changes: readonly ChangeEvent[];
  /** Nodes just removed, kept for a moment where they were so they can fade out. */
  leaving: ReadonlyMap<NodeId, Leaving>;
}

export interface Leaving {
  node: GraphNode;
  position: XY;
  at: number;
}

export function createGraphSlice(): GraphSlice {
  return {
    nodes: new Map(),
    edges: new Map(),
    findings: new Map(),
    revision: -1,
    snapshotCount: 0,
    stale: false,
    connection: { phase: 'connecting', attempt: 0 },
    source: null,
    highlights: new Map(),
    protocolErrors: 0,
    changes: [],
    leaving: new Map(),
  };
}
