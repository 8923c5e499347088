/**
 * The narrowing stages of the view pipeline, each a pure function from the
 * set of kept node ids to a smaller one. Paths are followed over the whole
 * graph and then cut to what is kept, so a filter never invents a hop.
 */
import type { EdgeId, Finding, GraphEdge, GraphNode, NodeId, NodeKind } from '@portolan/topology';
import { adjacencyOf, nodesOnPaths, pathsThrough, type Adjacency } from './paths.js';
import type { VerdictFilter } from '../store/view-slice.js';
import { matchesQuery, parseQuery } from './search.js';

export interface FilterGraph {
  nodes: ReadonlyMap<NodeId, GraphNode>;
  edges: ReadonlyMap<EdgeId, GraphEdge>;
  findings: ReadonlyMap<string, Finding>;
}

const adjacencyCache = new WeakMap<ReadonlyMap<EdgeId, GraphEdge>, Adjacency>();

/** Adjacency of the whole graph, built once per edges Map (the store replaces it on change). */
export function adjacencyFor(edges: ReadonlyMap<EdgeId, GraphEdge>): Adjacency {
  let adj = adjacencyCache.get(edges);
  if (!adj) {
    adj = adjacencyOf(edges.values());
    adjacencyCache.set(edges, adj);
  }
  return adj;
}

/**
 * One namespace: its nodes, plus nodes without a namespace (external clients,
 * bare addresses) that connect to one of them.
 */
export function filterByNamespace(g: FilterGraph, namespace: string | null): Set<NodeId> {
  if (namespace === null) return new Set(g.nodes.keys());
  const keep = new Set<NodeId>();
  for (const n of g.nodes.values()) if (n.namespace === namespace) keep.add(n.id);
  for (const e of g.edges.values()) {
    const s = g.nodes.get(e.source);
    const t = g.nodes.get(e.target);
    if (s && t && keep.has(t.id) && s.namespace === undefined) keep.add(s.id);
    if (s && t && keep.has(s.id) && t.namespace === undefined) keep.add(t.id);
  }
  return keep;
}

export function filterByKind(
  g: FilterGraph,
  keep: Set<NodeId>,
  hidden: ReadonlySet<NodeKind>,
): Set<NodeId> {
  if (hidden.size === 0) return keep;
  const out = new Set<NodeId>();
  for (const id of keep) {
    const kind = g.nodes.get(id)?.kind;
    if (kind !== undefined && !hidden.has(kind)) out.add(id);
  }
  return out;
}

/** Keep the paths through `seeds` (and the seeds), cut to `keep`. */
export function keepPathsThrough(
  g: FilterGraph,
  keep: Set<NodeId>,
  seeds: Iterable<NodeId>,
): Set<NodeId> {
  const on = nodesOnPaths(pathsThrough(seeds, adjacencyFor(g.edges)));
  const out = new Set<NodeId>();
  for (const id of on) if (keep.has(id)) out.add(id);
  return out;
}

/** Nodes with findings and the paths through them. */
export function filterFindingsOnly(g: FilterGraph, keep: Set<NodeId>): Set<NodeId> {
  const seeds = new Set<NodeId>();
  for (const f of g.findings.values()) for (const id of f.nodeIds) if (keep.has(id)) seeds.add(id);
  return keepPathsThrough(g, keep, seeds);
}

/**
 * By NetworkPolicy verdict. For a status: the edges carrying it (for
 * `denied`, also edges where one class of sources is denied while another
 * gets in: a blocked Ingress route to a Service its neighbours may use), their
 * target pods and everything upstream of their Services (a pod other Services
 * also select does not bring those in). For `isolated`: pods isolated by a
 * policy and the paths through them.
 */
export function filterByVerdict(
  g: FilterGraph,
  keep: Set<NodeId>,
  verdict: VerdictFilter,
): Set<NodeId> {
  if (verdict === 'isolated') {
    const seeds: NodeId[] = [];
    for (const id of keep) {
      const n = g.nodes.get(id);
      if (n?.kind === 'pod' && n.isolation) seeds.push(id);
    }
    return keepPathsThrough(g, keep, seeds);
  }
  const sources = new Set<NodeId>();
  const out = new Set<NodeId>();
  for (const e of g.edges.values()) {
    const hit =
      e.policy?.status === verdict ||
      (verdict === 'denied' && e.policy?.sources.some((s) => s.status === 'denied'));
    if (!hit || !keep.has(e.source) || !keep.has(e.target)) continue;
    sources.add(e.source);
    out.add(e.target);
  }
  const upstream = pathsThrough(sources, adjacencyFor(g.edges)).upstream;
  for (const id of upstream) if (keep.has(id)) out.add(id);
  return out;
}

/** The nodes a search matches (among those kept). */
export function searchMatches(g: FilterGraph, keep: Set<NodeId>, query: string): Set<NodeId> {
  const terms = parseQuery(query);
  const out = new Set<NodeId>();
  if (terms.length === 0) return out;
  for (const id of keep) {
    const n = g.nodes.get(id);
    if (n && n.kind !== 'external' && matchesQuery(n, terms)) out.add(id);
  }
  return out;
}
