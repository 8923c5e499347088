/** A Deployment's status from its ReplicaSets, with the Available and Progressing conditions. */
import { timestamp } from '../json.js';
import type { StoredObject } from '../types.js';
import { maxSurgeUnavailable, type DeploymentSpec, type RS } from './deployments.js';

interface Condition {
  type: string;
  status: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason: string;
  message: string;
}

export function deploymentStatus(
  d: StoredObject,
  spec: DeploymentSpec,
  next: RS,
  olds: RS[],
  now = new Date(),
): Record<string, unknown> {
  const all = [next, ...olds];
  const sum = (f: (rs: RS) => number) => all.reduce((n, rs) => n + f(rs), 0);
  const replicas = sum((rs) => rs.status?.replicas ?? 0);
  const ready = sum((rs) => rs.status?.readyReplicas ?? 0);
  const availableCount = sum((rs) => rs.status?.availableReplicas ?? 0);
  const updated = next.status?.replicas ?? 0;
  const want = spec.replicas ?? 1;
  const [, maxUnavailable] = maxSurgeUnavailable(spec);
  const previous = (d.status as { conditions?: Condition[] } | undefined)?.conditions ?? [];
  const at = timestamp(now);
  const condition = (c: Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'>): Condition => {
    const before = previous.find((p) => p.type === c.type);
    const same =
      before &&
      before.status === c.status &&
      before.reason === c.reason &&
      before.message === c.message;
    return {
      ...c,
      lastUpdateTime: same ? (before.lastUpdateTime ?? at) : at,
      lastTransitionTime:
        before && before.status === c.status ? (before.lastTransitionTime ?? at) : at,
    };
  };
  const isAvailable = availableCount >= want - maxUnavailable;
  const complete = updated === want && replicas === want && availableCount === want;
  const conditions = [
    condition(
      isAvailable
        ? {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
    ),
    condition(
      complete
        ? {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: `ReplicaSet "${next.metadata.name}" has successfully progressed.`,
          }
        : {
            type: 'Progressing',
            status: 'True',
            reason: 'ReplicaSetUpdated',
            message: `ReplicaSet "${next.metadata.name}" is progressing.`,
          },
    ),
  ];
  const status: Record<string, unknown> = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: availableCount,
    unavailableReplicas: Math.max(0, Math.max(want, replicas) - availableCount),
    conditions,
  };
  for (const k of [
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
  ])
    if (status[k] === 0) delete status[k];
  return status;
}
