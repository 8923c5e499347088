/**
 * The ReplicaSet controller (also serving ReplicationControllers): keeps
 * `spec.replicas` active pods from the template, deleting the least useful
 * ones first on scale down (unscheduled, pending, not ready, newest), and
 * replacing failed pods. Status counts active, ready and available pods.
 */
import type { Registry } from '../registry.js';
import { R, type ResourceType } from '../resources.js';
import type { StoredObject } from '../types.js';
import { OwnerController } from './owned.js';
import type { OwnerIndex } from './owner-index.js';
import { matchesSelector, type LabelSelectorObject } from '../label-selector.js';
import {
  deletionOrder,
  ownerRef,
  isActive,
  isReady,
  podFromTemplate,
  type PodTemplate,
  type SimPod,
} from './workload-util.js';

interface ReplicaSetSpec {
  replicas?: number;
  template?: PodTemplate;
}

export class ReplicaSetController extends OwnerController {
  readonly name: string;

  constructor(
    registry: Registry,
    owners: OwnerIndex,
    kind: ResourceType,
    onError: (err: unknown, key: string) => void,
  ) {
    super(registry, owners, kind, [R.pods], onError);
    this.name = kind === R.replicaSets ? 'replicaset-controller' : 'replicationcontroller';
  }

  protected reconcile(rs: StoredObject): void {
    const spec = (rs.spec ?? {}) as ReplicaSetSpec;
    const pods = this.owned(rs, R.pods) as SimPod[];
    for (const pod of pods)
      if (pod.status?.phase === 'Failed' && !pod.metadata.deletionTimestamp)
        this.registry.delete(R.pods, pod.metadata.namespace, pod.metadata.name, {
          gracePeriodSeconds: 0,
        });
    let active = pods.filter(isActive);
    const want = spec.replicas ?? 1;
    if (active.length < want) active.push(...this.adopt(rs, want - active.length));
    if (active.length < want) {
      for (let i = active.length; i < want; i++) {
        const pod = podFromTemplate(this.kind, rs, spec.template, {});
        active.push(this.registry.create(R.pods, rs.metadata.namespace, pod).object as SimPod);
      }
    } else if (active.length > want) {
      const doomed = [...active].sort(deletionOrder).slice(0, active.length - want);
      for (const pod of doomed)
        this.registry.delete(R.pods, pod.metadata.namespace, pod.metadata.name);
      active = active.filter((p) => !doomed.includes(p));
    }
    const ready = active.filter(isReady).length;
    const labels = spec.template?.metadata?.labels ?? {};
    const fullyLabeled = active.filter((p) =>
      Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v),
    ).length;
    const status: Record<string, unknown> = {
      replicas: active.length,
      fullyLabeledReplicas: fullyLabeled,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'])
      if (status[k] === 0) delete status[k];
    this.registry.writeStatus(this.kind, rs, status);
  }

  /** Orphaned active pods the selector matches become this ReplicaSet's, as upstream adopts them. */
  private adopt(rs: StoredObject, max: number): SimPod[] {
    const sel = (rs.spec as { selector?: unknown } | undefined)?.selector;
    const matches = (labels: Record<string, string> | undefined) =>
      this.kind === R.replicaSets
        ? matchesSelector(sel as LabelSelectorObject, labels)
        : Object.entries((sel ?? {}) as Record<string, string>).every(
            ([k, v]) => labels?.[k] === v,
          );
    const adopted: SimPod[] = [];
    for (const pod of this.registry.store.each(R.pods, rs.metadata.namespace) as Iterable<SimPod>) {
      if (adopted.length >= max) break;
      if (!isActive(pod) || pod.metadata.ownerReferences?.some((o) => o.controller)) continue;
      if (!matches(pod.metadata.labels)) continue;
      const next = structuredClone(pod);
      next.metadata.ownerReferences = [
        ...(next.metadata.ownerReferences ?? []),
        ownerRef(this.kind, rs),
      ];
      adopted.push(this.registry.writeSystem(R.pods, next) as SimPod);
    }
    return adopted;
  }
}
