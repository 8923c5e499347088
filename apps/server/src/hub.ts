/**
 * The hub: watch events in, graph deltas out. Events are batched for a few
 * milliseconds into one engine call, so a relist of 10,000 objects is one
 * delta, and each delta is serialised once for every connected browser.
 * A ring of recent deltas lets a browser that reconnects with Last-Event-ID
 * catch up without a full snapshot.
 */
import type {
  Finding,
  GraphDelta,
  ObjectEvent,
  SourceStatus,
  StreamMessage,
} from '@portolan/topology';
import { PROTOCOL_VERSION, TopologyEngine } from '@portolan/topology';

export interface StreamClient {
  /** Write one SSE frame; false when the client should be dropped (closed or too far behind). */
  write(frame: string): boolean;
  close(): void;
}

const RING_SIZE = 512;
const BATCH_MS = 25;

export function sseFrame(msg: StreamMessage, id?: string): string {
  return `event: ${msg.type}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(msg)}\n\n`;
}

/**
 * SSE ids are `<boot>-<revision>`: revisions restart when the server does, so a
 * browser resuming with the id of another boot must get a snapshot, not
 * deltas from a different history.
 */
export function parseEventId(id: string | undefined, boot: string): number | undefined {
  const m = id ? /^([a-z0-9]+)-(\d+)$/.exec(id) : null;
  return m && m[1] === boot ? Number(m[2]) : undefined;
}

export class Hub {
  readonly engine = new TopologyEngine();
  private queue: ObjectEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private statusTimer: NodeJS.Timeout | undefined;
  private readonly ring: GraphDelta[] = [];
  private readonly clients = new Set<StreamClient>();
  eventsIn = 0;
  /** Identifies this server process in SSE ids. */
  readonly boot = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

  constructor(private readonly getStatus: () => SourceStatus) {}

  push(e: ObjectEvent): void {
    this.eventsIn++;
    this.queue.push(e);
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  /** Apply queued events now; returns the delta (empty when nothing drawn changed). */
  flush(): GraphDelta | undefined {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return undefined;
    const events = this.queue;
    this.queue = [];
    const delta = this.engine.applyBatch(events);
    if (delta.revision === delta.fromRevision) return delta;
    this.ring.push(delta);
    if (this.ring.length > RING_SIZE) this.ring.shift();
    this.broadcast(
      sseFrame({ v: PROTOCOL_VERSION, type: 'delta', delta }, this.id(delta.revision)),
    );
    return delta;
  }

  /** Findings from outside the cluster's objects (e.g. rejected manifests), broadcast as a delta. */
  putFindings(source: string, findings: readonly Finding[]): void {
    this.flush();
    const delta = this.engine.putFindings(source, findings);
    if (delta.revision === delta.fromRevision) return;
    this.ring.push(delta);
    if (this.ring.length > RING_SIZE) this.ring.shift();
    this.broadcast(
      sseFrame({ v: PROTOCOL_VERSION, type: 'delta', delta }, this.id(delta.revision)),
    );
  }

  /** Status changes are coalesced: at most one status message per 200 ms. */
  statusChanged(): void {
    this.statusTimer ??= setTimeout(() => {
      this.statusTimer = undefined;
      this.broadcast(sseFrame({ v: PROTOCOL_VERSION, type: 'status', status: this.getStatus() }));
    }, 200);
  }

  /**
   * Attach a browser. With a known `lastRevision` still in the ring, it gets
   * the missed deltas; otherwise a snapshot.
   */
  private id(revision: number): string {
    return `${this.boot}-${revision}`;
  }

  attach(client: StreamClient, lastEventId?: string): () => void {
    const lastRevision = parseEventId(lastEventId, this.boot);
    this.flush();
    const rev = this.engine.revision;
    const first = this.ring[0];
    if (
      lastRevision !== undefined &&
      lastRevision <= rev &&
      first &&
      lastRevision >= first.fromRevision
    ) {
      client.write(sseFrame({ v: PROTOCOL_VERSION, type: 'status', status: this.getStatus() }));
      for (const d of this.ring) {
        if (d.fromRevision >= lastRevision)
          client.write(
            sseFrame({ v: PROTOCOL_VERSION, type: 'delta', delta: d }, this.id(d.revision)),
          );
      }
    } else {
      client.write(
        sseFrame(
          {
            v: PROTOCOL_VERSION,
            type: 'snapshot',
            graph: this.engine.graph(),
            status: this.getStatus(),
          },
          this.id(rev),
        ),
      );
    }
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  get clientCount(): number {
    return this.clients.size;
  }

  heartbeat(): void {
    this.broadcast(': keep-alive\n\n');
  }

  close(): void {
    clearTimeout(this.timer);
    clearTimeout(this.statusTimer);
    for (const c of this.clients) c.close();
    this.clients.clear();
  }

  private broadcast(frame: string): void {
    for (const c of this.clients) {
      if (!c.write(frame)) {
        this.clients.delete(c);
        c.close();
      }
    }
  }
}
