/**
 * Namespace groups at cluster scale: when the map spans more than
 * NS_GROUP_MIN_NAMESPACES namespaces and more than NS_GROUP_MIN_CARDS cards
 * (after pod grouping), and the user has not narrowed the view (namespace
 * filter, search, focus, findings only, policy verdict), each namespace's
 * Services, entry points and pods fold into one card with counts. A
 * namespace the user expanded, or that holds the selection, stays open.
 * Pure, like aggregate.ts; shared by the layout and the view pipeline.
 */
import type {
  EdgeId,
  Finding,
  GraphEdge,
  GraphNode,
  NodeId,
  PortMapping,
} from '@portolan/topology';
import { podReadiness } from '../model/node-summary.js';
import {
  NS_GROUP_MIN_CARDS,
  NS_GROUP_MIN_NAMESPACES,
  type CollapsePlan,
  EMPTY_PLAN,
} from './aggregate.js';

export interface NamespaceGroup {
  id: NodeId;
  namespace: string;
  /** Services by type (`ClusterIP`, `NodePort`, `LoadBalancer`, `ExternalName`; `Headless`). */
  services: Record<string, number>;
  serviceCount: number;
  entries: { loadbalancer: number; nodeport: number; ingress: number; externalip: number };
  pods: { ready: number; notReady: number; terminating: number; pending: number };
  findings: { error: number; warning: number; info: number };
  /** Something in it is reachable from outside (LoadBalancer, NodePort, Ingress, externalIP). */
  exposed: boolean;
  /** Client edges from outside into it, merged per source: their ports, de-duplicated. */
  clients: { source: NodeId; ports: PortMapping[]; count: number }[];
  /** A Service to bring into view when the namespace is expanded. */
  firstService: NodeId | undefined;
}

export interface NamespacePlan {
  groups: NamespaceGroup[];
  /** Nodes drawn only inside a namespace group. */
  hidden: ReadonlySet<NodeId>;
  /** The collapsed namespaces, sorted and joined: changes when the layout must start afresh. */
  key: string;
}

export const EMPTY_NS_PLAN: NamespacePlan = { groups: [], hidden: new Set(), key: '' };

export const nsGroupIdOf = (namespace: string): NodeId => `nsgroup:${namespace}`;

export function nsGroupAccessibleName(g: NamespaceGroup): string {
  return `Namespace ${g.namespace}`;
}

const TYPE_RANK: Readonly<Record<string, number>> = { LoadBalancer: 0, NodePort: 2, ClusterIP: 3 };

export interface NamespaceLimits {
  namespaces: number;
  cards: number;
}

const LIMITS: NamespaceLimits = { namespaces: NS_GROUP_MIN_NAMESPACES, cards: NS_GROUP_MIN_CARDS };

/**
 * @param open namespaces that stay expanded (expanded by the user, or holding the selection)
 * @param narrowed the user narrowed the view: nothing collapses
 */
export function planNamespaceCollapse(
  nodes: ReadonlyMap<NodeId, GraphNode>,
  edges: ReadonlyMap<EdgeId, GraphEdge>,
  findings: ReadonlyMap<string, Finding>,
  podPlan: CollapsePlan = EMPTY_PLAN,
  open: ReadonlySet<string> = new Set(),
  narrowed = false,
  limits: NamespaceLimits = LIMITS,
): NamespacePlan {
  if (narrowed) return EMPTY_NS_PLAN;
  const cards = nodes.size - podPlan.hidden.size + podPlan.groups.length;
  if (cards <= limits.cards) return EMPTY_NS_PLAN;
  const namespaces = new Set<string>();
  for (const n of nodes.values()) if (n.namespace !== undefined) namespaces.add(n.namespace);
  if (namespaces.size <= limits.namespaces) return EMPTY_NS_PLAN;

  const groups = new Map<string, NamespaceGroup>();
  for (const ns of [...namespaces].sort()) {
    if (open.has(ns)) continue;
    groups.set(ns, {
      id: nsGroupIdOf(ns),
      namespace: ns,
      services: {},
      serviceCount: 0,
      entries: { loadbalancer: 0, nodeport: 0, ingress: 0, externalip: 0 },
      pods: { ready: 0, notReady: 0, terminating: 0, pending: 0 },
      findings: { error: 0, warning: 0, info: 0 },
      exposed: false,
      clients: [],
      firstService: undefined,
    });
  }
  if (groups.size === 0) return EMPTY_NS_PLAN;

  const hidden = new Set<NodeId>();
  const firstName = new Map<string, string>();
  for (const n of nodes.values()) {
    const g = n.namespace === undefined ? undefined : groups.get(n.namespace);
    if (!g) continue;
    hidden.add(n.id);
    switch (n.kind) {
      case 'service': {
        const type = n.headless ? 'Headless' : n.serviceType;
        g.services[type] = (g.services[type] ?? 0) + 1;
        g.serviceCount++;
        // The Service to reveal on expanding: the most exposed (its band comes first), then by name.
        const rank = `${TYPE_RANK[n.serviceType] ?? 4}${n.headless ? 4 : 0}\u0000${n.name ?? n.label}`;
        const best = firstName.get(g.namespace);
        if (best === undefined || rank < best) {
          firstName.set(g.namespace, rank);
          g.firstService = n.id;
        }
        break;
      }
      case 'pod': {
        const r = podReadiness(n);
        if (r === 'ready') g.pods.ready++;
        else if (r === 'not-ready') g.pods.notReady++;
        else if (r === 'terminating') g.pods.terminating++;
        else g.pods.pending++;
        break;
      }
      case 'loadbalancer':
      case 'nodeport':
      case 'ingress':
      case 'externalip':
        g.entries[n.kind]++;
        g.exposed = true;
        break;
      default:
        break;
    }
  }

  // Edges: clients from outside into a folded namespace; bare addresses only folded Services reach.
  const clients = new Map<
    string,
    { source: NodeId; ports: Map<string, PortMapping>; count: number }
  >();
  const addressSeen = new Map<NodeId, boolean>();
  for (const e of edges.values()) {
    const targetHidden = hidden.has(e.target);
    if (targetHidden && !hidden.has(e.source)) {
      const source = nodes.get(e.source);
      const target = nodes.get(e.target);
      if (source?.kind === 'external' && target?.namespace !== undefined) {
        const key = `${e.source}\u0000${target.namespace}`;
        let c = clients.get(key);
        if (!c) {
          c = { source: e.source, ports: new Map(), count: 0 };
          clients.set(key, c);
        }
        c.count++;
        for (const m of e.ports) c.ports.set(`${m.from}>${m.to}/${m.protocol}`, m);
      }
    }
    if (!targetHidden) {
      const t = nodes.get(e.target);
      if (t && t.namespace === undefined && t.kind === 'address') {
        const allFolded = hidden.has(e.source) && (addressSeen.get(e.target) ?? true);
        addressSeen.set(e.target, allFolded);
      }
    }
  }
  for (const [id, folded] of addressSeen) if (folded) hidden.add(id);
  for (const [key, c] of clients) {
    const g = groups.get(key.slice(key.indexOf('\u0000') + 1));
    if (!g) continue;
    g.clients.push({ source: c.source, ports: [...c.ports.values()], count: c.count });
  }

  for (const f of findings.values()) {
    const seen = new Set<string>();
    for (const id of f.nodeIds) {
      const ns = nodes.get(id)?.namespace;
      if (ns === undefined || seen.has(ns)) continue;
      seen.add(ns);
      const g = groups.get(ns);
      if (g) g.findings[f.severity]++;
    }
  }
  const list = [...groups.values()];
  return { groups: list, hidden, key: list.map((g) => g.namespace).join('\u0000') };
}

/** The namespace a selection (node, pod group or edge id) lies in, if any. */
export function selectionNamespace(
  selection: NodeId | null,
  nodes: ReadonlyMap<NodeId, GraphNode>,
  edges: ReadonlyMap<EdgeId, GraphEdge>,
): string | undefined {
  if (selection === null) return undefined;
  const node = nodes.get(selection);
  if (node) return node.namespace;
  if (selection.startsWith('podgroup:')) return selection.slice(9).split('/')[0];
  const edge = edges.get(selection as string as EdgeId);
  if (edge) return nodes.get(edge.target)?.namespace ?? nodes.get(edge.source)?.namespace;
  return undefined;
}

/**
 * The edge an external source draws to a folded namespace: its ports when
 * they are few, else how many entry points and ports it stands for.
 */
export function nsGroupEdge(g: NamespaceGroup, c: NamespaceGroup['clients'][number]): GraphEdge {
  const few = c.ports.length <= 2;
  const points = `${c.count} entry point${c.count === 1 ? '' : 's'}`;
  return {
    id: `${c.source}->${g.id}`,
    kind: 'client',
    source: c.source,
    target: g.id,
    ports: few ? c.ports : [],
    state: 'route',
    label: few ? points : `${points}, ${c.ports.length} ports`,
  };
}

/** The counts in words, one line each; state never rides on colour alone. */
export function nsGroupLines(g: NamespaceGroup): {
  services: string;
  types: string;
  pods: string;
  findings: string;
} {
  const types = Object.entries(g.services)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([t, n]) => `${n} ${t}`)
    .join(' · ');
  const services = `${g.serviceCount} Service${g.serviceCount === 1 ? '' : 's'}`;
  const p = g.pods;
  const total = p.ready + p.notReady + p.terminating + p.pending;
  const podParts = [`✓ ${p.ready} ready`];
  if (p.notReady > 0) podParts.push(`✗ ${p.notReady} not ready`);
  if (p.terminating > 0) podParts.push(`⊘ ${p.terminating} terminating`);
  if (p.pending > 0) podParts.push(`◔ ${p.pending} pending`);
  const pods =
    total === 0 ? 'no pods' : `${total} pod${total === 1 ? '' : 's'}: ${podParts.join(' · ')}`;
  const f = g.findings;
  const fParts: string[] = [];
  if (f.error > 0) fParts.push(`⛔ ${f.error} error${f.error === 1 ? '' : 's'}`);
  if (f.warning > 0) fParts.push(`⚠ ${f.warning} warning${f.warning === 1 ? '' : 's'}`);
  if (f.info > 0) fParts.push(`ℹ ${f.info} info`);
  return {
    services,
    types,
    pods,
    findings: fParts.length > 0 ? fParts.join(' · ') : 'no findings',
  };
}

/** Entry points in words (`10 LoadBalancer · 2 Ingress`), or `not exposed`. */
export function nsGroupEntriesText(g: NamespaceGroup): string {
  const e = g.entries;
  const parts: string[] = [];
  if (e.loadbalancer > 0) parts.push(`${e.loadbalancer} LoadBalancer`);
  if (e.externalip > 0) parts.push(`${e.externalip} ExternalIP`);
  if (e.ingress > 0) parts.push(`${e.ingress} Ingress`);
  if (e.nodeport > 0) parts.push(`${e.nodeport} NodePort`);
  return parts.length > 0 ? `exposed: ${parts.join(' · ')}` : 'not exposed';
}
