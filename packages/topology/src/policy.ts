/**
 * NetworkPolicy verdicts on the graph: for each endpoint edge (Service ->
 * pod), whether the sources the Service exists for can reach the pod on the
 * ports the edge carries, and why. Sources:
 * - external clients of a LoadBalancer / NodePort / externalIP: with
 *   externalTrafficPolicy Cluster the pod sees a node IP (SNAT), so each
 *   node's InternalIP is a source (the pod's own node is always allowed);
 *   with Local it sees the client's IP, represented by 198.51.100.1 (an
 *   address from TEST-NET-2: "some client on the internet");
 * - for Services behind an Ingress, the ingress controller's pods;
 * - in-cluster pods: which of them the pod's ingress policies admit on the
 *   edge's ports (all, some, none), since any pod may be a client of a
 *   Service (the connectivity queries answer for a given pair).
 */
import type { EdgePolicy, PolicyStatus, PortMapping, SourceVerdict } from './graph.js';
import { verdictText } from './netpol/explain.js';
import { ipPeer, podPeer } from './netpol/peers.js';
import { summarizePorts } from './netpol/summary.js';
import type { Peer } from './netpol/types.js';
import { inClusterAdmission } from './netpol/admission.js';
import type { SlimPod, SlimService } from './objects.js';
import { objectKey } from './objects.js';
import type { ObjectStore } from './store.js';

export const EXAMPLE_EXTERNAL_CLIENT = '198.51.100.1';
export const IN_CLUSTER_SOURCE = 'in-cluster pods';
const MAX_NODE_SOURCES = 20;

export interface TrafficSource {
  source: string;
  peers: Peer[];
}

export function trafficSources(
  store: ObjectStore,
  svc: SlimService,
  exposed: boolean,
  behindIngress: boolean,
): TrafficSource[] {
  const out: TrafficSource[] = [];
  if (exposed) {
    if (svc.spec.externalTrafficPolicy === 'Local') {
      out.push({
        source: `external clients (source IP kept, e.g. ${EXAMPLE_EXTERNAL_CLIENT})`,
        peers: [ipPeer(EXAMPLE_EXTERNAL_CLIENT)],
      });
    } else {
      const peers: Peer[] = [];
      for (const n of store.nodes.values()) {
        const ip = n.status.addresses.find((a) => a.type === 'InternalIP')?.address;
        if (ip) peers.push(ipPeer(ip, n.metadata.name));
        if (peers.length >= MAX_NODE_SOURCES) break;
      }
      out.push({
        source: 'external clients, SNATed to node IPs (externalTrafficPolicy: Cluster)',
        peers,
      });
    }
  }
  if (behindIngress) {
    // Per Ingress: the pods behind the LoadBalancer Service whose address the
    // Ingress shows (the controller publishes it), else pods that look like a
    // controller (ingress-nginx, Traefik, ... labels).
    const pods = new Map<string, SlimPod>();
    for (const ingKey of store.ingressesOf(objectKey(svc))) {
      const ing = store.ingresses.get(ingKey);
      if (!ing) continue;
      const found = store.ingressControllerPodsFor(ing);
      if (found) for (const p of found) pods.set(objectKey(p), p);
      else
        for (const key of store.ingressControllerPods) {
          const p = store.pods.get(key);
          if (p) pods.set(key, p);
        }
    }
    const peers: Peer[] = [...pods.keys()]
      .sort()
      .map((k) => pods.get(k) as SlimPod)
      .map((pod) => podPeer(pod, store.view.namespaceLabels(pod.metadata.namespace ?? 'default')));
    out.push({
      source: peers.length
        ? 'the ingress controller'
        : 'the ingress controller (no controller pod found in the cluster)',
      peers,
    });
  }
  return out;
}

function combine(statuses: PolicyStatus[]): PolicyStatus {
  if (statuses.length === 0 || statuses.includes('unknown')) return 'unknown';
  if (statuses.every((s) => s === 'allowed')) return 'allowed';
  if (statuses.every((s) => s === 'denied')) return 'denied';
  return 'partly-allowed';
}

/** The verdict of one endpoint edge, or undefined when no policy exists anywhere. */
export function endpointPolicy(
  store: ObjectStore,
  pod: SlimPod,
  ports: readonly PortMapping[],
  sources: readonly TrafficSource[],
): EdgePolicy | undefined {
  if (store.policyIndex.size === 0) return undefined;
  const dst = podPeer(pod, store.view.namespaceLabels(pod.metadata.namespace ?? 'default'));
  const targets = ports.flatMap((m) =>
    typeof m.to === 'number' ? [{ port: m.to, protocol: m.protocol }] : [],
  );
  const verdicts: SourceVerdict[] = sources.map((s) => {
    if (s.peers.length === 0 || targets.length === 0) {
      return {
        source: s.source,
        status: 'unknown',
        reason: 'No source to evaluate.',
        allowed: [],
        denied: [],
      };
    }
    const allowed = new Set<string>();
    const denied = new Set<string>();
    const statuses: PolicyStatus[] = [];
    let reason = '';
    for (const peer of s.peers) {
      const summary = summarizePorts(store.policyIndex, peer, dst, targets);
      statuses.push(summary.status);
      for (const p of summary.allowed) allowed.add(`${p.port}/${p.protocol}`);
      for (const p of summary.denied) denied.add(`${p.port}/${p.protocol}`);
      const telling = summary.verdicts.find((v) => v.verdict === 'denied') ?? summary.verdicts[0];
      if (telling && (!reason || telling.verdict === 'denied'))
        reason = `${peer.kind === 'ip' ? `From ${peer.ip}${peer.nodeName ? ` (node ${peer.nodeName})` : ''}` : `From pod ${peer.pod.metadata.namespace}/${peer.pod.metadata.name}`}: ${verdictText(telling)}`;
    }
    return {
      source: s.source,
      status: combine(statuses),
      reason,
      allowed: [...allowed].sort(),
      denied: [...denied].sort(),
    };
  });
  if (targets.length > 0)
    verdicts.push({
      source: IN_CLUSTER_SOURCE,
      ...inClusterAdmission(store.policyIndex, pod, targets),
    });
  if (verdicts.length === 0) return undefined;
  return { status: combine(verdicts.map((v) => v.status)), sources: verdicts };
}
