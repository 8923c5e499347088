/**
 * One informer per watched kind, built on @kubernetes/client-node's
 * ListWatch, with the restart loop owned here: client-node's informer stops
 * for good on most errors, so every error schedules a restart with jittered
 * exponential backoff (capped at 30 s, reset by a successful list or watch).
 *
 * The informer's cache holds slim projections only: the list function and
 * the watch wrapper project every object before client-node sees it, so no
 * typed client objects, managedFields or last-applied-configuration are held.
 * Malformed objects and handler exceptions are counted and surfaced, never
 * swallowed.
 */
import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { ListWatch } from '@kubernetes/client-node';
import type {
  KindState,
  KindStatus,
  ObjectEvent,
  SlimObject,
  WatchedKind,
} from '@portolan/topology';
import { SlimError, slim } from '@portolan/topology';
import { ApiStatusError, describeRequestError, getJson } from './kube-request.js';
import { DEFAULT_STALL_MS, SlimWatch } from './slim-watch.js';

export const KIND_PATHS: Readonly<Record<WatchedKind, string>> = {
  Namespace: '/api/v1/namespaces',
  Node: '/api/v1/nodes',
  Pod: '/api/v1/pods',
  Service: '/api/v1/services',
  EndpointSlice: '/apis/discovery.k8s.io/v1/endpointslices',
  Ingress: '/apis/networking.k8s.io/v1/ingresses',
  IngressClass: '/apis/networking.k8s.io/v1/ingressclasses',
  NetworkPolicy: '/apis/networking.k8s.io/v1/networkpolicies',
};

const PAGE_SIZE = 500;
export const BACKOFF = { initialMs: 500, maxMs: 30_000, forbiddenMs: 60_000 };
/**
 * A full relist this often, even when the watch looks healthy: a watch can
 * lose events without closing or going quiet (a proxy, an API server bug),
 * and only a list says what is really there. 0 turns it off.
 */
export const RELIST_MS = 10 * 60_000;

export interface InformerHooks {
  event(e: ObjectEvent): void;
  status(): void;
  log(level: 'info' | 'warn' | 'error', msg: string): void;
}

export class KindInformer {
  readonly status: KindStatus;
  malformed = 0;
  handlerErrors = 0;
  restarts = 0;
  /** Full lists done (the first one, then every relist after a 410 or an expired continue token). */
  lists = 0;
  /** Objects found deleted and created again under the same name (a new UID) by a relist. */
  recreated = 0;
  private readonly uids = new Map<string, string>();
  private attempts = 0;
  private readonly backoff: typeof BACKOFF;
  private timer: NodeJS.Timeout | undefined;
  private relistTimer: NodeJS.Timeout | undefined;
  private readonly relistMs: number;
  private stopped = false;
  private readonly lw: ListWatch<KubernetesObject>;

  constructor(
    private readonly kc: KubeConfig,
    readonly kind: WatchedKind,
    private readonly hooks: InformerHooks,
    private readonly cluster: { server: string; context: string },
    options: { stallMs?: number; backoff?: typeof BACKOFF; relistMs?: number } = {},
  ) {
    this.backoff = options.backoff ?? BACKOFF;
    this.relistMs = options.relistMs ?? RELIST_MS;
    this.status = { kind, state: 'syncing', count: 0 };
    this.lw = new ListWatch(
      KIND_PATHS[kind],
      new SlimWatch(kc, this, options.stallMs ?? DEFAULT_STALL_MS),
      () => this.list() as never,
      false,
    );
    const forward = (type: ObjectEvent['type']) => (obj: KubernetesObject) => {
      try {
        const object = obj as unknown as SlimObject;
        const key = `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
        const uid = object.metadata.uid;
        if (type === 'DELETED') this.uids.delete(key);
        else {
          const before = this.uids.get(key);
          if (uid) this.uids.set(key, uid);
          if (type === 'MODIFIED' && before && uid && before !== uid) {
            // Deleted and created again while we were not watching (a relist
            // shows it as an update): say so, as a deletion then an addition,
            // so nothing of the old object lingers.
            this.recreated++;
            this.hooks.event({ type: 'DELETED', object });
            this.hooks.event({ type: 'ADDED', object });
            this.status.lastEventAt = new Date().toISOString();
            return;
          }
        }
        this.hooks.event({ type, object });
        this.status.lastEventAt = new Date().toISOString();
      } catch (err) {
        this.handlerErrors++;
        this.hooks.log(
          'error',
          `${kind}: handling a ${type} event failed: ${(err as Error).stack ?? err}`,
        );
      }
    };
    this.lw.on('add', forward('ADDED'));
    this.lw.on('update', forward('MODIFIED'));
    this.lw.on('delete', forward('DELETED'));
    this.lw.on('error', (err: unknown) => this.failed(err));
  }

  start(): void {
    this.stopped = false;
    void this.lw.start();
    clearInterval(this.relistTimer);
    if (this.relistMs > 0) {
      this.relistTimer = setInterval(() => void this.relist(), this.relistMs);
      this.relistTimer.unref();
    }
  }

  /** The periodic relist: only from a healthy watch (a failing one relists on its own). */
  private async relist(): Promise<void> {
    if (this.stopped || this.status.state !== 'synced') return;
    await this.lw.stop();
    // ListWatch lists again only without a resourceVersion (as after a 410):
    // forget it, and the list's difference with the cache becomes events.
    (this.lw as unknown as { resourceVersion: string }).resourceVersion = '';
    if (!this.stopped) void this.lw.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.relistTimer);
    clearTimeout(this.timer);
    await this.lw.stop();
  }

  get count(): number {
    return this.lw.list().length;
  }

  /** Project one raw object; count and report malformed ones instead of dropping them silently. */
  project(raw: unknown): SlimObject | undefined {
    try {
      return slim(raw, this.kind);
    } catch (err) {
      if (!(err instanceof SlimError)) throw err;
      this.malformed++;
      this.hooks.log(
        'warn',
        `${this.kind}: skipped a malformed object (${this.malformed} so far): ${err.message}`,
      );
      this.hooks.status();
      return undefined;
    }
  }

  malformedLine(line: string, err: Error): void {
    this.malformed++;
    this.hooks.log(
      'warn',
      `${this.kind}: skipped a malformed watch line (${this.malformed} so far): ${err.message}: ${line.slice(0, 120)}`,
    );
    this.hooks.status();
  }

  /** Called by the watch once the server accepted it. */
  watching(): void {
    this.attempts = 0;
    this.setState('synced');
  }

  /** Paginated list of slim objects, as client-node's listFn. */
  private async list(): Promise<{ metadata: { resourceVersion: string }; items: SlimObject[] }> {
    this.lists++;
    const items: SlimObject[] = [];
    let resourceVersion = '';
    let cont: string | undefined;
    for (let restartsLeft = 2; ;) {
      const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (cont) q.set('continue', cont);
      let page: { metadata?: { resourceVersion?: string; continue?: string }; items?: unknown[] };
      try {
        page = (await getJson(this.kc, `${KIND_PATHS[this.kind]}?${q}`)) as typeof page;
      } catch (err) {
        if (err instanceof ApiStatusError && err.statusCode === 410 && cont && restartsLeft-- > 0) {
          // The continue token expired: list again from the start.
          items.length = 0;
          cont = undefined;
          continue;
        }
        throw err;
      }
      for (const raw of page.items ?? []) {
        const o = this.project(raw);
        if (o) items.push(o);
      }
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      cont = page.metadata?.continue || undefined;
      if (!cont) break;
    }
    this.status.lastEventAt = new Date().toISOString();
    // client-node adds the items synchronously once this promise settles.
    setImmediate(() => {
      this.status.count = this.count;
      this.hooks.status();
    });
    return { metadata: { resourceVersion }, items };
  }

  private setState(state: KindState, message?: string): void {
    const changed = this.status.state !== state || this.status.message !== message;
    this.status.state = state;
    if (message === undefined) delete this.status.message;
    else this.status.message = message;
    this.status.count = this.count;
    if (changed) this.hooks.status();
  }

  private failed(err: unknown): void {
    if (this.stopped) return;
    const e = describeRequestError(
      err,
      this.cluster.server,
      this.cluster.context,
      this.kc.getCurrentCluster()?.proxyUrl,
    );
    const status =
      err instanceof ApiStatusError ? err.statusCode : (err as { statusCode?: number }).statusCode;
    let delay: number;
    if (status === 403) {
      this.setState(
        'forbidden',
        `not allowed to list/watch ${KIND_PATHS[this.kind].split('/').pop()}: ${e.message}`,
      );
      delay = this.backoff.forbiddenMs;
    } else {
      this.setState(status === 401 ? 'error' : 'reconnecting', e.message);
      const base = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.attempts);
      delay = Math.round(base * (0.5 + Math.random() / 2));
      this.attempts++;
    }
    this.restarts++;
    this.hooks.log(
      'warn',
      `${this.kind}: ${e.message}; retrying in ${delay} ms (attempt ${this.attempts})`,
    );
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.stopped) void this.lw.start();
    }, delay);
  }
}
