import { beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type StreamMessage } from '@portolan/topology';
import { pod, serviceWithPods } from '../test-support/graph-builders.js';
import { getState, resetStore } from '../store/store.js';
import { startStreamClient, type EventSourceLike } from './stream-client.js';

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private listeners = new Map<string, ((ev: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, fn: (ev: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data = ''): void {
    for (const fn of this.listeners.get(type) ?? []) fn({ data } as MessageEvent<string>);
  }
  send(msg: StreamMessage): void {
    this.readyState = 1;
    this.emit(msg.type, JSON.stringify(msg));
  }
}

function harness() {
  const sources: FakeEventSource[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const client = startStreamClient({
    url: '/api/stream',
    createEventSource: (url) => {
      const es = new FakeEventSource(url);
      sources.push(es);
      return es;
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => undefined,
  });
  const last = (): FakeEventSource => {
    const es = sources.at(-1);
    if (!es) throw new Error('no event source');
    return es;
  };
  return { client, sources, timers, last };
}

const status = { context: 'sim', cluster: 'https://127.0.0.1:1', simulated: true, kinds: [] };
const snapshotMsg = (revision: number): StreamMessage => ({
  v: PROTOCOL_VERSION,
  type: 'snapshot',
  graph: { ...serviceWithPods('default', 'web', ['web-a']), revision },
  status,
});
const deltaMsg = (from: number): StreamMessage => ({
  v: PROTOCOL_VERSION,
  type: 'delta',
  delta: {
    fromRevision: from,
    revision: from + 1,
    upsertNodes: [pod('default', `web-${from}`)],
    removeNodes: [],
    upsertEdges: [],
    removeEdges: [],
    upsertFindings: [],
    removeFindings: [],
  },
});

describe('stream client', () => {
  beforeEach(() => resetStore());

  it('connects, goes live on the snapshot, applies deltas', () => {
    const { last } = harness();
    expect(getState().connection.phase).toBe('connecting');
    expect(last().url).toBe('/api/stream');
    last().send(snapshotMsg(3));
    expect(getState().connection.phase).toBe('live');
    last().send(deltaMsg(3));
    expect(getState().revision).toBe(4);
    expect(getState().nodes.has('pod:default/web-3')).toBe(true);
  });

  it('shows reconnecting with an attempt count while the browser retries, and clears on the next snapshot', () => {
    const { last, sources } = harness();
    last().send(snapshotMsg(3));
    last().readyState = 0; // browser retrying by itself
    last().emit('error');
    expect(getState().connection).toEqual({ phase: 'reconnecting', attempt: 1 });
    last().emit('error');
    expect(getState().connection).toEqual({ phase: 'reconnecting', attempt: 2 });
    expect(sources).toHaveLength(1); // no second EventSource: the browser retries
    last().send(snapshotMsg(10));
    expect(getState().connection).toEqual({ phase: 'live', attempt: 0 });
  });

  it('goes live again when a resumed stream sends status instead of a snapshot', () => {
    const { last } = harness();
    last().send(snapshotMsg(3));
    last().emit('error');
    last().send({ v: PROTOCOL_VERSION, type: 'status', status });
    expect(getState().connection.phase).toBe('live');
  });

  it('retries with backoff when the browser gives up (readyState CLOSED)', () => {
    const { last, sources, timers } = harness();
    last().readyState = 2;
    last().emit('error');
    expect(getState().connection).toEqual({ phase: 'reconnecting', attempt: 1 });
    expect(sources[0]?.closed).toBe(true);
    expect(timers).toHaveLength(1);
    expect(timers[0]?.ms).toBeGreaterThan(0);
    timers[0]?.fn();
    expect(sources).toHaveLength(2);
  });

  it('reconnects for a fresh snapshot on a revision gap', () => {
    const { last, sources } = harness();
    last().send(snapshotMsg(3));
    last().send(deltaMsg(7));
    expect(getState().stale).toBe(true);
    expect(sources[0]?.closed).toBe(true);
    expect(sources).toHaveLength(2);
    expect(getState().connection.phase).toBe('reconnecting');
    last().send(snapshotMsg(8));
    expect(getState().stale).toBe(false);
    expect(getState().revision).toBe(8);
  });

  it('counts and surfaces a message it cannot parse, then resyncs later', () => {
    const { last, timers, sources } = harness();
    last().emit('snapshot', '{not json');
    expect(getState().protocolErrors).toBe(1);
    expect(getState().connection.phase).toBe('error');
    expect(sources[0]?.closed).toBe(true);
    expect(timers).toHaveLength(1);
  });

  it('rejects another protocol version', () => {
    const { last } = harness();
    last().emit('snapshot', JSON.stringify({ ...snapshotMsg(1), v: 99 }));
    expect(getState().connection.message).toMatch(/protocol version 99/);
  });

  it('ignores events from a stream it already closed, and stops', () => {
    const { last, sources, client } = harness();
    const first = last();
    last().send(snapshotMsg(3));
    client.reconnect('test');
    first.send(deltaMsg(3));
    expect(getState().revision).toBe(3);
    client.stop();
    expect(sources.every((s) => s.closed)).toBe(true);
  });
});
