/**
 * The churn generator: random, rate-limited changes like a busy cluster
 * sees, for demos and benchmarks. Each tick does one of: scale a Deployment
 * up or down by one (kept between 1 and twice its starting size), restart
 * a Deployment's rollout (the `kubectl rollout restart` annotation), kill a
 * pod owned by a ReplicaSet (it terminates gracefully and is replaced), or
 * edit a Service's annotations. Writes go through the registry like API
 * requests, so watches see them as they would see kubectl's.
 */
import { seededRandom } from './ip.js';
import { timestamp } from './json.js';
import type { Registry } from './registry.js';
import { R, type ResourceType } from './resources.js';
import type { StoredObject } from './types.js';

export interface ChurnOptions {
  /** Changes per second (default 2). */
  rate?: number;
  /** Seed for the choices (default 1). */
  seed?: number;
  /** Relative weights of the kinds of change. */
  weights?: Partial<Record<ChurnAction, number>>;
  /** Only touch objects in these namespaces (default: all but kube-system). */
  namespaces?: string[];
}

export type ChurnAction = 'scale' | 'restart' | 'killPod' | 'editService';

export interface ChurnStats {
  running: boolean;
  rate: number;
  counts: Record<ChurnAction, number>;
}

const ACTIONS: ChurnAction[] = ['scale', 'restart', 'killPod', 'editService'];

export class Churn {
  private timer: NodeJS.Timeout | undefined;
  private random = seededRandom(1);
  private rate = 0;
  private weights: Record<ChurnAction, number> = {
    scale: 3,
    restart: 1,
    killPod: 3,
    editService: 1,
  };
  private namespaces: string[] | undefined;
  private readonly original = new Map<string, number>();
  readonly counts: Record<ChurnAction, number> = {
    scale: 0,
    restart: 0,
    killPod: 0,
    editService: 0,
  };

  constructor(
    private readonly registry: Registry,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  start(options: ChurnOptions = {}): void {
    this.stop();
    this.rate = options.rate ?? 2;
    if (!(this.rate > 0) || this.rate > 10_000)
      throw new Error(`churn rate must be in (0, 10000], got ${this.rate}`);
    this.random = seededRandom(options.seed ?? 1);
    this.weights = { ...this.weights, ...options.weights };
    this.namespaces = options.namespaces;
    this.timer = setInterval(() => this.tick(), 1000 / this.rate);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  stats(): ChurnStats {
    return { running: this.timer !== undefined, rate: this.rate, counts: { ...this.counts } };
  }

  /** One change now (what each tick does). */
  tick(): ChurnAction | undefined {
    const total = ACTIONS.reduce((n, a) => n + Math.max(0, this.weights[a]), 0);
    let pick = this.random() * total;
    const action = ACTIONS.find((a) => (pick -= Math.max(0, this.weights[a])) < 0) ?? 'scale';
    try {
      if (this[action]()) {
        this.counts[action] += 1;
        return action;
      }
    } catch (err) {
      this.onError(err);
    }
    return undefined;
  }

  private choose(
    r: ResourceType,
    filter: (o: StoredObject) => boolean = () => true,
  ): StoredObject | undefined {
    // Unsorted (no full list sort per tick); the seeded choice still repeats for the same store.
    const candidates = [...this.registry.store.each(r)].filter(
      (o) =>
        !o.metadata.deletionTimestamp &&
        (this.namespaces
          ? this.namespaces.includes(o.metadata.namespace ?? '')
          : o.metadata.namespace !== 'kube-system') &&
        filter(o),
    );
    return candidates[Math.floor(this.random() * candidates.length)];
  }

  private scale(): boolean {
    const d = this.choose(R.deployments);
    if (!d) return false;
    const key = d.metadata.uid;
    const replicas = (d.spec as { replicas?: number }).replicas ?? 1;
    if (!this.original.has(key)) this.original.set(key, replicas);
    const max = Math.max(2, 2 * (this.original.get(key) ?? 1));
    const next =
      replicas <= 1
        ? 2
        : replicas >= max
          ? replicas - 1
          : replicas + (this.random() < 0.5 ? 1 : -1);
    this.update(R.deployments, d, (o) => ((o.spec as { replicas: number }).replicas = next));
    return true;
  }

  private restart(): boolean {
    const d = this.choose(R.deployments);
    if (!d) return false;
    this.update(R.deployments, d, (o) => {
      const t = (o.spec as { template: { metadata?: { annotations?: Record<string, string> } } })
        .template;
      t.metadata = { ...t.metadata };
      t.metadata.annotations = {
        ...t.metadata.annotations,
        'kubectl.kubernetes.io/restartedAt': timestamp(new Date()),
      };
    });
    return true;
  }

  private killPod(): boolean {
    const pod = this.choose(
      R.pods,
      (p) => p.metadata.ownerReferences?.some((o) => o.kind === 'ReplicaSet') ?? false,
    );
    if (!pod) return false;
    this.registry.delete(R.pods, pod.metadata.namespace, pod.metadata.name);
    return true;
  }

  private editService(): boolean {
    const svc = this.choose(R.services, (s) => s.metadata.name !== 'kubernetes');
    if (!svc) return false;
    this.update(R.services, svc, (o) => {
      o.metadata.annotations = {
        ...o.metadata.annotations,
        'sim.portolan.dev/churn': String(Math.floor(this.random() * 1e6)),
      };
    });
    return true;
  }

  private update(r: ResourceType, obj: StoredObject, change: (o: StoredObject) => void): void {
    const next = structuredClone(obj);
    change(next);
    this.registry.replace(r, next.metadata.namespace, next.metadata.name, next);
  }
}
