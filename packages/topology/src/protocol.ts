/**
 * The wire protocol between server and browsers, defined once.
 *
 * The stream (Server-Sent Events, see docs/adr/0001-stream-transport.md)
 * sends one `snapshot` first, then `delta` messages whose revisions follow
 * each other without gaps, and `status` messages whenever the state of a
 * watched kind changes. A client that sees a revision gap reconnects and gets
 * a fresh snapshot. Every message carries the protocol version `v`.
 */
import type { Graph, GraphDelta } from './graph.js';
import type { WatchedKind } from './objects.js';

export const PROTOCOL_VERSION = 1;

/** syncing: first list not done; synced: listing+watching; reconnecting: watch lost, retrying; forbidden: RBAC denies list/watch; error: failing, see message. */
export type KindState = 'syncing' | 'synced' | 'reconnecting' | 'forbidden' | 'error';

export interface KindStatus {
  kind: WatchedKind;
  state: KindState;
  /** Objects currently held for this kind. */
  count: number;
  message?: string;
  /** ISO time of the last event or successful list. */
  lastEventAt?: string;
}

export interface SourceStatus {
  /** What the server is connected to: context and cluster server URL (never credentials). */
  context: string;
  cluster: string;
  simulated: boolean;
  kinds: KindStatus[];
}

export interface SnapshotMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'snapshot';
  graph: Graph;
  status: SourceStatus;
}

export interface DeltaMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'delta';
  delta: GraphDelta;
}

export interface StatusMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'status';
  status: SourceStatus;
}

export type StreamMessage = SnapshotMessage | DeltaMessage | StatusMessage;

/** SSE event name per message type; the data is the JSON message. */
export const STREAM_PATH = '/api/stream';
export const TOPOLOGY_PATH = '/api/topology';
