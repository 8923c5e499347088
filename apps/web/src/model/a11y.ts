/**
 * Accessible names for graph elements. Browser tests find nodes and edges by
 * these exact strings, so the formats are part of the app's contract:
 *
 *   External clients
 *   LoadBalancer default/frontend
 *   Ingress default/web
 *   ExternalIP default/svc 1.2.3.4
 *   NodePort default/frontend
 *   Service default/frontend
 *   Pod default/frontend-abc
 *   Address 10.1.2.3
 *
 *   <source name> to <target name>: <mapping>, <mapping> [(<edge label>)]
 *   e.g. LoadBalancer default/frontend to NodePort default/frontend: 80 -> 30007/TCP
 */
import { portMappingText, type GraphEdge, type GraphNode } from '@portolan/topology';
import { KIND_TITLE } from './kind-meta.js';

/** The Kubernetes object name a node stands for (the Service's name for LB/NodePort/ExternalIP nodes). */
export function objectName(node: { name?: string; label: string; service?: string }): string {
  if (node.name) return node.name;
  if (node.service) return lastSegment(node.service);
  return node.label;
}

/** `namespace/name`, or just the name for cluster-scoped things. */
export function qualifiedName(node: GraphNode): string {
  const name = objectName(node);
  return node.namespace ? `${node.namespace}/${name}` : name;
}

export function nodeAccessibleName(node: GraphNode): string {
  switch (node.kind) {
    case 'external':
      return 'External clients';
    case 'address':
      return `Address ${node.address}`;
    case 'externalip':
      return `ExternalIP ${qualifiedName(node)} ${node.address}`;
    default:
      return `${KIND_TITLE[node.kind]} ${qualifiedName(node)}`;
  }
}

/** One line per port mapping, as the canvas draws them. */
export function edgePortLines(edge: GraphEdge): string[] {
  return edge.ports.map((m) => portMappingText(m, edge.kind));
}

export function edgeAccessibleName(
  edge: GraphEdge,
  source: GraphNode | undefined,
  target: GraphNode | undefined,
): string {
  const from = source ? nodeAccessibleName(source) : edge.source;
  const to = target ? nodeAccessibleName(target) : edge.target;
  const ports = edgePortLines(edge);
  let text = `${from} to ${to}`;
  if (ports.length > 0) text += `: ${ports.join(', ')}`;
  if (edge.label) text += ` (${edge.label})`;
  return text;
}

function lastSegment(ref: string): string {
  const i = ref.lastIndexOf('/');
  return i === -1 ? ref : ref.slice(i + 1);
}
