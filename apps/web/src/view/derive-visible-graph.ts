/**
 * The view pipeline: graph + view state -> what the canvas draws. Pure, so
 * filters are unit-tested without React; called from one memoised selector
 * (select-visible-graph.ts). Stages run in order, each narrowing the set:
 * namespace filter, then (issue 6) search and focus, then selection marks.
 */
import type { EdgeId, Finding, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import { edgeAccessibleName, edgePortLines, nodeAccessibleName } from '../model/a11y.js';

export interface GraphInput {
  nodes: ReadonlyMap<NodeId, GraphNode>;
  edges: ReadonlyMap<EdgeId, GraphEdge>;
  findings: ReadonlyMap<string, Finding>;
  highlights: ReadonlyMap<NodeId, number>;
}

export interface ViewInput {
  selection: NodeId | null;
  namespace: string | null;
  search: string;
  focus: NodeId | null;
}

export interface VisibleNode {
  node: GraphNode;
  ariaLabel: string;
  selected: boolean;
  /** Appeared after the first snapshot, recently: drawn highlighted for a moment. */
  isNew: boolean;
  findings: number;
}

export interface VisibleEdge {
  edge: GraphEdge;
  ariaLabel: string;
  /** One line per port mapping. */
  portLines: string[];
  /** Touches the selected node. */
  active: boolean;
}

export interface VisibleGraph {
  nodes: VisibleNode[];
  edges: VisibleEdge[];
}

export function deriveVisibleGraph(graph: GraphInput, view: ViewInput): VisibleGraph {
  let keep = filterByNamespace(graph, view.namespace);
  keep = applySearch(keep, view.search);
  keep = applyFocus(keep, view.focus);

  const findingCounts = new Map<NodeId, number>();
  for (const f of graph.findings.values()) {
    for (const id of f.nodeIds) findingCounts.set(id, (findingCounts.get(id) ?? 0) + 1);
  }
  const nodes: VisibleNode[] = [];
  for (const id of keep) {
    const node = graph.nodes.get(id);
    if (!node) continue;
    nodes.push({
      node,
      ariaLabel: nodeAccessibleName(node),
      selected: id === view.selection,
      isNew: graph.highlights.has(id),
      findings: findingCounts.get(id) ?? 0,
    });
  }
  const edges: VisibleEdge[] = [];
  for (const edge of graph.edges.values()) {
    if (!keep.has(edge.source) || !keep.has(edge.target)) continue;
    edges.push({
      edge,
      ariaLabel: edgeAccessibleName(
        edge,
        graph.nodes.get(edge.source),
        graph.nodes.get(edge.target),
      ),
      portLines: edgePortLines(edge),
      active:
        view.selection !== null &&
        (edge.source === view.selection || edge.target === view.selection),
    });
  }
  return { nodes, edges };
}

/**
 * One namespace: its nodes, plus nodes without a namespace (external clients,
 * bare addresses) that connect to one of them.
 */
function filterByNamespace(graph: GraphInput, namespace: string | null): Set<NodeId> {
  if (namespace === null) return new Set(graph.nodes.keys());
  const keep = new Set<NodeId>();
  for (const n of graph.nodes.values()) if (n.namespace === namespace) keep.add(n.id);
  for (const e of graph.edges.values()) {
    const s = graph.nodes.get(e.source);
    const t = graph.nodes.get(e.target);
    if (s && t && keep.has(t.id) && s.namespace === undefined) keep.add(s.id);
    if (s && t && keep.has(s.id) && t.namespace === undefined) keep.add(t.id);
  }
  return keep;
}

/** Hook for issue 6 (search by name, label, IP, port, DNS name). */
function applySearch(keep: Set<NodeId>, _search: string): Set<NodeId> {
  return keep;
}

/** Hook for issue 6 (focus on a Service or Ingress: only its paths). */
function applyFocus(keep: Set<NodeId>, _focus: NodeId | null): Set<NodeId> {
  return keep;
}

/** Namespaces present in the graph, sorted, for the filter menu. */
export function namespacesOf(nodes: ReadonlyMap<NodeId, GraphNode>): string[] {
  const set = new Set<string>();
  for (const n of nodes.values()) if (n.namespace !== undefined) set.add(n.namespace);
  return [...set].sort();
}
