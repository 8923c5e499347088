/** Fabricated graph pieces for unit tests, shaped like the server's output. */
import type {
  EdgeKind,
  EdgeState,
  ExternalNode,
  Graph,
  GraphEdge,
  IngressNode,
  LoadBalancerNode,
  NodeId,
  NodePortNode,
  PodNode,
  PortMapping,
  ServiceNode,
} from '@portolan/topology';

export const EXTERNAL: ExternalNode = {
  id: 'external:clients',
  kind: 'external',
  label: 'External clients',
  health: 'ok',
};

export function lb(ns: string, name: string, ip?: string): LoadBalancerNode {
  return {
    id: `lb:${ns}/${name}`,
    kind: 'loadbalancer',
    label: name,
    namespace: ns,
    name,
    health: ip ? 'ok' : 'pending',
    service: name,
    ingress: ip ? [{ ip }] : [],
    pending: !ip,
    ports: [{ port: 80, protocol: 'TCP', nodePort: 30080, targetPort: 8080 }],
    sourceRanges: [],
  };
}

export function np(ns: string, name: string, nodePort: number): NodePortNode {
  return {
    id: `np:${ns}/${name}`,
    kind: 'nodeport',
    label: name,
    namespace: ns,
    name,
    health: 'ok',
    service: name,
    ports: [{ port: 80, protocol: 'TCP', nodePort, targetPort: 8080 }],
    externalTrafficPolicy: 'Cluster',
    targets: [
      { node: 'node-1', addresses: ['172.18.0.2'], accepts: true },
      { node: 'node-2', addresses: ['172.18.0.3'], accepts: true },
    ],
  };
}

export function svc(ns: string, name: string, extra: Partial<ServiceNode> = {}): ServiceNode {
  return {
    id: `svc:${ns}/${name}`,
    kind: 'service',
    label: name,
    namespace: ns,
    name,
    health: 'ok',
    serviceType: 'ClusterIP',
    clusterIPs: ['10.96.0.10'],
    headless: false,
    selector: { app: name },
    ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
    dnsNames: [`${name}.${ns}.svc.cluster.local`],
    envVars: [`${name.toUpperCase()}_SERVICE_HOST`],
    endpointCounts: { ready: 1, notReady: 0, terminating: 0 },
    ...extra,
  };
}

export function pod(ns: string, name: string, extra: Partial<PodNode> = {}): PodNode {
  return {
    id: `pod:${ns}/${name}`,
    kind: 'pod',
    label: name,
    namespace: ns,
    name,
    health: 'ok',
    podIPs: ['10.244.1.5'],
    nodeName: 'node-1',
    phase: 'Running',
    ready: true,
    terminating: false,
    labels: {},
    ...extra,
  };
}

export function ingress(ns: string, name: string): IngressNode {
  return {
    id: `ing:${ns}/${name}`,
    kind: 'ingress',
    label: name,
    namespace: ns,
    name,
    health: 'ok',
    addresses: [{ ip: '192.0.2.20' }],
    tlsHosts: [],
    rules: [],
  };
}

export function edge(
  kind: EdgeKind,
  source: NodeId,
  target: NodeId,
  ports: PortMapping[] = [],
  state: EdgeState = 'route',
): GraphEdge {
  return { id: `${source}->${target}`, kind, source, target, ports, state };
}

export const tcp = (from: number, to: number): PortMapping => ({ from, to, protocol: 'TCP' });

/** A service with its pods and endpoint edges. */
export function serviceWithPods(ns: string, name: string, podNames: string[]): Graph {
  const s = svc(ns, name);
  const pods = podNames.map((p) => pod(ns, p));
  return {
    revision: 1,
    nodes: [s, ...pods],
    edges: pods.map((p) => edge('endpoint', s.id, p.id, [tcp(80, 8080)], 'ready')),
    findings: [],
  };
}

export function mergeGraphs(...graphs: Graph[]): Graph {
  return {
    revision: Math.max(...graphs.map((g) => g.revision)),
    nodes: graphs.flatMap((g) => g.nodes),
    edges: graphs.flatMap((g) => g.edges),
    findings: graphs.flatMap((g) => g.findings),
  };
}
