/** The slim graph sent to the layout (worker messages stay small). */
import type { EdgeId, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import type { LayoutGraph, LayoutNode } from './layout-groups.js';

export function toLayoutGraph(
  nodes: ReadonlyMap<NodeId, GraphNode>,
  edges: ReadonlyMap<EdgeId, GraphEdge>,
): LayoutGraph {
  const out: LayoutNode[] = [];
  for (const n of nodes.values()) {
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
  return {
    nodes: out,
    edges: [...edges.values()].map((e) => ({ source: e.source, target: e.target, kind: e.kind })),
  };
}
