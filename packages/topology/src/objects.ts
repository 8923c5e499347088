/**
 * Slim Kubernetes objects: the Kubernetes shape (metadata / spec / status),
 * pruned to the fields the topology reads. Everything that enters the core,
 * from an informer or from a YAML fixture, goes through `slim()` first, so
 * managedFields, last-applied-configuration and everything we do not draw is
 * never held, and Secrets are never accepted at all.
 */

export type Labels = Readonly<Record<string, string>>;

export interface OwnerRef {
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
}

export interface SlimMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Labels;
  /** Only annotations that mean something for traffic; never last-applied-configuration. */
  annotations?: Labels;
  ownerReferences?: OwnerRef[];
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: LabelSelectorRequirement[];
}

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
}

export interface SlimNamespace {
  kind: 'Namespace';
  metadata: SlimMeta;
  status?: { phase?: string };
}

export interface NodeAddress {
  type: string; // InternalIP, ExternalIP, Hostname, ...
  address: string;
}

export interface SlimNode {
  kind: 'Node';
  metadata: SlimMeta;
  spec: { podCIDRs?: string[]; unschedulable?: boolean };
  status: { addresses: NodeAddress[]; ready: boolean | null };
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol: Protocol;
}

export interface SlimContainer {
  name: string;
  ports: ContainerPort[];
}

export interface SlimPod {
  kind: 'Pod';
  metadata: SlimMeta;
  spec: { nodeName?: string; hostNetwork?: boolean; containers: SlimContainer[] };
  status: {
    phase: string;
    podIPs: string[];
    /** The Ready condition: true, false, or null when the kubelet has not said. */
    ready: boolean | null;
  };
}

export interface ServicePort {
  name?: string;
  protocol: Protocol;
  appProtocol?: string;
  port: number;
  /** A number or a container port name; defaulted to `port` by slim(). */
  targetPort: number | string;
  nodePort?: number;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface SlimService {
  kind: 'Service';
  metadata: SlimMeta;
  spec: {
    /** As written, including wrong case; the graph treats unknown types as ClusterIP and raises a finding. */
    type: string;
    /** null when the Service has no selector (manual EndpointSlices). */
    selector: Labels | null;
    clusterIP?: string;
    clusterIPs: string[];
    ports: ServicePort[];
    externalIPs: string[];
    externalName?: string;
    externalTrafficPolicy?: string;
    internalTrafficPolicy?: string;
    sessionAffinity?: string;
    loadBalancerSourceRanges: string[];
    allocateLoadBalancerNodePorts?: boolean;
    publishNotReadyAddresses?: boolean;
    ipFamilies: string[];
  };
  status: { loadBalancer: { ingress: LoadBalancerIngress[] } };
}

export interface EndpointConditions {
  ready?: boolean | null;
  serving?: boolean | null;
  terminating?: boolean | null;
}

export interface ObjectRefLite {
  kind?: string;
  name: string;
  namespace?: string;
  uid?: string;
}

export interface Endpoint {
  addresses: string[];
  conditions: EndpointConditions;
  targetRef?: ObjectRefLite;
  nodeName?: string;
  zone?: string;
  hostname?: string;
}

export interface EndpointPort {
  name?: string;
  port?: number;
  protocol: Protocol;
  appProtocol?: string;
}

export interface SlimEndpointSlice {
  kind: 'EndpointSlice';
  metadata: SlimMeta;
  /** The owning Service, from the `kubernetes.io/service-name` label. */
  serviceName?: string;
  addressType: string;
  endpoints: Endpoint[];
  ports: EndpointPort[];
}

export interface IngressServiceBackend {
  service?: { name: string; port: { number?: number; name?: string } };
  resource?: { apiGroup?: string; kind: string; name: string };
}

export interface IngressPath {
  path?: string;
  pathType: string;
  backend: IngressServiceBackend;
}

export interface IngressRule {
  host?: string;
  paths: IngressPath[];
}

export interface SlimIngress {
  kind: 'Ingress';
  metadata: SlimMeta;
  spec: {
    ingressClassName?: string;
    defaultBackend?: IngressServiceBackend;
    rules: IngressRule[];
    tls: { hosts: string[]; secretName?: string }[];
  };
  status: { loadBalancer: { ingress: LoadBalancerIngress[] } };
}

/** The annotation that makes an IngressClass the default for Ingresses naming none. */
export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

export interface SlimIngressClass {
  kind: 'IngressClass';
  metadata: SlimMeta;
  /** The controller that implements the class, e.g. `k8s.io/ingress-nginx`. */
  spec: { controller?: string };
}

export interface NetworkPolicyPort {
  protocol: Protocol;
  port?: number | string;
  endPort?: number;
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface NetworkPolicyRule {
  peers?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export interface SlimNetworkPolicy {
  kind: 'NetworkPolicy';
  metadata: SlimMeta;
  spec: {
    podSelector: LabelSelector;
    /** Defaulted as the API server does: Ingress, plus Egress when egress rules exist. */
    policyTypes: ('Ingress' | 'Egress')[];
    ingress: NetworkPolicyRule[];
    egress: NetworkPolicyRule[];
  };
}

export type SlimObject =
  | SlimNamespace
  | SlimNode
  | SlimPod
  | SlimService
  | SlimEndpointSlice
  | SlimIngress
  | SlimIngressClass
  | SlimNetworkPolicy;

export type WatchedKind = SlimObject['kind'];

export const WATCHED_KINDS: readonly WatchedKind[] = [
  'Namespace',
  'Node',
  'Pod',
  'Service',
  'EndpointSlice',
  'Ingress',
  'IngressClass',
  'NetworkPolicy',
];

/** `namespace/name`, or `name` for cluster-scoped objects: an object's identity (not its UID). */
export function objectKey(obj: { metadata: { name: string; namespace?: string } }): string {
  const { name, namespace } = obj.metadata;
  return namespace ? `${namespace}/${name}` : name;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface ObjectEvent {
  type: WatchEventType;
  object: SlimObject;
}
