/**
 * How writes of each kind are treated beyond validation, as upstream's
 * per-kind REST strategies do: decoding the body (apiVersion/kind checks,
 * unknown top-level fields), which kinds keep status apart and count
 * generations, and which fields a Service type change drops.
 */
import { randomBytes } from 'node:crypto';
import { badRequest, invalid } from './errors.js';
import { jsonEqual } from './json.js';
import { groupVersion, type ResourceType } from './resources.js';
import type { KubeObject, Service } from './types.js';
import { validateKind } from './validation-kinds.js';
import { dropFields, unknownFields } from './schema/unknown-fields.js';
import { validateLabels, validateName } from './validation.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

const WORKLOADS = [
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'ReplicationController',
  'Job',
];
/** Kinds whose status is written only through the status subresource. */
export const WITH_STATUS = new Set([
  'Pod',
  'Service',
  'Ingress',
  'Namespace',
  'Node',
  ...WORKLOADS,
  'PersistentVolumeClaim',
  'PersistentVolume',
  'ResourceQuota',
  'CronJob',
  'PodDisruptionBudget',
]);
/** Kinds whose metadata.generation counts spec changes. */
export const WITH_GENERATION = new Set([
  'Ingress',
  'NetworkPolicy',
  'IngressClass',
  'EndpointSlice',
  ...WORKLOADS,
  'CronJob',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
]);
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function decode(
  r: ResourceType,
  body: unknown,
  fieldValidation: FieldValidation,
  warnings: string[],
  patch = false,
): KubeObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('the body of the request must be a JSON object');
  const obj = structuredClone(body) as KubeObject;
  const gv = groupVersion(r);
  if (obj.apiVersion !== undefined && obj.apiVersion !== gv)
    throw badRequest(
      `the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${gv})`,
    );
  if (obj.kind !== undefined && obj.kind !== r.kind)
    throw badRequest(
      `the kind in the data (${String(obj.kind)}) does not match the expected kind (${r.kind})`,
    );
  obj.apiVersion = gv;
  obj.kind = r.kind;
  if (obj.metadata === undefined) obj.metadata = {};
  if (obj.metadata === null || typeof obj.metadata !== 'object')
    throw badRequest('metadata must be an object');
  const unknown = unknownFields(r, obj);
  if (unknown.length > 0 && fieldValidation === 'Strict') {
    const what = `strict decoding error: ${unknown.map((k) => `unknown field "${k}"`).join(', ')}`;
    throw badRequest(
      patch
        ? what
        : `${r.kind} in version "${r.version}" cannot be handled as a ${r.kind}: ${what}`,
    );
  }
  if (fieldValidation === 'Warn') for (const k of unknown) warnings.push(`unknown field "${k}"`);
  dropFields(obj, unknown);
  return obj;
}

export function validate(r: ResourceType, obj: KubeObject): void {
  const name = obj.metadata.name ?? '';
  const errors = [
    ...validateName(r, name),
    ...validateLabels(obj.metadata.labels, 'metadata.labels'),
    ...validateKind(r, obj),
  ];
  if (errors.length > 0) throw invalid(r, name, errors);
}

/** When a Service changes type, fields that only the old type uses go, as upstream's strategy drops them. */
export function dropTypeDependentFields(next: Service, old: Service): void {
  const spec = next.spec ?? {};
  const oldType = old.spec?.type ?? 'ClusterIP';
  const type = spec.type ?? 'ClusterIP';
  if (type === oldType) return;
  const needsNodePorts = type === 'NodePort' || type === 'LoadBalancer';
  if (!needsNodePorts) {
    for (const port of spec.ports ?? []) {
      const before = (old.spec?.ports ?? []).find(
        (p) => p.port === port.port && p.protocol === port.protocol,
      );
      if (before && before.nodePort === port.nodePort) delete port.nodePort;
    }
    if (spec.externalTrafficPolicy === old.spec?.externalTrafficPolicy)
      delete spec.externalTrafficPolicy;
  }
  if (type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === old.spec?.allocateLoadBalancerNodePorts)
      delete spec.allocateLoadBalancerNodePorts;
    delete spec.healthCheckNodePort;
  }
  if (type === 'ExternalName' && spec.clusterIP === old.spec?.clusterIP) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
    delete spec.internalTrafficPolicy;
  }
}

export function specOf(obj: KubeObject): unknown {
  const { metadata: _m, status: _s, ...rest } = obj;
  return rest;
}

export function sameContent(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => ({
    ...o,
    metadata: { ...o.metadata, resourceVersion: undefined, managedFields: undefined },
  });
  return jsonEqual(strip(a), strip(b));
}

/** The random suffix generateName gets, from the same alphabet as upstream. */
export function randomName(): string {
  return [...randomBytes(5)].map((b) => NAME_ALPHABET[b % NAME_ALPHABET.length]).join('');
}
