/**
 * Paths through a node. Lanes run left to right, so every path through a node
 * is one of its upstream chains joined to one of its downstream chains: the
 * nodes on them are its ancestors plus its descendants. An edge lies on such
 * a path when its target is an ancestor (or the node) or its source is a
 * descendant (or the node).
 */
import type { EdgeId, GraphEdge, NodeId } from '@portolan/topology';

export interface Adjacency {
  out: ReadonlyMap<NodeId, readonly GraphEdge[]>;
  in: ReadonlyMap<NodeId, readonly GraphEdge[]>;
}

export function adjacencyOf(edges: Iterable<GraphEdge>): Adjacency {
  const out = new Map<NodeId, GraphEdge[]>();
  const inn = new Map<NodeId, GraphEdge[]>();
  const push = (m: Map<NodeId, GraphEdge[]>, k: NodeId, e: GraphEdge): void => {
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  };
  for (const e of edges) {
    push(out, e.source, e);
    push(inn, e.target, e);
  }
  return { out, in: inn };
}

export interface PathSet {
  /** The nodes themselves and everything upstream of them. */
  upstream: Set<NodeId>;
  /** The nodes themselves and everything downstream of them. */
  downstream: Set<NodeId>;
}

export function pathsThrough(ids: Iterable<NodeId>, adj: Adjacency): PathSet {
  const start = [...ids];
  return {
    upstream: closure(
      start,
      (id) => adj.in.get(id),
      (e) => e.source,
    ),
    downstream: closure(
      start,
      (id) => adj.out.get(id),
      (e) => e.target,
    ),
  };
}

export function nodesOnPaths(p: PathSet): Set<NodeId> {
  const all = new Set(p.upstream);
  for (const id of p.downstream) all.add(id);
  return all;
}

export function edgeOnPaths(e: GraphEdge, p: PathSet): boolean {
  return p.upstream.has(e.target) || p.downstream.has(e.source);
}

export function edgesOnPaths(edges: Iterable<GraphEdge>, p: PathSet): Set<EdgeId> {
  const out = new Set<EdgeId>();
  for (const e of edges) if (edgeOnPaths(e, p)) out.add(e.id);
  return out;
}

function closure(
  start: readonly NodeId[],
  next: (id: NodeId) => readonly GraphEdge[] | undefined,
  other: (e: GraphEdge) => NodeId,
): Set<NodeId> {
  const seen = new Set<NodeId>(start);
  const stack = [...start];
  while (stack.length > 0) {
    const id = stack.pop() as NodeId;
    for (const e of next(id) ?? []) {
      const o = other(e);
      if (!seen.has(o)) {
        seen.add(o);
        stack.push(o);
      }
    }
  }
  return seen;
}
