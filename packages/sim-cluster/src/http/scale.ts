/**
 * The `scale` subresource (autoscaling/v1 Scale) of Deployments,
 * ReplicaSets, StatefulSets and ReplicationControllers, as `kubectl scale`
 * reads and patches it.
 */
import { badRequest, conflict } from '../errors.js';
import { isPlainObject, mergePatch } from '../json.js';
import { selectorString, type LabelSelectorObject } from '../label-selector.js';
import type { Registry } from '../registry.js';
import type { ResourceType } from '../resources.js';
import { strategicMerge } from '../strategic-merge.js';
import type { StoredObject } from '../types.js';

export function toScale(obj: StoredObject): Record<string, unknown> {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: unknown };
  const status = (obj.status ?? {}) as { replicas?: number };
  const selector =
    obj.kind === 'ReplicationController'
      ? Object.entries((spec.selector ?? {}) as Record<string, string>)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')
      : selectorString(spec.selector as LabelSelectorObject | undefined);
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 1 },
    status: { replicas: status.replicas ?? 0, selector },
  };
}

/** PUT or PATCH of a Scale: only spec.replicas is taken. */
export function writeScale(
  registry: Registry,
  r: ResourceType,
  namespace: string | undefined,
  name: string,
  body: unknown,
  patchType?: string,
): StoredObject {
  const existing = registry.get(r, namespace, name);
  const current = toScale(existing);
  const next =
    patchType === undefined
      ? body
      : patchType === 'application/merge-patch+json'
        ? mergePatch(current, body)
        : strategicMerge(current, body, 'Scale');
  if (!isPlainObject(next)) throw badRequest('the body of the request must be a Scale object');
  const rv = (next.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
  if (patchType === undefined && rv && rv !== existing.metadata.resourceVersion)
    throw conflict(
      r,
      name,
      'the object has been modified; please apply your changes to the latest version and try again',
    );
  const replicas = (next.spec as { replicas?: unknown } | undefined)?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0)
    throw badRequest(`invalid replicas: ${String(replicas)}`);
  const { resourceVersion: _rv, ...metadata } = structuredClone(existing.metadata);
  const updated = { ...existing, metadata, spec: { ...(existing.spec as object), replicas } };
  return registry.replace(r, namespace, name, updated).object;
}
