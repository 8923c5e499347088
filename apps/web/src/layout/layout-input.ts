/** The slim graph sent to the layout (worker messages stay small). */
import type { EdgeId, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import { EMPTY_PLAN, type CollapsePlan } from '../view/aggregate.js';
import type { LayoutEdge, LayoutGraph, LayoutNode } from './layout-groups.js';

export function toLayoutGraph(
  nodes: ReadonlyMap<NodeId, GraphNode>,
  edges: ReadonlyMap<EdgeId, GraphEdge>,
  plan: CollapsePlan = EMPTY_PLAN,
): LayoutGraph {
  const out: LayoutNode[] = [];
  for (const n of nodes.values()) {
    if (plan.hidden.has(n.id)) continue;
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
    if (plan.hidden.has(e.target)) continue;
    slimEdges.push({ source: e.source, target: e.target, kind: e.kind });
  }
  // A group card sits in the pod lane, in its Service's band.
  for (const g of plan.groups) {
    out.push({ id: g.id, kind: 'pod', label: g.name, namespace: g.namespace, name: g.name });
    slimEdges.push({ source: g.serviceId, target: g.id, kind: 'endpoint' });
  }
  return { nodes: out, edges: slimEdges };
}
