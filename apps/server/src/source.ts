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

export class ClusterSource {
  readonly hub: Hub;
  readonly informers: KindInformer[];

  constructor(
    readonly config: ResolvedKubeconfig,
    readonly simulated: boolean,
    log: Logger,
    options: { kinds?: readonly WatchedKind[]; stallMs?: number; backoff?: typeof BACKOFF } = {},
  ) {
    this.hub = new Hub(() => this.status());
    const hooks = {
      event: (e: Parameters<Hub['push']>[0]) => this.hub.push(e),
      status: () => this.hub.statusChanged(),
      log: (level: 'info' | 'warn' | 'error', msg: string) => log[level](msg),
    };
    const cluster = { server: config.server, context: config.context };
    this.informers = (options.kinds ?? WATCHED_KINDS).map(
      (k) =>
        new KindInformer(config.kc, k, hooks, cluster, {
          stallMs: options.stallMs,
          backoff: options.backoff,
        }),
    );
  }

  start(): void {
    for (const i of this.informers) i.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.informers.map((i) => i.stop()));
    this.hub.close();
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
