/**
 * A contribution is what one object (its owner) adds to the graph: nodes,
 * edges and findings. The graph is the union of all contributions; a watch
 * event recomputes only the contributions it can affect and diffs them
 * against their previous versions. Nodes shared between owners (the
 * external-clients node) are reference-counted by the engine.
 */
import type { Finding, GraphEdge, GraphNode } from './graph.js';

export interface Contribution {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  findings: Map<string, Finding>;
}

export function emptyContribution(): Contribution {
  return { nodes: new Map(), edges: new Map(), findings: new Map() };
}

export class ContributionBuilder {
  readonly c = emptyContribution();
  node<T extends GraphNode>(n: T): T {
    this.c.nodes.set(n.id, n);
    return n;
  }
  edge(e: GraphEdge): GraphEdge {
    const prev = this.c.edges.get(e.id);
    if (prev) {
      // Several slices (e.g. IPv4 and IPv6) may name the same pod: one edge, all ports.
      for (const m of e.ports) {
        if (
          !prev.ports.some((p) => p.from === m.from && p.to === m.to && p.protocol === m.protocol)
        )
          prev.ports.push(m);
      }
      return prev;
    }
    this.c.edges.set(e.id, e);
    return e;
  }
  finding(f: Omit<Finding, 'id'> & { id?: string }): void {
    const id =
      f.id ??
      `${f.code}:${f.objects.map((o) => `${o.kind}/${o.namespace ?? ''}/${o.name}`).join(',')}`;
    this.c.findings.set(id, { ...f, id });
  }
}
