/** A node's edges as readable lines for the inspector: direction, other end, ports, state. */
import type { EdgeId, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import { edgePortLines, nodeAccessibleName } from './a11y.js';
import { EDGE_STATE_TEXT } from './node-summary.js';

export interface ConnectionLine {
  id: EdgeId;
  direction: 'in' | 'out';
  other: string;
  detail: string;
}

export function nodeConnections(
  id: NodeId,
  edges: ReadonlyMap<EdgeId, GraphEdge>,
  nodes: ReadonlyMap<NodeId, GraphNode>,
): ConnectionLine[] {
  const out: ConnectionLine[] = [];
  for (const e of edges.values()) {
    if (e.source !== id && e.target !== id) continue;
    const direction = e.source === id ? 'out' : 'in';
    const otherId = direction === 'out' ? e.target : e.source;
    const other = nodes.get(otherId);
    const parts = [edgePortLines(e).join(', ')];
    if (e.label) parts.push(e.label);
    const state = EDGE_STATE_TEXT[e.state];
    if (state) parts.push(state);
    out.push({
      id: e.id,
      direction,
      other: other ? nodeAccessibleName(other) : otherId,
      detail: parts.filter((p) => p !== '').join(' · '),
    });
  }
  return out.sort((a, b) =>
    a.direction !== b.direction ? (a.direction === 'in' ? -1 : 1) : a.other < b.other ? -1 : 1,
  );
}
