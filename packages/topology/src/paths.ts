/**
 * Paths as text: every route traffic can take through the graph, one line
 * per route, from an entry (external clients, or the Service itself for
 * in-cluster clients) to a group of endpoints. Used for golden tests a
 * reviewer can read, and for the command line.
 *
 *   External -> LoadBalancer shop/frontend [192.0.2.10] 80/TCP -> NodePort 80 -> 30093/TCP
 *     -> Service shop/frontend 30093 -> 80/TCP -> Pods shop/frontend (3 ready) 80 -> 8080/TCP
 */
import type { Graph, GraphEdge, GraphNode, NodeId } from './graph.js';
import { KIND_TITLE, portMappingText } from './graph.js';

/** The workload a pod belongs to, for grouping: its controller without the ReplicaSet hash. */
export function workloadOf(node: GraphNode): string {
  if (node.kind !== 'pod') return node.label;
  const owner = node.owner;
  if (owner?.startsWith('ReplicaSet/')) {
    const hash = node.labels['pod-template-hash'];
    const rs = owner.slice('ReplicaSet/'.length);
    return hash && rs.endsWith(`-${hash}`) ? rs.slice(0, -hash.length - 1) : rs;
  }
  if (owner) return owner.slice(owner.indexOf('/') + 1);
  return node.name ?? node.label;
}

function nodeText(n: GraphNode): string {
  const where = n.namespace ? `${n.namespace}/${n.name ?? n.label}` : n.label;
  switch (n.kind) {
    case 'external':
      return 'External';
    case 'loadbalancer':
      return `LoadBalancer ${where} [${n.pending ? 'pending' : n.label}]`;
    case 'ingress':
      return `Ingress ${where}`;
    case 'nodeport':
      return `NodePort ${where}`;
    case 'address':
      return `Address ${n.label}`;
    default:
      return `${KIND_TITLE[n.kind]} ${where}`;
  }
}

function edgeText(e: GraphEdge): string {
  const ports = e.ports.map((m) => portMappingText(m, e.kind)).join(', ');
  return [e.label, ports].filter(Boolean).join(' ');
}

/** Every route as one line; endpoint pods grouped by workload with their readiness counts. */
export function describePaths(graph: Graph): string[] {
  const nodes = new Map<NodeId, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  const out = new Map<NodeId, GraphEdge[]>();
  for (const e of graph.edges) {
    const list = out.get(e.source);
    if (list) list.push(e);
    else out.set(e.source, [e]);
  }
  const lines: string[] = [];
  const walk = (id: NodeId, prefix: string, seen: Set<NodeId>) => {
    const n = nodes.get(id);
    if (!n) return;
    const edges = out.get(id) ?? [];
    const toEndpoints = edges.filter((e) => e.kind === 'endpoint');
    const onward = edges.filter((e) => e.kind !== 'endpoint');
    if (toEndpoints.length > 0) {
      const groups = new Map<string, { states: Map<string, number>; ports: Set<string> }>();
      for (const e of toEndpoints) {
        const t = nodes.get(e.target);
        if (!t) continue;
        const key = t.kind === 'pod' ? `Pods ${t.namespace}/${workloadOf(t)}` : nodeText(t);
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { states: new Map(), ports: new Set() }));
        g.states.set(e.state, (g.states.get(e.state) ?? 0) + 1);
        g.ports.add(edgeText(e));
      }
      for (const [key, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const states = [...g.states]
          .sort()
          .map(([s, c]) => `${c} ${s}`)
          .join(', ');
        lines.push(`${prefix} -> ${key} (${states}) ${[...g.ports].sort().join(' | ')}`.trim());
      }
    }
    for (const e of onward) {
      if (seen.has(e.target)) continue;
      const t = nodes.get(e.target);
      if (!t) continue;
      walk(
        e.target,
        `${prefix} -> ${nodeText(t)} ${edgeText(e)}`.trimEnd(),
        new Set([...seen, e.target]),
      );
    }
    if (edges.length === 0 && n.kind === 'service') lines.push(`${prefix} -> (no endpoints)`);
  };
  // External entries first, then each Service as in-cluster clients see it.
  walk('external:clients', 'External', new Set(['external:clients']));
  for (const n of graph.nodes)
    if (n.kind === 'service') walk(n.id, `In-cluster -> ${nodeText(n)}`, new Set([n.id]));
  return lines;
}
