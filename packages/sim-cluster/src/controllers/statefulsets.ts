/**
 * The StatefulSet controller: pods `<name>-0 .. <name>-(n-1)` with stable
 * hostnames under the governing (headless) Service (`spec.hostname` = pod
 * name, `spec.subdomain` = `serviceName`). OrderedReady creates one pod at a
 * time, each after the lower ordinals are Running and Ready, and removes
 * from the highest ordinal down; Parallel does all at once. A template
 * change rolls pods from the highest ordinal down to the partition, one at
 * a time once the rest are ready.
 */
import type { Registry } from '../registry.js';
import { R } from '../resources.js';
import type { StoredObject } from '../types.js';
import { OwnerController } from './owned.js';
import type { OwnerIndex } from './owner-index.js';
import {
  isActive,
  isReady,
  podFromTemplate,
  templateHash,
  type PodTemplate,
  type SimPod,
} from './workload-util.js';

export const REVISION_LABEL = 'controller-revision-hash';

interface StatefulSetSpec {
  replicas?: number;
  serviceName?: string;
  podManagementPolicy?: string;
  template?: PodTemplate;
  updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
}

export class StatefulSetController extends OwnerController {
  readonly name = 'statefulset-controller';

  constructor(
    registry: Registry,
    owners: OwnerIndex,
    onError: (err: unknown, key: string) => void,
  ) {
    super(registry, owners, R.statefulSets, [R.pods], onError);
  }

  protected reconcile(sts: StoredObject): void {
    const spec = (sts.spec ?? {}) as StatefulSetSpec;
    const name = sts.metadata.name;
    const want = spec.replicas ?? 1;
    const updateRevision = `${name}-${templateHash(spec.template)}`;
    const ordered = spec.podManagementPolicy !== 'Parallel';
    const pods = new Map<number, SimPod>();
    for (const pod of this.owned(sts, R.pods) as SimPod[]) {
      const m = /-(\d+)$/.exec(pod.metadata.name);
      if (m && pod.metadata.name === `${name}-${m[1]}`) pods.set(Number(m[1]), pod);
    }
    const healthy = (p: SimPod | undefined) => !!p && isActive(p) && isReady(p);
    for (const pod of pods.values())
      if (pod.status?.phase === 'Failed' && !pod.metadata.deletionTimestamp)
        this.registry.delete(R.pods, pod.metadata.namespace, pod.metadata.name, {
          gracePeriodSeconds: 0,
        });
    let blocked = false;
    for (let i = 0; i < want && !blocked; i++) {
      const pod = pods.get(i);
      if (!pod) {
        const created = this.registry.create(
          R.pods,
          sts.metadata.namespace,
          podFromTemplate(R.statefulSets, sts, spec.template, {
            name: `${name}-${i}`,
            labels: {
              [REVISION_LABEL]: updateRevision,
              'statefulset.kubernetes.io/pod-name': `${name}-${i}`,
              'apps.kubernetes.io/pod-index': String(i),
            },
            spec: {
              hostname: `${name}-${i}`,
              ...(spec.serviceName ? { subdomain: spec.serviceName } : {}),
            },
          }),
        ).object as SimPod;
        pods.set(i, created);
        if (ordered) blocked = true;
      } else if (ordered && !healthy(pod)) {
        blocked = true;
      }
    }
    const extra = [...pods.keys()].filter((i) => i >= want).sort((a, b) => b - a);
    const terminating = [...pods.values()].some((p) => p.metadata.deletionTimestamp);
    for (const i of ordered ? extra.slice(0, terminating ? 0 : 1) : extra) {
      const pod = pods.get(i);
      if (pod && !pod.metadata.deletionTimestamp)
        this.registry.delete(R.pods, pod.metadata.namespace, pod.metadata.name);
    }
    const inRange = [...pods.entries()].filter(([i]) => i < want).map(([, p]) => p);
    if (
      spec.updateStrategy?.type !== 'OnDelete' &&
      !blocked &&
      !terminating &&
      inRange.length === want &&
      inRange.every(healthy)
    ) {
      const partition = spec.updateStrategy?.rollingUpdate?.partition ?? 0;
      const stale = [...pods.entries()]
        .filter(
          ([i, p]) =>
            i < want && i >= partition && p.metadata.labels?.[REVISION_LABEL] !== updateRevision,
        )
        .sort(([a], [b]) => b - a)[0];
      if (stale) this.registry.delete(R.pods, stale[1].metadata.namespace, stale[1].metadata.name);
    }
    const active = [...pods.values()].filter(isActive);
    const updated = active.filter(
      (p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision,
    ).length;
    const ready = active.filter(isReady).length;
    const previous = (sts.status ?? {}) as { currentRevision?: string };
    const done = updated === want && active.length === want && ready === want;
    const currentRevision = done ? updateRevision : (previous.currentRevision ?? updateRevision);
    const current = active.filter(
      (p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision,
    ).length;
    this.registry.writeStatus(R.statefulSets, sts, {
      observedGeneration: sts.metadata.generation ?? 1,
      replicas: active.length,
      readyReplicas: ready,
      currentReplicas: current,
      updatedReplicas: updated,
      availableReplicas: ready,
      currentRevision,
      updateRevision,
      collisionCount: 0,
    });
  }
}
