/**
 * Visible graph + positions -> React Flow nodes and edges. Objects are
 * reused while their inputs are unchanged, so React Flow re-renders only the
 * cards and edges that changed. Nodes without a position yet (layout still
 * running) are left out, and so are their edges.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { GraphEdge, GraphNode, NodeId, NodeKind } from '@portolan/topology';
import type { XY } from '../store/layout-slice.js';
import { NODE_W } from '../layout/geometry.js';
import { EDGE_COLOR } from '../model/edge-style.js';
import { EDGE_STATE_TEXT, nodeStateText } from '../model/node-summary.js';
import type { VisibleEdge, VisibleGraph, VisibleNode } from './derive-visible-graph.js';

export interface CardData extends Record<string, unknown> {
  node: GraphNode;
  isNew: boolean;
  findings: number;
}

export type FlowNode = Node<CardData, NodeKind>;

/** The card data of one kind, for the per-kind components. */
export interface CardDataOf<K extends NodeKind> extends Record<string, unknown> {
  node: Extract<GraphNode, { kind: K }>;
  isNew: boolean;
  findings: number;
}

export interface PortEdgeData extends Record<string, unknown> {
  edge: GraphEdge;
  portLines: string[];
  active: boolean;
  /** Position among edges joining the same two nodes (Ingress paths to one Service), to stack their labels. */
  parallel: { index: number; count: number };
}

export type FlowEdge = Edge<PortEdgeData, 'port'>;

export interface FlowElements {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export function createFlowMapper(): (
  visible: VisibleGraph,
  positions: ReadonlyMap<NodeId, XY>,
) => FlowElements {
  let nodeCache = new Map<string, { v: VisibleNode; p: XY; out: FlowNode }>();
  let edgeCache = new Map<string, { v: VisibleEdge; out: FlowEdge }>();
  return (visible, positions) => {
    const nextNodes = new Map<string, { v: VisibleNode; p: XY; out: FlowNode }>();
    const nodes: FlowNode[] = [];
    for (const v of visible.nodes) {
      const p = positions.get(v.node.id);
      if (!p) continue;
      const prev = nodeCache.get(v.node.id);
      const out =
        prev && sameNode(prev.v, v) && prev.p.x === p.x && prev.p.y === p.y
          ? prev.out
          : toFlowNode(v, p);
      nextNodes.set(v.node.id, { v, p, out });
      nodes.push(out);
    }
    const nextEdges = new Map<string, { v: VisibleEdge; out: FlowEdge }>();
    const edges: FlowEdge[] = [];
    const parallel = parallelIndex(visible.edges);
    for (const v of visible.edges) {
      if (!nextNodes.has(v.edge.source) || !nextNodes.has(v.edge.target)) continue;
      const prev = edgeCache.get(v.edge.id);
      const par = parallel.get(v.edge.id) ?? { index: 0, count: 1 };
      const out =
        prev && sameEdge(prev.v, v) && sameParallel(prev.out.data?.parallel, par)
          ? prev.out
          : toFlowEdge(v, par);
      nextEdges.set(v.edge.id, { v, out });
      edges.push(out);
    }
    nodeCache = nextNodes;
    edgeCache = nextEdges;
    return { nodes, edges };
  };
}

function sameNode(a: VisibleNode, b: VisibleNode): boolean {
  return (
    a.node === b.node &&
    a.selected === b.selected &&
    a.isNew === b.isNew &&
    a.findings === b.findings
  );
}

function sameEdge(a: VisibleEdge, b: VisibleEdge): boolean {
  return a.edge === b.edge && a.active === b.active && a.ariaLabel === b.ariaLabel;
}

function toFlowNode(v: VisibleNode, p: XY): FlowNode {
  const description = nodeStateText(v.node);
  return {
    id: v.node.id,
    type: v.node.kind,
    position: { x: p.x, y: p.y },
    data: { node: v.node, isNew: v.isNew, findings: v.findings },
    selected: v.selected,
    width: NODE_W,
    draggable: false,
    connectable: false,
    ariaLabel: v.ariaLabel,
    ...(description ? { domAttributes: { 'aria-description': description } } : {}),
  };
}

function sameParallel(
  a: PortEdgeData['parallel'] | undefined,
  b: PortEdgeData['parallel'],
): boolean {
  return a !== undefined && a.index === b.index && a.count === b.count;
}

function parallelIndex(edges: readonly VisibleEdge[]): Map<string, PortEdgeData['parallel']> {
  const byPair = new Map<string, string[]>();
  for (const { edge } of edges) {
    const key = `${edge.source}\u0000${edge.target}`;
    const list = byPair.get(key);
    if (list) list.push(edge.id);
    else byPair.set(key, [edge.id]);
  }
  const out = new Map<string, PortEdgeData['parallel']>();
  for (const list of byPair.values()) {
    if (list.length < 2) continue;
    list.sort();
    list.forEach((id, index) => out.set(id, { index, count: list.length }));
  }
  return out;
}

function toFlowEdge(v: VisibleEdge, parallel: PortEdgeData['parallel']): FlowEdge {
  const stateText = EDGE_STATE_TEXT[v.edge.state];
  return {
    id: v.edge.id,
    source: v.edge.source,
    target: v.edge.target,
    type: 'port',
    data: { edge: v.edge, portLines: v.portLines, active: v.active, parallel },
    ariaLabel: v.ariaLabel,
    markerEnd: {
      type: MarkerType.ArrowClosed,
      color: EDGE_COLOR[v.edge.state],
      width: 18,
      height: 18,
    },
    className: `pn-edge pn-edge-${v.edge.state}${v.active ? ' is-active' : ''}`,
    zIndex: v.active ? 1 : 0,
    ...(stateText ? { domAttributes: { 'aria-description': stateText } } : {}),
  };
}
