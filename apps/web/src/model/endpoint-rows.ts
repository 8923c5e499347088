/** A Service's endpoints as table rows: who, where, which condition, which ports. */
import type { EdgeId, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import { edgePortLines, nodeAccessibleName } from './a11y.js';

export interface EndpointRow {
  id: NodeId;
  name: string;
  address: string;
  node: string;
  /** ready / not ready / terminating / ..., in words. */
  condition: string;
  ports: string;
}

const CONDITION: Readonly<Record<string, string>> = {
  ready: '✓ ready',
  'not-ready': '✗ not ready',
  terminating: '⊘ terminating',
  dropped: '⊗ dropped',
  unknown: '? unknown',
  route: 'route',
};

export function endpointRows(
  serviceId: NodeId,
  edges: ReadonlyMap<EdgeId, GraphEdge>,
  nodes: ReadonlyMap<NodeId, GraphNode>,
): EndpointRow[] {
  const rows: EndpointRow[] = [];
  for (const e of edges.values()) {
    if (e.source !== serviceId || e.kind !== 'endpoint') continue;
    const n = nodes.get(e.target);
    rows.push({
      id: e.target,
      name: n ? nodeAccessibleName(n) : e.target,
      address: n?.kind === 'pod' ? n.podIPs.join(', ') : n?.kind === 'address' ? n.address : '',
      node: n?.kind === 'pod' ? (n.nodeName ?? '') : '',
      condition: CONDITION[e.state] ?? e.state,
      ports: edgePortLines(e).join(', '),
    });
  }
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
