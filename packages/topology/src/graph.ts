/**
 * The traffic graph: plain JSON, shared by server and web. Presentation is
 * chosen at render time from `kind`; nothing here knows React or layout.
 *
 * Ids are readable: `<kind>:<namespace>/<name>` plus a suffix where one
 * object yields several nodes (see ids.ts). The UID is an attribute.
 */
import type { Labels, LoadBalancerIngress, Protocol } from './objects.js';

export type NodeId = string & { readonly __brand?: 'NodeId' };
export type EdgeId = string & { readonly __brand?: 'EdgeId' };

/**
 * Node kinds (documented in the README):
 * - external:     clients outside the cluster (one node)
 * - loadbalancer: a LoadBalancer Service's external entry (its ingress IPs/hostnames, or pending)
 * - ingress:      an Ingress object: controller address -> host/path rules
 * - externalip:   a Service's spec.externalIPs entry point
 * - nodeport:     a Service's nodePort(s), open on every node's IPs
 * - service:      a Service's cluster-internal address (clusterIP, headless, or ExternalName)
 * - pod:          a Pod, with readiness
 * - address:      an endpoint address that is not a known Pod (manual EndpointSlices, FQDN, external name)
 */
export type NodeKind =
  | 'external'
  | 'loadbalancer'
  | 'ingress'
  | 'externalip'
  | 'nodeport'
  | 'service'
  | 'pod'
  | 'address';

/** The kind word used in accessible names, the inspector and path text. */
export const KIND_TITLE: Readonly<Record<NodeKind, string>> = {
  external: 'External',
  loadbalancer: 'LoadBalancer',
  ingress: 'Ingress',
  externalip: 'ExternalIP',
  nodeport: 'NodePort',
  service: 'Service',
  pod: 'Pod',
  address: 'Address',
};

/** Left-to-right lanes the web app draws. */
export type Lane = 'external' | 'entry' | 'nodeport' | 'service' | 'pod';

export const LANES: readonly Lane[] = ['external', 'entry', 'nodeport', 'service', 'pod'];

export const LANE_OF: Readonly<Record<NodeKind, Lane>> = {
  external: 'external',
  loadbalancer: 'entry',
  ingress: 'entry',
  externalip: 'entry',
  nodeport: 'nodeport',
  service: 'service',
  pod: 'pod',
  address: 'pod',
};

/** ok: carries traffic; warning: degraded; error: broken; pending: waiting on a controller; unknown: we cannot tell. */
export type Health = 'ok' | 'warning' | 'error' | 'pending' | 'unknown';

export interface NodePortTarget {
  node: string;
  addresses: string[];
  /** false with externalTrafficPolicy: Local on a node without a local ready endpoint. */
  accepts: boolean;
}

export interface PortSummary {
  name?: string;
  port: number;
  protocol: Protocol;
  targetPort?: number | string;
  nodePort?: number;
  appProtocol?: string;
}

interface NodeBase {
  id: NodeId;
  kind: NodeKind;
  /** Short text for the canvas. */
  label: string;
  namespace?: string;
  name?: string;
  health: Health;
}

export interface ExternalNode extends NodeBase {
  kind: 'external';
}

export interface LoadBalancerNode extends NodeBase {
  kind: 'loadbalancer';
  service: string;
  ingress: LoadBalancerIngress[];
  pending: boolean;
  ports: PortSummary[];
  sourceRanges: string[];
}

export interface IngressNode extends NodeBase {
  kind: 'ingress';
  /** The class it names, or the cluster's default class when it names none. */
  ingressClassName?: string;
  /** That class's controller (spec.controller), when the IngressClass exists. */
  ingressController?: string;
  /** True when the class came from the default IngressClass. */
  defaultClass?: boolean;
  /** True when spec.ingressClassName names an IngressClass that does not exist. */
  classMissing?: boolean;
  addresses: LoadBalancerIngress[];
  tlsHosts: string[];
  rules: { host: string; path: string; pathType: string; backend: string }[];
}

export interface ExternalIpNode extends NodeBase {
  kind: 'externalip';
  service: string;
  address: string;
  ports: PortSummary[];
}

export interface NodePortNode extends NodeBase {
  kind: 'nodeport';
  service: string;
  ports: PortSummary[];
  externalTrafficPolicy: string;
  targets: NodePortTarget[];
}

export interface ServiceNode extends NodeBase {
  kind: 'service';
  serviceType: string;
  clusterIPs: string[];
  headless: boolean;
  externalName?: string;
  selector: Labels | null;
  ports: PortSummary[];
  dnsNames: string[];
  /** Headless only: the A/AAAA records DNS returns (ready endpoint addresses). */
  dnsRecords?: string[];
  /** Environment variables pods created after the Service get, in its namespace. */
  envVars: string[];
  sessionAffinity?: string;
  internalTrafficPolicy?: string;
  /** With internalTrafficPolicy: Local, the nodes whose pods get an answer (a ready endpoint there). */
  localEndpointNodes?: string[];
  endpointCounts: { ready: number; notReady: number; terminating: number };
  uid?: string;
}

export interface PodNode extends NodeBase {
  kind: 'pod';
  podIPs: string[];
  nodeName?: string;
  phase: string;
  ready: boolean | null;
  terminating: boolean;
  labels: Labels;
  owner?: string;
  uid?: string;
  /** Present when NetworkPolicies isolate the pod: the policies (`ns/name`) per direction. */
  isolation?: { ingress: string[]; egress: string[] };
}

export interface AddressNode extends NodeBase {
  kind: 'address';
  address: string;
  addressType: string;
}

export type GraphNode =
  | ExternalNode
  | LoadBalancerNode
  | IngressNode
  | ExternalIpNode
  | NodePortNode
  | ServiceNode
  | PodNode
  | AddressNode;

/** One port mapping an edge performs: `80 -> 30007`, `80 -> 8080/TCP`. */
export interface PortMapping {
  from: number | string;
  to: number | string;
  protocol: Protocol;
  name?: string;
}

/**
 * ready: the endpoint takes new traffic; not-ready: it does not;
 * terminating: draining (serving but leaving); dropped: the hop drops traffic
 * (e.g. externalTrafficPolicy Local without a local endpoint); route: an
 * edge that is not an endpoint (entry -> service), always carries traffic.
 */
export type EdgeState = 'route' | 'ready' | 'not-ready' | 'terminating' | 'dropped' | 'unknown';

export type PolicyStatus = 'allowed' | 'denied' | 'partly-allowed' | 'unknown';

/** What NetworkPolicies say about one class of sources reaching the target over this edge's ports. */
export interface SourceVerdict {
  /** e.g. `external clients, SNATed to node IPs`, `ingress controller ingress-nginx/ingress-nginx-controller-1`. */
  source: string;
  status: PolicyStatus;
  /** Sentences: which policies isolate which side, and which rule allowed it, or that none did. */
  reason: string;
  /** Ports (as `8080/TCP`) allowed and denied. */
  allowed: string[];
  denied: string[];
}

/** The NetworkPolicy verdict of an edge, over the sources the Service exists for. */
export interface EdgePolicy {
  status: PolicyStatus;
  sources: SourceVerdict[];
}

export type EdgeKind =
  | 'client' // external -> entry point / nodeport
  | 'lb-nodeport' // loadbalancer -> nodeport
  | 'to-service' // nodeport / externalip / loadbalancer / ingress -> service
  | 'endpoint'; // service -> pod / address

export interface GraphEdge {
  id: EdgeId;
  kind: EdgeKind;
  source: NodeId;
  target: NodeId;
  ports: PortMapping[];
  state: EdgeState;
  /** Extra text for the edge, e.g. an Ingress rule `shop.example.com/api`. */
  label?: string;
  /** NetworkPolicy verdict, on endpoint edges when any policy could apply. */
  policy?: EdgePolicy;
}

export type Severity = 'error' | 'warning' | 'info';

export interface FindingObject {
  kind: string;
  namespace?: string;
  name: string;
}

export interface Finding {
  id: string;
  code: string;
  severity: Severity;
  message: string;
  objects: FindingObject[];
  nodeIds: NodeId[];
}

export interface Graph {
  revision: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  findings: Finding[];
}

/** A patch from one revision to the next. Upserts replace whole nodes/edges/findings. */
export interface GraphDelta {
  fromRevision: number;
  revision: number;
  upsertNodes: GraphNode[];
  removeNodes: NodeId[];
  upsertEdges: GraphEdge[];
  removeEdges: EdgeId[];
  upsertFindings: Finding[];
  removeFindings: string[];
}

export function isEmptyDelta(d: GraphDelta): boolean {
  return (
    d.upsertNodes.length === 0 &&
    d.removeNodes.length === 0 &&
    d.upsertEdges.length === 0 &&
    d.removeEdges.length === 0 &&
    d.upsertFindings.length === 0 &&
    d.removeFindings.length === 0
  );
}

/** `80 -> 8080/TCP`; on a client edge (nothing is translated yet) just `80/TCP`. */
export function portMappingText(m: PortMapping, edgeKind?: EdgeKind): string {
  if (edgeKind === 'client') return `${m.to}/${m.protocol}`;
  return `${m.from} -> ${m.to}/${m.protocol}`;
}
