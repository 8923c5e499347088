/**
 * The scheduler: binds each pod without `spec.nodeName` to a Ready,
 * schedulable node whose taints the pod tolerates and whose labels match its
 * `nodeSelector`, preferring the node with the fewest pods (ties go round
 * robin). A pod no node fits stays Pending with PodScheduled=False, as
 * upstream reports it.
 */
import { timestamp } from '../json.js';
import type { Registry } from '../registry.js';
import { R } from '../resources.js';
import { objectKey, type StoreEvent } from '../store.js';
import type { Node, Pod, PodCondition, StoredObject, Taint, Toleration } from '../types.js';
import { WorkQueue, type Controller } from './workqueue.js';

export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    const keyOk = t.operator === 'Exists' && !t.key ? true : t.key === taint.key;
    const valueOk = t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '');
    const effectOk = !t.effect || t.effect === taint.effect;
    return keyOk && valueOk && effectOk;
  });
}

function nodeReady(node: Node): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function setCondition(
  conditions: PodCondition[],
  type: string,
  status: PodCondition['status'],
  now: string,
  extra: Record<string, string> = {},
): PodCondition[] {
  const existing = conditions.find((c) => c.type === type);
  const next: PodCondition = {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: existing?.status === status ? (existing.lastTransitionTime ?? now) : now,
    ...extra,
  };
  return existing ? conditions.map((c) => (c.type === type ? next : c)) : [...conditions, next];
}

export class Scheduler implements Controller {
  readonly name = 'scheduler';
  private readonly queue: WorkQueue;
  private readonly podsPerNode = new Map<string, number>();
  private turn = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly registry: Registry,
    onError: (err: unknown, key: string) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.queue = new WorkQueue((key) => this.reconcile(key), onError);
    this.unsubscribe = registry.store.subscribe((e) => this.observe(e));
  }

  idle(): boolean {
    return this.queue.idle;
  }

  stop(): void {
    this.unsubscribe();
    this.queue.stop();
  }

  private observe(e: StoreEvent): void {
    if (e.resource === R.pods) {
      const before =
        e.type === 'ADDED' ? undefined : (e.previous as Pod | undefined)?.spec?.nodeName;
      const after = e.type === 'DELETED' ? undefined : (e.object as Pod).spec?.nodeName;
      if (before !== after) {
        if (before) this.podsPerNode.set(before, (this.podsPerNode.get(before) ?? 1) - 1);
        if (after) this.podsPerNode.set(after, (this.podsPerNode.get(after) ?? 0) + 1);
      }
      if (e.type !== 'DELETED' && !after)
        this.queue.add(objectKey(e.object.metadata.namespace, e.object.metadata.name));
    } else if (e.resource === R.nodes && e.type !== 'DELETED') {
      for (const pod of this.registry.store.list(R.pods) as Pod[]) {
        if (!pod.spec?.nodeName)
          this.queue.add(objectKey(pod.metadata.namespace, pod.metadata.name ?? ''));
      }
    }
  }

  private reconcile(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const pod = this.registry.store.get(R.pods, namespace, name) as
      (Pod & StoredObject) | undefined;
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    const nodes = this.registry.store.list(R.nodes) as (Node & StoredObject)[];
    const fits = nodes.filter((n) => this.fits(pod, n));
    const now = timestamp(this.now());
    if (fits.length === 0) {
      const message = `0/${nodes.length} nodes are available: ${nodes.length === 0 ? 'no nodes available to schedule pods' : "no node matches the pod's tolerations, node selector and readiness"}.`;
      const conditions = setCondition(pod.status?.conditions ?? [], 'PodScheduled', 'False', now, {
        reason: 'Unschedulable',
        message,
      });
      this.registry.writeStatus(R.pods, pod, { ...pod.status, phase: 'Pending', conditions });
      return;
    }
    const load = (n: Node) => this.podsPerNode.get(n.metadata.name ?? '') ?? 0;
    const least = Math.min(...fits.map(load));
    const candidates = fits.filter((n) => load(n) === least);
    const chosen = candidates[this.turn++ % candidates.length] as Node;
    const next = structuredClone(pod);
    next.spec = { ...next.spec, nodeName: chosen.metadata.name };
    next.status = {
      ...next.status,
      conditions: setCondition(next.status?.conditions ?? [], 'PodScheduled', 'True', now),
    };
    this.registry.writeSystem(R.pods, next, 'kube-scheduler');
  }

  private fits(pod: Pod, node: Node): boolean {
    if (!nodeReady(node) || node.spec?.unschedulable || node.metadata.deletionTimestamp)
      return false;
    const tolerations = pod.spec?.tolerations ?? [];
    const blocking = (node.spec?.taints ?? []).filter(
      (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute',
    );
    if (!blocking.every((t) => tolerates(tolerations, t))) return false;
    const selector = (pod.spec?.nodeSelector ?? {}) as Record<string, string>;
    const labels = node.metadata.labels ?? {};
    return Object.entries(selector).every(([k, v]) => labels[k] === v);
  }
}
