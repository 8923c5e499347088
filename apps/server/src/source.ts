/**
 * The cluster source: one informer per watched kind feeding the hub, and the
 * status the UI shows (per-kind state, counts, what we are connected to).
 */
import type { SourceStatus, WatchedKind } from '@portolan/topology';
import { WATCHED_KINDS } from '@portolan/topology';
import { Hub } from './hub.js';
import type { BACKOFF } from './informers.js';
import { KindInformer } from './informers.js';
import type { ResolvedKubeconfig } from './kubeconfig.js';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface SourceOptions {
  kinds?: readonly WatchedKind[];
  stallMs?: number;
  backoff?: typeof BACKOFF;
  /** Full relist period (default RELIST_MS; 0: never). */
  relistMs?: number;
}

export class ClusterSource {
  /** Replaced when the context is switched: read it each time, do not keep it. */
  hub!: Hub;
  informers!: KindInformer[];
  private started = false;

  constructor(
    public config: ResolvedKubeconfig,
    readonly simulated: boolean,
    private readonly log: Logger,
    private readonly options: SourceOptions = {},
  ) {
    this.build();
  }

  private build(): void {
    this.hub = new Hub(() => this.status());
    const hooks = {
      event: (e: Parameters<Hub['push']>[0]) => this.hub.push(e),
      status: () => this.hub.statusChanged(),
      log: (level: 'info' | 'warn' | 'error', msg: string) => this.log[level](msg),
    };
    const cluster = { server: this.config.server, context: this.config.context };
    this.informers = (this.options.kinds ?? WATCHED_KINDS).map(
      (k) =>
        new KindInformer(this.config.kc, k, hooks, cluster, {
          stallMs: this.options.stallMs,
          backoff: this.options.backoff,
          relistMs: this.options.relistMs,
        }),
    );
  }

  start(): void {
    this.started = true;
    for (const i of this.informers) i.start();
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all(this.informers.map((i) => i.stop()));
    this.hub.close();
  }

  /**
   * Read another context from now on: the old informers stop, a new hub and
   * new informers start, and the old hub's streams end, so browsers reconnect
   * and get the new cluster's snapshot (their resume ids name the old hub).
   */
  async switchTo(config: ResolvedKubeconfig): Promise<void> {
    const old = this.hub;
    await Promise.all(this.informers.map((i) => i.stop()));
    this.config = config;
    this.build();
    if (this.started) this.start();
    old.close();
    this.log.info(`switched to context ${config.context} (${config.server})`);
  }

  /**
   * True once every informer has listed and is watching, or has been told it
   * may not (a forbidden kind is shown as such; it does not hold the rest up).
   */
  synced(): boolean {
    return this.informers.every(
      (i) => i.status.state === 'synced' || i.status.state === 'forbidden',
    );
  }

  /** One line per kind for the startup report: what the credentials can read. */
  readableReport(): string[] {
    return this.informers.map((i) =>
      i.status.state === 'synced'
        ? `  ${i.kind}: readable (${i.count})`
        : `  ${i.kind}: ${i.status.state}${i.status.message ? ` - ${i.status.message}` : ''}`,
    );
  }

  status(): SourceStatus {
    return {
      context: this.config.context,
      cluster: this.config.server,
      simulated: this.simulated,
      kinds: this.informers.map((i) => ({ ...i.status, count: i.count })),
    };
  }

  /** Counters for /api/status: nothing swallowed. */
  counters(): Record<
    string,
    { malformed: number; handlerErrors: number; restarts: number; lists: number; recreated: number }
  > {
    return Object.fromEntries(
      this.informers.map((i) => [
        i.kind,
        {
          malformed: i.malformed,
          handlerErrors: i.handlerErrors,
          restarts: i.restarts,
          lists: i.lists,
          recreated: i.recreated,
        },
      ]),
    );
  }
}
