/**
 * The view pipeline: graph + view state -> what the canvas draws. Pure, so
 * filters are unit-tested without React; called from one memoised selector
 * (select-visible-graph.ts). Stages run in order, each narrowing the set:
 * namespace, kinds, findings only, policy verdict, search (matches and the paths through
 * them), focus (the paths through one Service or Ingress); then the trace of
 * the selected node marks every hop of every path through it.
 */
import type { EdgeId, Finding, GraphEdge, GraphNode, NodeId, NodeKind } from '@portolan/topology';
import { edgeAccessibleName, edgePortLines, nodeAccessibleName } from '../model/a11y.js';
import {
  EMPTY_PLAN,
  groupAccessibleName,
  groupEdge,
  type CollapsePlan,
  type PodGroup,
} from './aggregate.js';
import {
  EMPTY_NS_PLAN,
  nsGroupAccessibleName,
  nsGroupEdge,
  type NamespaceGroup,
  type NamespacePlan,
} from './namespace-groups.js';
import { edgeOnPaths, pathsThrough, type PathSet } from './paths.js';
import type { VerdictFilter } from '../store/view-slice.js';
import {
  adjacencyFor,
  filterByKind,
  filterByNamespace,
  filterByVerdict,
  filterFindingsOnly,
  keepPathsThrough,
  searchMatches,
} from './view-filters.js';

export interface GraphInput {
  nodes: ReadonlyMap<NodeId, GraphNode>;
  edges: ReadonlyMap<EdgeId, GraphEdge>;
  findings: ReadonlyMap<string, Finding>;
  highlights: ReadonlyMap<NodeId, number>;
  /** Pods collapsed into group cards (aggregate.ts); none when absent. */
  plan?: CollapsePlan;
  /** Namespaces folded into one card each (namespace-groups.ts); none when absent. */
  nsPlan?: NamespacePlan;
}

export interface ViewInput {
  selection: NodeId | null;
  namespace: string | null;
  search: string;
  focus: NodeId | null;
  hiddenKinds?: ReadonlySet<NodeKind>;
  findingsOnly?: boolean;
  /** Keep the edges with this policy verdict and their paths, or isolated pods and theirs. */
  verdict?: VerdictFilter | null;
}

export interface VisibleNode {
  node: GraphNode;
  ariaLabel: string;
  selected: boolean;
  /** Appeared after the first snapshot, recently: drawn highlighted for a moment. */
  isNew: boolean;
  findings: number;
  /** Matches the search. */
  match: boolean;
  /** On a path through the selected node (the trace). */
  traced: boolean;
  /** A trace is on and this node is not on it. */
  dimmed: boolean;
}

export interface VisibleEdge {
  edge: GraphEdge;
  ariaLabel: string;
  /** One line per port mapping. */
  portLines: string[];
  /** On a path through the selected node. */
  active: boolean;
  dimmed: boolean;
}

export interface VisibleGroup {
  group: PodGroup;
  ariaLabel: string;
  selected: boolean;
  traced: boolean;
  dimmed: boolean;
}

export interface VisibleNamespaceGroup {
  group: NamespaceGroup;
  ariaLabel: string;
  selected: boolean;
  dimmed: boolean;
}

export interface VisibleGraph {
  nodes: VisibleNode[];
  edges: VisibleEdge[];
  groups: VisibleGroup[];
  /** Folded namespaces (only at cluster scale, when the view is not narrowed). */
  nsGroups: VisibleNamespaceGroup[];
  /** Nodes the search matched (0 with an empty search). */
  matchCount: number;
}

export function deriveVisibleGraph(graph: GraphInput, view: ViewInput): VisibleGraph {
  const plan = graph.plan ?? EMPTY_PLAN;
  const nsPlan = graph.nsPlan ?? EMPTY_NS_PLAN;
  let keep = filterByNamespace(graph, view.namespace);
  for (const id of plan.hidden) keep.delete(id);
  for (const id of nsPlan.hidden) keep.delete(id);
  keep = filterByKind(graph, keep, view.hiddenKinds ?? new Set());
  if (view.findingsOnly) keep = filterFindingsOnly(graph, keep);
  if (view.verdict) keep = filterByVerdict(graph, keep, view.verdict);
  const matches = searchMatches(graph, keep, view.search);
  if (view.search.trim() !== '') keep = keepPathsThrough(graph, keep, matches);
  if (view.focus !== null && graph.nodes.has(view.focus))
    keep = keepPathsThrough(graph, keep, [view.focus]);

  const selectedGroup = plan.groups.find((g) => g.id === view.selection);
  // A group is traced as its Service's downstream: the paths into its pods.
  const traceFrom =
    view.selection !== null && keep.has(view.selection)
      ? [view.selection]
      : selectedGroup && keep.has(selectedGroup.serviceId)
        ? [selectedGroup.serviceId]
        : null;
  const trace: PathSet | null = traceFrom
    ? pathsThrough(traceFrom, adjacencyFor(graph.edges))
    : null;
  const findingCounts = new Map<NodeId, number>();
  for (const f of graph.findings.values()) {
    for (const id of f.nodeIds) findingCounts.set(id, (findingCounts.get(id) ?? 0) + 1);
  }
  const nodes: VisibleNode[] = [];
  for (const id of keep) {
    const node = graph.nodes.get(id);
    if (!node) continue;
    const traced = trace !== null && (trace.upstream.has(id) || trace.downstream.has(id));
    nodes.push({
      node,
      ariaLabel: nodeAccessibleName(node),
      selected: id === view.selection,
      isNew: graph.highlights.has(id),
      findings: findingCounts.get(id) ?? 0,
      match: matches.has(id),
      traced,
      dimmed: trace !== null && !traced,
    });
  }
  const edges: VisibleEdge[] = [];
  for (const edge of graph.edges.values()) {
    if (!keep.has(edge.source) || !keep.has(edge.target)) continue;
    const active = (trace !== null && edgeOnPaths(edge, trace)) || edge.id === view.selection;
    edges.push({
      edge,
      ariaLabel: edgeAccessibleName(
        edge,
        graph.nodes.get(edge.source),
        graph.nodes.get(edge.target),
      ),
      portLines: edgePortLines(edge),
      active,
      dimmed: trace !== null && !active,
    });
  }
  const groups: VisibleGroup[] = [];
  for (const group of plan.groups) {
    if (!keep.has(group.serviceId)) continue;
    const traced = trace !== null && trace.downstream.has(group.serviceId);
    groups.push({
      group,
      ariaLabel: groupAccessibleName(group),
      selected: group.id === view.selection,
      traced,
      dimmed: trace !== null && !traced,
    });
    const edge = groupEdge(group);
    const svc = graph.nodes.get(group.serviceId);
    edges.push({
      edge,
      ariaLabel: `${svc ? nodeAccessibleName(svc) : group.serviceId} to ${groupAccessibleName(group)}: ${edgePortLines(edge).join(', ')}`,
      portLines: edgePortLines(edge),
      active: traced,
      dimmed: trace !== null && !traced,
    });
  }
  const nsGroups: VisibleNamespaceGroup[] = [];
  for (const group of nsPlan.groups) {
    const selected = group.id === view.selection;
    nsGroups.push({
      group,
      ariaLabel: nsGroupAccessibleName(group),
      selected,
      dimmed: trace !== null,
    });
    for (const c of group.clients) {
      if (!keep.has(c.source)) continue;
      const edge = nsGroupEdge(group, c);
      const src = graph.nodes.get(c.source);
      edges.push({
        edge,
        ariaLabel: edgeAccessibleName(edge, src, undefined).replace(
          edge.target,
          nsGroupAccessibleName(group),
        ),
        portLines: edgePortLines(edge),
        active: false,
        dimmed: trace !== null,
      });
    }
  }
  return { nodes, edges, groups, nsGroups, matchCount: matches.size };
}

/** Namespaces present in the graph, sorted, for the filter menu. */
export function namespacesOf(nodes: ReadonlyMap<NodeId, GraphNode>): string[] {
  const set = new Set<string>();
  for (const n of nodes.values()) if (n.namespace !== undefined) set.add(n.namespace);
  return [...set].sort();
}
