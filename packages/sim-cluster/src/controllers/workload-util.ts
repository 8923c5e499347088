/** What the workload controllers share: pod states, template hashes, owner references, int-or-percent. */
import { stableStringify } from '../json.js';
import type { ResourceType } from '../resources.js';
import { groupVersion } from '../resources.js';
import type { KubeObject, OwnerReference, Pod, StoredObject } from '../types.js';

export type SimPod = Pod & StoredObject;

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Pod['spec'];
}

export function isActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

export function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function ownerRef(r: ResourceType, owner: StoredObject): OwnerReference {
  return {
    apiVersion: groupVersion(r),
    kind: r.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

/** Upstream's ComputeHash: FNV-32a of the template, printed in decimal, then SafeEncodeString. */
export function templateHash(template: unknown, collisionCount = 0): string {
  let h = 0x811c9dc5;
  const text = stableStringify(template) + (collisionCount ? String(collisionCount) : '');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return [...String(h)].map((c) => SAFE[c.charCodeAt(0) % SAFE.length]).join('');
}

/** A pod object from a workload's template (created through the registry by the caller). */
export function podFromTemplate(
  r: ResourceType,
  owner: StoredObject,
  template: PodTemplate | undefined,
  extra: { name?: string; generateName?: string; labels?: Record<string, string>; spec?: object },
): KubeObject {
  const t = structuredClone(template ?? {});
  const metadata: KubeObject['metadata'] = {
    namespace: owner.metadata.namespace,
    labels: { ...t.metadata?.labels, ...extra.labels },
    ownerReferences: [ownerRef(r, owner)],
  };
  if (t.metadata?.annotations) metadata.annotations = t.metadata.annotations;
  if (extra.name) metadata.name = extra.name;
  else metadata.generateName = extra.generateName ?? `${owner.metadata.name}-`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: { ...t.spec, ...extra.spec },
  };
}

/** An IntOrString such as maxSurge: an integer, or a percentage of `total` rounded up or down. */
export function intOrPercent(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+%$/.test(value)) {
    const exact = (Number(value.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return 0;
}

/** Ranking of pods to delete first on scale down: unscheduled, pending, not ready, newest. */
export function deletionOrder(a: Pod, b: Pod): number {
  const rank = (p: Pod) =>
    (p.spec?.nodeName ? 4 : 0) + (p.status?.phase === 'Running' ? 2 : 0) + (isReady(p) ? 1 : 0);
  const d = rank(a) - rank(b);
  if (d !== 0) return d;
  return (b.metadata.creationTimestamp ?? '') < (a.metadata.creationTimestamp ?? '') ? -1 : 1;
}
