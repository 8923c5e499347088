/**
 * The stream client: one EventSource on /api/stream, writing into the store
 * outside React. Contract (packages/topology/src/protocol.ts): a snapshot
 * first, then deltas with consecutive revisions, and status messages; the
 * SSE event name is the message type and the data is one JSON message.
 *
 * Reconnection: the browser retries a dropped EventSource by itself (sending
 * Last-Event-ID, so the server may resume with the missed deltas instead of
 * a snapshot); when it gives up (readyState CLOSED, e.g. the server answered
 * 502) we retry with backoff. A revision gap or a message we cannot use closes the stream and
 * opens a new one, which starts with a fresh snapshot. The UI reads the
 * connection phase from the store: connecting, live (a message arrived),
 * reconnecting (with the attempt count) or error.
 */
import { PROTOCOL_VERSION, STREAM_PATH, type StreamMessage } from '@portolan/topology';
import {
  applyDelta,
  applySnapshot,
  markLive,
  noteProtocolError,
  setConnection,
  setStatus,
} from '../store/graph-actions.js';
import { getState } from '../store/store.js';
import { backoffMs } from './backoff.js';

/** The part of EventSource we use, so tests can pass a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void;
  close(): void;
}

export interface StreamClientOptions {
  url?: string;
  createEventSource?: (url: string) => EventSourceLike;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface StreamClient {
  /** Drop the current stream and open a new one (fresh snapshot). */
  reconnect(reason: string): void;
  stop(): void;
}

const CLOSED = 2;
const MESSAGE_TYPES = ['snapshot', 'delta', 'status'] as const;

export function startStreamClient(options: StreamClientOptions = {}): StreamClient {
  const url = options.url ?? STREAM_PATH;
  const createEventSource =
    options.createEventSource ?? ((u: string) => new EventSource(u) as EventSourceLike);
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer =
    options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));

  let source: EventSourceLike | null = null;
  let timer: unknown = null;
  let stopped = false;

  const nextAttempt = (): number => getState().connection.attempt + 1;

  function connect(): void {
    timer = null;
    if (stopped) return;
    const es = createEventSource(url);
    source = es;
    for (const type of MESSAGE_TYPES) {
      es.addEventListener(type, (ev) => {
        if (source === es) handle(ev.data);
      });
    }
    es.addEventListener('message', (ev) => {
      if (source === es) handle(ev.data);
    });
    es.addEventListener('error', () => {
      if (source !== es) return;
      const attempt = nextAttempt();
      setConnection({ phase: 'reconnecting', attempt });
      if (es.readyState === CLOSED) retryLater(attempt);
    });
  }

  function close(): void {
    source?.close();
    source = null;
    if (timer !== null) clearTimer(timer);
    timer = null;
  }

  function retryLater(attempt: number): void {
    close();
    timer = setTimer(connect, backoffMs(attempt));
  }

  function handle(data: string): void {
    let msg: StreamMessage;
    try {
      msg = JSON.parse(data) as StreamMessage;
    } catch (err) {
      fail(`unparseable message (${String(err)})`);
      return;
    }
    if (msg.v !== PROTOCOL_VERSION) {
      fail(`protocol version ${String(msg.v)} is not ${PROTOCOL_VERSION}; reload the page`);
      return;
    }
    switch (msg.type) {
      case 'snapshot':
        applySnapshot(msg);
        return;
      case 'delta':
        if (applyDelta(msg.delta) === 'gap') client.reconnect('revision gap');
        else markLive();
        return;
      case 'status':
        setStatus(msg.status);
        markLive();
        return;
      default:
        fail(`unknown message type ${JSON.stringify((msg as { type?: unknown }).type)}`);
    }
  }

  /** Count and surface the problem, then resync after a pause (not in a tight loop). */
  function fail(message: string): void {
    noteProtocolError(message);
    retryLater(getState().connection.attempt);
  }

  const client: StreamClient = {
    reconnect(_reason: string) {
      if (stopped) return;
      close();
      setConnection({ phase: 'reconnecting', attempt: nextAttempt() });
      connect();
    },
    stop() {
      stopped = true;
      close();
    },
  };

  setConnection({ phase: 'connecting', attempt: 0 });
  connect();
  return client;
}
