/**
 * Aggregation at scale: a Service with more than POD_GROUP_THRESHOLD pods
 * shows one group card (counts by ready / not ready / terminating / pending)
 * instead of its pods, until the user expands it. A pod another, expanded
 * Service also reaches stays visible. The plan is pure and shared by the
 * layout (which places the group in the pod lane) and the view pipeline.
 */
import type { EdgeId, GraphEdge, GraphNode, NodeId, PortMapping } from '@portolan/topology';
import { podReadiness } from '../model/node-summary.js';

export const POD_GROUP_THRESHOLD = 12;
/**
 * Namespace groups (namespace-groups.ts): when the map spans more than
 * NS_GROUP_MIN_NAMESPACES namespaces and more than NS_GROUP_MIN_CARDS cards,
 * and the user has not narrowed the view, each namespace is one card.
 */
export const NS_GROUP_MIN_NAMESPACES = 5;
export const NS_GROUP_MIN_CARDS = 300;

export interface PodGroup {
  id: NodeId;
  serviceId: NodeId;
  namespace: string;
  /** The Service's name. */
  name: string;
  members: NodeId[];
  counts: { ready: number; notReady: number; terminating: number; pending: number };
  /** The endpoint port mappings, de-duplicated. */
  ports: PortMapping[];
}

export interface CollapsePlan {
  groups: PodGroup[];
  /** Pods drawn only inside a group. */
  hidden: ReadonlySet<NodeId>;
}

export const EMPTY_PLAN: CollapsePlan = { groups: [], hidden: new Set() };

export const groupIdOf = (serviceId: NodeId): NodeId =>
  `podgroup:${serviceId.replace(/^svc:/, '')}`;

export function planCollapse(
  nodes: ReadonlyMap<NodeId, GraphNode>,
  edges: ReadonlyMap<EdgeId, GraphEdge>,
  expanded: ReadonlySet<NodeId>,
  threshold: number = POD_GROUP_THRESHOLD,
): CollapsePlan {
  const endpoints = new Map<NodeId, GraphEdge[]>();
  for (const e of edges.values()) {
    if (e.kind !== 'endpoint' || nodes.get(e.target)?.kind !== 'pod') continue;
    const list = endpoints.get(e.source);
    if (list) list.push(e);
    else endpoints.set(e.source, [e]);
  }
  const groups: PodGroup[] = [];
  const collapsedMember = new Set<NodeId>();
  const shownMember = new Set<NodeId>();
  for (const [serviceId, list] of endpoints) {
    const svc = nodes.get(serviceId);
    if (!svc || list.length <= threshold || expanded.has(serviceId)) {
      for (const e of list) shownMember.add(e.target);
      continue;
    }
    const counts = { ready: 0, notReady: 0, terminating: 0, pending: 0 };
    const ports = new Map<string, PortMapping>();
    for (const e of list) {
      collapsedMember.add(e.target);
      const pod = nodes.get(e.target);
      const r = pod?.kind === 'pod' ? podReadiness(pod) : 'pending';
      if (r === 'ready') counts.ready++;
      else if (r === 'not-ready') counts.notReady++;
      else if (r === 'terminating') counts.terminating++;
      else counts.pending++;
      for (const m of e.ports) ports.set(`${m.from}>${m.to}/${m.protocol}`, m);
    }
    groups.push({
      id: groupIdOf(serviceId),
      serviceId,
      namespace: svc.namespace ?? '',
      name: svc.name ?? svc.label,
      members: list.map((e) => e.target),
      counts,
      ports: [...ports.values()],
    });
  }
  const hidden = new Set<NodeId>();
  for (const id of collapsedMember) if (!shownMember.has(id)) hidden.add(id);
  return { groups, hidden };
}

/** The edge a group card receives from its Service: ready when any member is. */
export function groupEdge(g: PodGroup): GraphEdge {
  const state =
    g.counts.ready > 0 ? 'ready' : g.counts.terminating > 0 ? 'terminating' : 'not-ready';
  return {
    id: `${g.serviceId}->${g.id}`,
    kind: 'endpoint',
    source: g.serviceId,
    target: g.id,
    ports: g.ports,
    state,
  };
}

export function groupAccessibleName(g: PodGroup): string {
  return `Pods ${g.namespace}/${g.name}`;
}

export function groupCountsText(g: PodGroup): string {
  const c = g.counts;
  const parts = [`✓ ${c.ready} ready`];
  if (c.notReady > 0) parts.push(`✗ ${c.notReady} not ready`);
  if (c.terminating > 0) parts.push(`⊘ ${c.terminating} terminating`);
  if (c.pending > 0) parts.push(`◔ ${c.pending} pending`);
  return parts.join(' · ');
}
