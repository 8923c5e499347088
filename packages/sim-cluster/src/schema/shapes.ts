/**
 * The field names of the kinds Portolan draws, as upstream's OpenAPI
 * schemas name them, for strict field validation (`fieldValidation=Strict`
 * rejects a field the schema does not have; `Warn` reports it).
 *
 * A shape is `ANY` (a scalar or an object not checked further), an object
 * shape (field name -> shape), a list (`list(shape)`) or a map with free
 * keys (`map(shape)`).
 */
export const ANY = 'any' as const;
export type Shape = typeof ANY | { [field: string]: Shape } | ListShape | MapShape;
export interface ListShape {
  readonly list: Shape;
  readonly $: 'list';
}
export interface MapShape {
  readonly values: Shape;
  readonly $: 'map';
}

export const list = (of: Shape): ListShape => ({ list: of, $: 'list' });
export const map = (of: Shape = ANY): MapShape => ({ values: of, $: 'map' });
/** An object shape from field names that are all scalars or unchecked. */
const leaves = (...names: string[]): Record<string, Shape> =>
  Object.fromEntries(names.map((n) => [n, ANY]));

export const OBJECT_META: Shape = {
  ...leaves(
    'creationTimestamp',
    'deletionGracePeriodSeconds',
    'deletionTimestamp',
    'generateName',
    'generation',
    'name',
    'namespace',
    'resourceVersion',
    'selfLink',
    'uid',
  ),
  annotations: map(),
  labels: map(),
  finalizers: ANY,
  managedFields: ANY,
  ownerReferences: list(
    leaves('apiVersion', 'blockOwnerDeletion', 'controller', 'kind', 'name', 'uid'),
  ),
};

export const LABEL_SELECTOR: Shape = {
  matchLabels: map(),
  matchExpressions: list(leaves('key', 'operator', 'values')),
};

const PROBE: Shape = {
  ...leaves(
    'failureThreshold',
    'initialDelaySeconds',
    'periodSeconds',
    'successThreshold',
    'terminationGracePeriodSeconds',
    'timeoutSeconds',
  ),
  exec: leaves('command'),
  grpc: leaves('port', 'service'),
  httpGet: {
    ...leaves('host', 'path', 'port', 'scheme'),
    httpHeaders: list(leaves('name', 'value')),
  },
  tcpSocket: leaves('host', 'port'),
};

const CONTAINER: Shape = {
  ...leaves(
    'args',
    'command',
    'image',
    'imagePullPolicy',
    'lifecycle',
    'name',
    'resizePolicy',
    'restartPolicy',
    'securityContext',
    'stdin',
    'stdinOnce',
    'terminationMessagePath',
    'terminationMessagePolicy',
    'tty',
    'volumeDevices',
    'workingDir',
  ),
  env: list({ ...leaves('name', 'value'), valueFrom: ANY }),
  envFrom: list(leaves('configMapRef', 'prefix', 'secretRef')),
  livenessProbe: PROBE,
  readinessProbe: PROBE,
  startupProbe: PROBE,
  ports: list(leaves('containerPort', 'hostIP', 'hostPort', 'name', 'protocol')),
  resources: { claims: ANY, limits: map(), requests: map() },
  volumeMounts: list(
    leaves(
      'mountPath',
      'mountPropagation',
      'name',
      'readOnly',
      'recursiveReadOnly',
      'subPath',
      'subPathExpr',
    ),
  ),
};

const VOLUME: Shape = leaves(
  'name',
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'gitRepo',
  'glusterfs',
  'hostPath',
  'image',
  'iscsi',
  'nfs',
  'persistentVolumeClaim',
  'photonPersistentDisk',
  'portworxVolume',
  'projected',
  'quobyte',
  'rbd',
  'scaleIO',
  'secret',
  'storageos',
  'vsphereVolume',
);

export const POD_SPEC: Shape = {
  ...leaves(
    'activeDeadlineSeconds',
    'affinity',
    'automountServiceAccountToken',
    'dnsConfig',
    'dnsPolicy',
    'enableServiceLinks',
    'hostAliases',
    'hostIPC',
    'hostNetwork',
    'hostPID',
    'hostUsers',
    'hostname',
    'imagePullSecrets',
    'nodeName',
    'os',
    'overhead',
    'preemptionPolicy',
    'priority',
    'priorityClassName',
    'readinessGates',
    'resourceClaims',
    'resources',
    'restartPolicy',
    'runtimeClassName',
    'schedulerName',
    'schedulingGates',
    'securityContext',
    'serviceAccount',
    'serviceAccountName',
    'setHostnameAsFQDN',
    'shareProcessNamespace',
    'subdomain',
    'terminationGracePeriodSeconds',
    'topologySpreadConstraints',
  ),
  containers: list(CONTAINER),
  initContainers: list(CONTAINER),
  ephemeralContainers: list({ ...(CONTAINER as Record<string, Shape>), targetContainerName: ANY }),
  nodeSelector: map(),
  tolerations: list(leaves('effect', 'key', 'operator', 'tolerationSeconds', 'value')),
  volumes: list(VOLUME),
};

export const POD_TEMPLATE: Shape = { metadata: OBJECT_META, spec: POD_SPEC };
