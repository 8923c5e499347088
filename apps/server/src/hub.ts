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
import { PROTOCOL_VERSION, ScopedView, TopologyEngine, scopeGraph } from '@portolan/topology';

export interface StreamClient {
  /** Write one SSE frame; false when the client should be dropped (closed or too far behind). */
  write(frame: string): boolean;
  close(): void;
  /** Namespaces a share link limits the client to (absent or null: everything). */
  scope?: readonly string[] | null;
  /** The share link the client came with, so revoking it closes the stream. */
  shareId?: string;
  /** Share viewers do not get the cluster's address or error texts in status messages. */
  redactStatus?: boolean;
}

interface ScopeGroup {
  view: ScopedView;
  clients: Set<StreamClient>;
}

/** What share viewers see of the status: states and counts, not the API server address or error texts. */
export function redactStatus(s: SourceStatus): SourceStatus {
  return {
    ...s,
    cluster: '(hidden from share links)',
    kinds: s.kinds.map(({ message: _m, ...k }) => k),
  };
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
  /** Clients that see everything; scoped ones are grouped by scope so each delta is filtered once per scope. */
  private readonly clients = new Set<StreamClient>();
  private readonly groups = new Map<string, ScopeGroup>();
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
    this.publish(delta);
    return delta;
  }

  /** Findings from outside the cluster's objects (e.g. rejected manifests), broadcast as a delta. */
  putFindings(source: string, findings: readonly Finding[]): void {
    this.flush();
    const delta = this.engine.putFindings(source, findings);
    if (delta.revision === delta.fromRevision) return;
    this.publish(delta);
  }

  /** Ring, then every client: the full delta once, and once filtered per scope (empty or not, so revisions stay consecutive). */
  private publish(delta: GraphDelta): void {
    this.ring.push(delta);
    if (this.ring.length > RING_SIZE) this.ring.shift();
    const id = this.id(delta.revision);
    this.send(this.clients, sseFrame({ v: PROTOCOL_VERSION, type: 'delta', delta }, id));
    for (const g of this.groups.values())
      this.send(
        g.clients,
        sseFrame({ v: PROTOCOL_VERSION, type: 'delta', delta: g.view.delta(delta) }, id),
      );
  }

  /** Status changes are coalesced: at most one status message per 200 ms. */
  statusChanged(): void {
    this.statusTimer ??= setTimeout(() => {
      this.statusTimer = undefined;
      const status = this.getStatus();
      const full = sseFrame({ v: PROTOCOL_VERSION, type: 'status', status });
      const redacted = sseFrame({
        v: PROTOCOL_VERSION,
        type: 'status',
        status: redactStatus(status),
      });
      for (const c of this.all()) this.write(c, c.redactStatus ? redacted : full);
    }, 200);
  }

  /**
   * Attach a browser. With a known `lastRevision` still in the ring, it gets
   * the missed deltas; otherwise a snapshot.
   */
  private id(revision: number): string {
    return `${this.boot}-${revision}`;
  }

  private statusFor(client: StreamClient): SourceStatus {
    const s = this.getStatus();
    return client.redactStatus ? redactStatus(s) : s;
  }

  attach(client: StreamClient, lastEventId?: string): () => void {
    if (client.scope) return this.attachScoped(client, client.scope);
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
      client.write(
        sseFrame({ v: PROTOCOL_VERSION, type: 'status', status: this.statusFor(client) }),
      );
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
            status: this.statusFor(client),
          },
          this.id(rev),
        ),
      );
    }
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  /**
   * A scoped client always starts from a scoped snapshot (a resume would need
   * the scope's view of every ring delta); its group's view then filters the
   * deltas that follow.
   */
  private attachScoped(client: StreamClient, scope: readonly string[]): () => void {
    this.flush();
    const key = [...scope].sort().join(',');
    let group = this.groups.get(key);
    let graph;
    if (group) graph = scopeGraph(this.engine.graph(), scope);
    else {
      group = { view: new ScopedView(scope), clients: new Set() };
      this.groups.set(key, group);
      graph = group.view.snapshot(this.engine.graph());
    }
    client.write(
      sseFrame(
        { v: PROTOCOL_VERSION, type: 'snapshot', graph, status: this.statusFor(client) },
        this.id(this.engine.revision),
      ),
    );
    group.clients.add(client);
    const g = group;
    return () => {
      g.clients.delete(client);
      if (g.clients.size === 0 && this.groups.get(key) === g) this.groups.delete(key);
    };
  }

  /** Close every stream `match` picks (e.g. those of a revoked share link) at once; returns how many. */
  closeWhere(match: (c: StreamClient) => boolean): number {
    let n = 0;
    for (const c of this.all()) {
      if (!match(c)) continue;
      this.remove(c);
      c.close();
      n++;
    }
    return n;
  }

  private *all(): Iterable<StreamClient> {
    yield* [...this.clients];
    for (const g of [...this.groups.values()]) yield* [...g.clients];
  }

  private remove(c: StreamClient): void {
    this.clients.delete(c);
    for (const [key, g] of this.groups) {
      if (g.clients.delete(c) && g.clients.size === 0) this.groups.delete(key);
    }
  }

  get clientCount(): number {
    let n = this.clients.size;
    for (const g of this.groups.values()) n += g.clients.size;
    return n;
  }

  heartbeat(): void {
    for (const c of this.all()) this.write(c, ': keep-alive\n\n');
  }

  close(): void {
    clearTimeout(this.timer);
    clearTimeout(this.statusTimer);
    for (const c of this.all()) c.close();
    this.clients.clear();
    this.groups.clear();
  }

  private send(clients: Set<StreamClient>, frame: string): void {
    for (const c of [...clients]) this.write(c, frame);
  }

  /** A client that cannot take the frame (closed, or too far behind) is dropped; it reconnects and resyncs. */
  private write(c: StreamClient, frame: string): void {
    if (!c.write(frame)) {
      this.remove(c);
      c.close();
    }
  }
}
