/**
 * The Deployment controller: one ReplicaSet per pod template (named
 * `<deployment>-<pod-template-hash>`, the hash also a label and a selector
 * term), rolled by the strategy: RollingUpdate scales the new ReplicaSet up
 * within `replicas + maxSurge` and the old ones down while at least
 * `replicas - maxUnavailable` pods stay available; Recreate scales the old
 * ones to zero first. Status and conditions read as `kubectl rollout
 * status` expects them.
 */
import { jsonEqual } from '../json.js';
import type { Registry } from '../registry.js';
import { R } from '../resources.js';
import type { StoredObject } from '../types.js';
import { deploymentStatus } from './deployment-status.js';
import { OwnerController } from './owned.js';
import type { OwnerIndex } from './owner-index.js';
import { intOrPercent, ownerRef, templateHash, type PodTemplate } from './workload-util.js';

export const HASH_LABEL = 'pod-template-hash';
export const REVISION = 'deployment.kubernetes.io/revision';

export interface DeploymentSpec {
  replicas?: number;
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  template?: PodTemplate;
  revisionHistoryLimit?: number;
  paused?: boolean;
  strategy?: {
    type?: string;
    rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
  };
}

export type RS = StoredObject & {
  spec?: { replicas?: number; template?: PodTemplate };
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number };
};

export const specReplicas = (rs: RS) => rs.spec?.replicas ?? 0;
export const available = (rs: RS) => Math.min(rs.status?.availableReplicas ?? 0, specReplicas(rs));
export const revision = (rs: StoredObject) =>
  Number(rs.metadata.annotations?.[REVISION] ?? '0') || 0;

function withoutHash(t: PodTemplate | undefined): PodTemplate | undefined {
  if (!t) return t;
  const copy = structuredClone(t);
  if (copy.metadata?.labels) delete copy.metadata.labels[HASH_LABEL];
  return copy;
}

export function maxSurgeUnavailable(spec: DeploymentSpec): [number, number] {
  const replicas = spec.replicas ?? 1;
  if (spec.strategy?.type === 'Recreate') return [0, replicas];
  const ru = spec.strategy?.rollingUpdate ?? {};
  const surge = intOrPercent(ru.maxSurge ?? '25%', replicas, true);
  const unavailable = intOrPercent(ru.maxUnavailable ?? '25%', replicas, false);
  return surge === 0 && unavailable === 0 ? [0, 1] : [surge, unavailable];
}

export class DeploymentController extends OwnerController {
  readonly name = 'deployment-controller';

  constructor(
    registry: Registry,
    owners: OwnerIndex,
    onError: (err: unknown, key: string) => void,
  ) {
    super(registry, owners, R.deployments, [R.replicaSets], onError);
  }

  protected reconcile(d: StoredObject): void {
    const spec = (d.spec ?? {}) as DeploymentSpec;
    const all = (this.owned(d, R.replicaSets) as RS[]).filter(
      (rs) => !rs.metadata.deletionTimestamp,
    );
    // The hash label names the template; compare templates only when it matches (collisions).
    const hash = templateHash(spec.template);
    let next = all.find(
      (rs) =>
        rs.metadata.labels?.[HASH_LABEL] === hash &&
        jsonEqual(withoutHash(rs.spec?.template), spec.template),
    );
    const olds = all
      .filter((rs) => rs !== next)
      .sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1));
    const maxOld = Math.max(0, ...olds.map(revision));
    const replicas = spec.replicas ?? 1;
    const plan = new Map<RS, number>(all.map((rs) => [rs, specReplicas(rs)]));
    if (!next) {
      next = this.createReplicaSet(d, spec, maxOld + 1);
      plan.set(next, 0);
    } else if (revision(next) <= maxOld) {
      next = this.bumpRevision(next, maxOld + 1);
      plan.set(next, specReplicas(next));
    }
    if (!spec.paused) this.plan(spec, replicas, next, olds, plan);
    for (const [rs, want] of plan) if (want !== specReplicas(rs)) this.scale(rs, want, d, spec);
    this.cleanup(spec, olds, plan);
    const status = deploymentStatus(d, spec, next, olds);
    this.registry.writeStatus(R.deployments, d, status);
  }

  private plan(
    spec: DeploymentSpec,
    replicas: number,
    next: RS,
    olds: RS[],
    plan: Map<RS, number>,
  ) {
    const oldTotal = () => olds.reduce((n, rs) => n + (plan.get(rs) ?? 0), 0);
    if (oldTotal() === 0) {
      plan.set(next, replicas);
      return;
    }
    if (spec.strategy?.type === 'Recreate') {
      for (const rs of olds) plan.set(rs, 0);
      const oldPods = olds.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
      if (oldPods === 0) plan.set(next, replicas);
      return;
    }
    const [surge, maxUnavailable] = maxSurgeUnavailable(spec);
    const total = () => oldTotal() + (plan.get(next) ?? 0);
    const newWant = plan.get(next) ?? 0;
    if (newWant > replicas) plan.set(next, replicas);
    else if (total() < replicas + surge)
      plan.set(next, Math.min(replicas, newWant + replicas + surge - total()));
    const minAvailable = replicas - maxUnavailable;
    const newUnavailable = Math.max(0, (plan.get(next) ?? 0) - available(next));
    let budget = total() - minAvailable - newUnavailable;
    if (budget <= 0) return;
    // Unhealthy old pods go first: removing them costs no availability.
    for (const rs of olds) {
      const want = plan.get(rs) ?? 0;
      const cut = Math.min(budget, Math.max(0, want - available(rs)));
      plan.set(rs, want - cut);
      budget -= cut;
    }
    const availableAll = [next, ...olds].reduce(
      (n, rs) => n + Math.min(available(rs), plan.get(rs) ?? 0),
      0,
    );
    let down = Math.min(budget, availableAll - minAvailable);
    for (const rs of olds) {
      if (down <= 0) break;
      const want = plan.get(rs) ?? 0;
      const cut = Math.min(want, down);
      plan.set(rs, want - cut);
      down -= cut;
    }
  }

  private createReplicaSet(d: StoredObject, spec: DeploymentSpec, rev: number): RS {
    const hash = templateHash(spec.template);
    const template = structuredClone(spec.template ?? {});
    template.metadata = {
      ...template.metadata,
      labels: { ...template.metadata?.labels, [HASH_LABEL]: hash },
    };
    const selector = structuredClone(spec.selector ?? {});
    selector.matchLabels = { ...selector.matchLabels, [HASH_LABEL]: hash };
    const name = `${d.metadata.name}-${hash}`;
    const existing = this.registry.store.get(R.replicaSets, d.metadata.namespace, name);
    if (existing)
      throw new Error(`ReplicaSet ${name} exists and is not owned by ${d.metadata.name}`);
    return this.registry.create(R.replicaSets, d.metadata.namespace, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: d.metadata.namespace,
        labels: template.metadata.labels,
        annotations: annotations(spec, rev),
        ownerReferences: [ownerRef(R.deployments, d)],
      },
      spec: { replicas: 0, selector, template },
    }).object as RS;
  }

  private bumpRevision(rs: RS, rev: number): RS {
    const next = structuredClone(rs);
    next.metadata.annotations = { ...next.metadata.annotations, [REVISION]: String(rev) };
    return this.registry.writeSystem(R.replicaSets, next) as RS;
  }

  private scale(rs: RS, replicas: number, d: StoredObject, spec: DeploymentSpec): void {
    const current = (this.registry.store.get(
      R.replicaSets,
      rs.metadata.namespace,
      rs.metadata.name,
    ) ?? rs) as RS;
    const next = structuredClone(current);
    next.spec = { ...next.spec, replicas };
    next.metadata.generation = (next.metadata.generation ?? 1) + 1;
    next.metadata.annotations = {
      ...next.metadata.annotations,
      ...annotations(spec, revision(current)),
    };
    void d;
    this.registry.writeSystem(R.replicaSets, next);
  }

  /** Old ReplicaSets scaled to zero beyond revisionHistoryLimit go, oldest first. */
  private cleanup(spec: DeploymentSpec, olds: RS[], plan: Map<RS, number>): void {
    const limit = spec.revisionHistoryLimit ?? 10;
    const idle = olds.filter((rs) => (plan.get(rs) ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0);
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit)))
      this.registry.delete(R.replicaSets, rs.metadata.namespace, rs.metadata.name);
  }
}

function annotations(spec: DeploymentSpec, rev: number): Record<string, string> {
  const [surge] = maxSurgeUnavailable(spec);
  const replicas = spec.replicas ?? 1;
  return {
    'deployment.kubernetes.io/desired-replicas': String(replicas),
    'deployment.kubernetes.io/max-replicas': String(replicas + surge),
    [REVISION]: String(rev),
  };
}
