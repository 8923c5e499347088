/** The slim graph sent to the layout (worker messages stay small). */
import type { EdgeId, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import { EMPTY_PLAN, type CollapsePlan } from '../view/aggregate.js';
import { EMPTY_NS_PLAN, type NamespacePlan } from '../view/namespace-groups.js';
import { EXPOSURE } from './band-order.js';
import type { LayoutEdge, LayoutGraph, LayoutNode } from './layout-groups.js';

export function toLayoutGraph(
  nodes: ReadonlyMap<NodeId, GraphNode>,
  edges: ReadonlyMap<EdgeId, GraphEdge>,
  plan: CollapsePlan = EMPTY_PLAN,
  nsPlan: NamespacePlan = EMPTY_NS_PLAN,
): LayoutGraph {
  const out: LayoutNode[] = [];
  const folded = nsPlan.hidden;
  for (const n of nodes.values()) {
    if (plan.hidden.has(n.id) || folded.has(n.id)) continue;
    const slim: LayoutNode = { id: n.id, kind: n.kind, label: n.label };
    if (n.namespace !== undefined) slim.namespace = n.namespace;
    if (n.name !== undefined) slim.name = n.name;
    if ('service' in n) slim.service = n.service;
    if ('address' in n) slim.address = n.address;
    if (n.kind === 'service') {
      if (n.headless) slim.headless = true;
      if (n.externalName !== undefined) slim.externalName = n.externalName;
    }
    out.push(slim);
  }
  const slimEdges: LayoutEdge[] = [];
  for (const e of edges.values()) {
    if (plan.hidden.has(e.target) || folded.has(e.target) || folded.has(e.source)) continue;
    slimEdges.push({ source: e.source, target: e.target, kind: e.kind });
  }
  // A group card sits in the pod lane, in its Service's band.
  for (const g of plan.groups) {
    if (folded.has(g.serviceId)) continue;
    out.push({ id: g.id, kind: 'pod', label: g.name, namespace: g.namespace, name: g.name });
    slimEdges.push({ source: g.serviceId, target: g.id, kind: 'endpoint' });
  }
  // A folded namespace is one band with one card in the Service lane, ranked by its exposure.
  for (const g of nsPlan.groups) {
    out.push({
      id: g.id,
      kind: 'service',
      label: g.namespace,
      namespace: g.namespace,
      // `default` holding only `kubernetes` is a system namespace: it goes last.
      name:
        g.serviceCount === 1 && g.firstService === 'svc:default/kubernetes'
          ? 'kubernetes'
          : g.namespace,
      exposure: g.exposed ? EXPOSURE.loadbalancer : EXPOSURE.clusterip,
    });
    for (const c of g.clients) slimEdges.push({ source: c.source, target: g.id, kind: 'client' });
  }
  return { nodes: out, edges: slimEdges };
}
