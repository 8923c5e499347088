/**
 * Which band each node belongs to. A Service, its LoadBalancer, NodePort and
 * ExternalIP nodes share the band named after the Service; a pod (or address)
 * joins the band of the most exposed Service that has it as an endpoint (a
 * pod behind both `frontend` and `frontend-external` sits with the
 * LoadBalancer one; ties by name); an Ingress joins the band of the first
 * Service (by name) it routes to. Pods no
 * Service selects go last in their namespace.
 */
import { LANE_OF, LANES, type EdgeKind, type NodeId, type NodeKind } from '@portolan/topology';
import { objectName } from '../model/a11y.js';
import {
  bandExposure,
  compareRanks,
  namespaceRank,
  type Exposure,
  type NamespaceFacts,
} from './band-order.js';

/** The parts of the graph the layout reads (a whole `Graph` fits). */
export interface LayoutNode {
  id: NodeId;
  kind: NodeKind;
  label: string;
  namespace?: string;
  name?: string;
  service?: string;
  address?: string;
  /** Services only (band order): headless, or an ExternalName. */
  headless?: boolean;
  externalName?: string;
  /** Overrides the band's exposure (a folded namespace's card). */
  exposure?: Exposure;
}

export interface LayoutEdge {
  source: NodeId;
  target: NodeId;
  kind: EdgeKind;
}

export interface LayoutGraph {
  nodes: readonly LayoutNode[];
  edges: readonly LayoutEdge[];
}

export interface LayoutMember {
  id: NodeId;
  kind: NodeKind;
  sortName: string;
}

export interface LayoutGroup {
  namespace: string;
  /** The Service's name, or UNGROUPED. */
  name: string;
  /** Sorted by lane, then kind, then name. */
  members: LayoutMember[];
  /** Band order inside the namespace (band-order.ts). */
  exposure: Exposure;
}

export const UNGROUPED = '\uffff';

const KIND_ORDER: Readonly<Record<NodeKind, number>> = {
  external: 0,
  loadbalancer: 0,
  ingress: 1,
  externalip: 2,
  nodeport: 0,
  service: 0,
  pod: 0,
  address: 1,
};

const SERVICE_OWNED = new Set<NodeKind>(['loadbalancer', 'nodeport', 'externalip', 'service']);

export function groupNodes(graph: LayoutGraph): {
  groups: LayoutGroup[];
  external: LayoutMember | undefined;
} {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const serviceOf = (id: NodeId): Candidate | undefined => {
    const n = byId.get(id);
    return n && n.kind === 'service'
      ? { id: n.id, namespace: n.namespace ?? '', name: objectName(n) }
      : undefined;
  };
  // Candidate services per pod/address (endpoint edges) and per ingress (routes).
  const candidates = new Map<NodeId, Candidate[]>();
  for (const e of graph.edges) {
    const isEndpoint = e.kind === 'endpoint';
    const isRoute = e.kind === 'to-service' && byId.get(e.source)?.kind === 'ingress';
    if (!isEndpoint && !isRoute) continue;
    const holder = isEndpoint ? e.target : e.source;
    const svc = serviceOf(isEndpoint ? e.source : e.target);
    if (svc === undefined) continue;
    const list = candidates.get(holder);
    if (list) list.push(svc);
    else candidates.set(holder, [svc]);
  }

  // How exposed each Service is, from the nodes it owns: pods sit with the most exposed.
  const routed = new Set<NodeId>();
  for (const e of graph.edges)
    if (e.kind === 'to-service' && byId.get(e.source)?.kind === 'ingress') routed.add(e.target);
  const owned = new Map<string, Set<NodeKind>>();
  for (const n of graph.nodes) {
    if (!SERVICE_OWNED.has(n.kind)) continue;
    const key = `${n.namespace ?? ''}\u0000${objectName(n)}`;
    const kinds = owned.get(key) ?? new Set<NodeKind>();
    kinds.add(n.kind);
    owned.set(key, kinds);
  }
  const exposureOf = (c: Candidate): Exposure => {
    const key = `${c.namespace}\u0000${c.name}`;
    const svcId = c.id;
    return bandExposure({
      kinds: owned.get(key) ?? new Set(),
      ingressRouted: routed.has(svcId),
      internalOnly: isInternalOnly(byId.get(svcId)),
      hasService: true,
    });
  };
  const mostExposed = (list: Candidate[] | undefined): Candidate | undefined => {
    if (!list || list.length === 0) return undefined;
    if (list.length === 1) return list[0];
    const ranked = list.map((c) => ({ c, x: exposureOf(c) }));
    return ranked.reduce((m, r) =>
      (r.x - m.x || cmp(r.c.namespace, m.c.namespace) || cmp(r.c.name, m.c.name)) < 0 ? r : m,
    ).c;
  };

  const groups = new Map<string, LayoutGroup>();
  let external: LayoutMember | undefined;
  for (const n of graph.nodes) {
    const member: LayoutMember = { id: n.id, kind: n.kind, sortName: n.address ?? objectName(n) };
    if (n.kind === 'external') {
      external = member;
      continue;
    }
    // Bare addresses have no namespace of their own: they join their Service's.
    const svc = SERVICE_OWNED.has(n.kind)
      ? undefined
      : n.kind === 'ingress'
        ? firstCandidate(candidates.get(n.id))
        : mostExposed(candidates.get(n.id));
    const namespace = n.namespace ?? svc?.namespace ?? '';
    const name = SERVICE_OWNED.has(n.kind)
      ? objectName(n)
      : (svc?.name ?? (n.kind === 'ingress' ? objectName(n) : UNGROUPED));
    const key = `${namespace}\u0000${name}`;
    let g = groups.get(key);
    if (!g) {
      g = { namespace, name, members: [], exposure: 0 };
      groups.set(key, g);
    }
    g.members.push(member);
  }

  const byNamespace = new Map<
    string,
    NamespaceFacts & { exposures: Exposure[]; bandNames: string[] }
  >();
  for (const g of groups.values()) {
    const kinds = new Set(g.members.map((m) => m.kind));
    const service = g.members.find((m) => m.kind === 'service');
    const forced = service === undefined ? undefined : byId.get(service.id)?.exposure;
    g.exposure =
      forced ??
      bandExposure({
        kinds,
        ingressRouted: service !== undefined && routed.has(service.id),
        internalOnly: service !== undefined && isInternalOnly(byId.get(service.id)),
        hasService: service !== undefined,
      });
    let ns = byNamespace.get(g.namespace);
    if (!ns) {
      ns = { namespace: g.namespace, exposures: [], bandNames: [] };
      byNamespace.set(g.namespace, ns);
    }
    ns.exposures.push(g.exposure);
    ns.bandNames.push(g.name);
  }
  const nsRank = new Map([...byNamespace].map(([k, f]) => [k, namespaceRank(f)]));
  const sorted = [...groups.values()].sort(
    (a, b) =>
      compareRanks(nsRank.get(a.namespace) ?? [], nsRank.get(b.namespace) ?? []) ||
      cmp(a.namespace, b.namespace) ||
      a.exposure - b.exposure ||
      cmp(a.name, b.name),
  );
  for (const g of sorted) g.members.sort(compareMembers);
  return { groups: sorted, external };
}

function isInternalOnly(n: LayoutNode | undefined): boolean {
  return n?.headless === true || n?.externalName !== undefined;
}

function compareMembers(a: LayoutMember, b: LayoutMember): number {
  return (
    LANES.indexOf(LANE_OF[a.kind]) - LANES.indexOf(LANE_OF[b.kind]) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    cmp(a.sortName, b.sortName) ||
    cmp(a.id, b.id)
  );
}

interface Candidate {
  id: NodeId;
  namespace: string;
  name: string;
}

function firstCandidate(list: Candidate[] | undefined): Candidate | undefined {
  if (!list || list.length === 0) return undefined;
  return list.reduce((m, c) =>
    (cmp(c.namespace, m.namespace) || cmp(c.name, m.name)) < 0 ? c : m,
  );
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
