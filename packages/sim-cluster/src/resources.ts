/**
 * The kinds the simulator serves, as the discovery documents describe them.
 * Everything that routes, stores or prints an object looks its kind up here.
 */

export interface ResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
  listKind: string;
  /** The plural resource name used in URLs. */
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: readonly string[];
  categories: readonly string[];
  /** Subresources served as `<plural>/<sub>`. */
  subresources: readonly string[];
}

const IN_ALL = new Set([
  'Pod',
  'Service',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'ReplicationController',
  'Job',
  'CronJob',
]);

export const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] as const;

function resource(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames: string[] = [],
  subresources: string[] = [],
): ResourceType {
  return {
    group,
    version,
    kind,
    listKind: `${kind}List`,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    shortNames,
    // Only workloads and services are in the `all` category, as upstream.
    categories: IN_ALL.has(kind) ? ['all'] : [],
    subresources,
  };
}

export const RESOURCES: readonly ResourceType[] = [
  resource('', 'v1', 'Namespace', 'namespaces', false, ['ns'], ['status']),
  resource('', 'v1', 'Node', 'nodes', false, ['no'], ['status']),
  resource('', 'v1', 'Pod', 'pods', true, ['po'], ['status']),
  resource('', 'v1', 'Service', 'services', true, ['svc'], ['status']),
  resource('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  resource('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, ['ing'], ['status']),
  resource('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, ['netpol']),
  resource('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false),
  resource('apps', 'v1', 'Deployment', 'deployments', true, ['deploy'], ['status', 'scale']),
  resource('apps', 'v1', 'ReplicaSet', 'replicasets', true, ['rs'], ['status', 'scale']),
  resource('apps', 'v1', 'StatefulSet', 'statefulsets', true, ['sts'], ['status', 'scale']),
  resource('apps', 'v1', 'DaemonSet', 'daemonsets', true, ['ds'], ['status']),
  resource('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true),
  resource(
    '',
    'v1',
    'ReplicationController',
    'replicationcontrollers',
    true,
    ['rc'],
    ['status', 'scale'],
  ),
  // Stored only, so that real manifests apply whole.
  resource('', 'v1', 'ConfigMap', 'configmaps', true, ['cm']),
  resource('', 'v1', 'Secret', 'secrets', true),
  resource('', 'v1', 'ServiceAccount', 'serviceaccounts', true, ['sa']),
  resource('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc'], ['status']),
  resource('', 'v1', 'PersistentVolume', 'persistentvolumes', false, ['pv'], ['status']),
  resource('', 'v1', 'Endpoints', 'endpoints', true, ['ep']),
  resource('', 'v1', 'LimitRange', 'limitranges', true, ['limits']),
  resource('', 'v1', 'ResourceQuota', 'resourcequotas', true, ['quota'], ['status']),
  resource('batch', 'v1', 'Job', 'jobs', true, [], ['status']),
  resource('batch', 'v1', 'CronJob', 'cronjobs', true, ['cj'], ['status']),
  resource('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, [
    'hpa',
  ]),
  resource(
    'policy',
    'v1',
    'PodDisruptionBudget',
    'poddisruptionbudgets',
    true,
    ['pdb'],
    ['status'],
  ),
  resource('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true),
  resource('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true),
  resource('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
  resource('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  resource('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, ['sc']),
];

export function groupVersion(r: ResourceType): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** Key used by the store: `<group>/<plural>`. */
export function resourceKey(r: ResourceType): string {
  return `${r.group}/${r.plural}`;
}

export function findByPlural(
  group: string,
  version: string,
  plural: string,
): ResourceType | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
}

/** Look a kind up from an object's apiVersion and kind. */
export function findByKind(
  apiVersion: string | undefined,
  kind: string | undefined,
): ResourceType | undefined {
  return RESOURCES.find((r) => groupVersion(r) === apiVersion && r.kind === kind);
}

export function mustFind(apiVersion: string, kind: string): ResourceType {
  const r = findByKind(apiVersion, kind);
  if (!r) throw new Error(`sim-cluster does not serve ${apiVersion} ${kind}`);
  return r;
}

export const R = {
  namespaces: mustFind('v1', 'Namespace'),
  nodes: mustFind('v1', 'Node'),
  pods: mustFind('v1', 'Pod'),
  services: mustFind('v1', 'Service'),
  endpointSlices: mustFind('discovery.k8s.io/v1', 'EndpointSlice'),
  ingresses: mustFind('networking.k8s.io/v1', 'Ingress'),
  networkPolicies: mustFind('networking.k8s.io/v1', 'NetworkPolicy'),
  ingressClasses: mustFind('networking.k8s.io/v1', 'IngressClass'),
  deployments: mustFind('apps/v1', 'Deployment'),
  replicaSets: mustFind('apps/v1', 'ReplicaSet'),
  statefulSets: mustFind('apps/v1', 'StatefulSet'),
  daemonSets: mustFind('apps/v1', 'DaemonSet'),
  replicationControllers: mustFind('v1', 'ReplicationController'),
  secrets: mustFind('v1', 'Secret'),
} as const;
