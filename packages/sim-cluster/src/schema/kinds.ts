/** Per-kind shapes (see shapes.ts) of the kinds Portolan draws. */
import {
  ANY,
  LABEL_SELECTOR,
  OBJECT_META,
  POD_SPEC,
  POD_TEMPLATE,
  list,
  map,
  type Shape,
} from './shapes.js';

const leaves = (...names: string[]): Record<string, Shape> =>
  Object.fromEntries(names.map((n) => [n, ANY]));

const top = (fields: Record<string, Shape>): Shape => ({
  apiVersion: ANY,
  kind: ANY,
  metadata: OBJECT_META,
  ...fields,
});

const SERVICE_SPEC: Shape = {
  ...leaves(
    'allocateLoadBalancerNodePorts',
    'clusterIP',
    'clusterIPs',
    'externalIPs',
    'externalName',
    'externalTrafficPolicy',
    'healthCheckNodePort',
    'internalTrafficPolicy',
    'ipFamilies',
    'ipFamilyPolicy',
    'loadBalancerClass',
    'loadBalancerIP',
    'loadBalancerSourceRanges',
    'publishNotReadyAddresses',
    'sessionAffinity',
    'sessionAffinityConfig',
    'trafficDistribution',
    'type',
  ),
  ports: list(leaves('appProtocol', 'name', 'nodePort', 'port', 'protocol', 'targetPort')),
  selector: map(),
};

const INGRESS_BACKEND: Shape = {
  resource: ANY,
  service: { name: ANY, port: leaves('name', 'number') },
};

const PEER: Shape = {
  ipBlock: leaves('cidr', 'except'),
  namespaceSelector: LABEL_SELECTOR,
  podSelector: LABEL_SELECTOR,
};
const NP_PORTS = list(leaves('endPort', 'port', 'protocol'));

const ROLLING = leaves('maxSurge', 'maxUnavailable');

export const SHAPES: Record<string, Shape> = {
  Service: top({ spec: SERVICE_SPEC, status: ANY }),
  Pod: top({ spec: POD_SPEC, status: ANY }),
  Namespace: top({ spec: leaves('finalizers'), status: ANY }),
  Node: top({
    spec: {
      ...leaves('configSource', 'externalID', 'podCIDR', 'podCIDRs', 'providerID', 'unschedulable'),
      taints: list(leaves('effect', 'key', 'timeAdded', 'value')),
    },
    status: ANY,
  }),
  EndpointSlice: top({
    addressType: ANY,
    endpoints: list({
      ...leaves(
        'addresses',
        'deprecatedTopology',
        'hints',
        'hostname',
        'nodeName',
        'targetRef',
        'zone',
      ),
      conditions: leaves('ready', 'serving', 'terminating'),
    }),
    ports: list(leaves('appProtocol', 'name', 'port', 'protocol')),
  }),
  Ingress: top({
    spec: {
      defaultBackend: INGRESS_BACKEND,
      ingressClassName: ANY,
      rules: list({
        host: ANY,
        http: { paths: list({ backend: INGRESS_BACKEND, path: ANY, pathType: ANY }) },
      }),
      tls: list(leaves('hosts', 'secretName')),
    },
    status: ANY,
  }),
  NetworkPolicy: top({
    spec: {
      egress: list({ ports: NP_PORTS, to: list(PEER) }),
      ingress: list({ from: list(PEER), ports: NP_PORTS }),
      podSelector: LABEL_SELECTOR,
      policyTypes: ANY,
    },
  }),
  Deployment: top({
    spec: {
      ...leaves(
        'minReadySeconds',
        'paused',
        'progressDeadlineSeconds',
        'replicas',
        'revisionHistoryLimit',
      ),
      selector: LABEL_SELECTOR,
      strategy: { type: ANY, rollingUpdate: ROLLING },
      template: POD_TEMPLATE,
    },
    status: ANY,
  }),
  StatefulSet: top({
    spec: {
      ...leaves(
        'minReadySeconds',
        'ordinals',
        'persistentVolumeClaimRetentionPolicy',
        'podManagementPolicy',
        'replicas',
        'revisionHistoryLimit',
        'serviceName',
        'volumeClaimTemplates',
      ),
      selector: LABEL_SELECTOR,
      template: POD_TEMPLATE,
      updateStrategy: { type: ANY, rollingUpdate: leaves('maxUnavailable', 'partition') },
    },
    status: ANY,
  }),
  DaemonSet: top({
    spec: {
      ...leaves('minReadySeconds', 'revisionHistoryLimit'),
      selector: LABEL_SELECTOR,
      template: POD_TEMPLATE,
      updateStrategy: { type: ANY, rollingUpdate: ROLLING },
    },
    status: ANY,
  }),
  ReplicaSet: top({
    spec: {
      ...leaves('minReadySeconds', 'replicas'),
      selector: LABEL_SELECTOR,
      template: POD_TEMPLATE,
    },
    status: ANY,
  }),
  ReplicationController: top({
    spec: { ...leaves('minReadySeconds', 'replicas'), selector: map(), template: POD_TEMPLATE },
    status: ANY,
  }),
};

/** Top-level fields of the kinds only stored (anything else there is an unknown field). */
export const TOP_LEVEL: Record<string, string[]> = {
  ConfigMap: ['data', 'binaryData', 'immutable'],
  Secret: ['data', 'stringData', 'type', 'immutable'],
  ServiceAccount: ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
  Endpoints: ['subsets'],
  Role: ['rules'],
  ClusterRole: ['rules', 'aggregationRule'],
  RoleBinding: ['subjects', 'roleRef'],
  ClusterRoleBinding: ['subjects', 'roleRef'],
  StorageClass: [
    'provisioner',
    'parameters',
    'reclaimPolicy',
    'mountOptions',
    'allowVolumeExpansion',
    'volumeBindingMode',
    'allowedTopologies',
  ],
  ControllerRevision: ['data', 'revision'],
  IngressClass: ['spec'],
};
