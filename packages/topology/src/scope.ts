/**
 * Namespace scopes for share links (docs/adr/0004-share-links.md): what a
 * viewer limited to some namespaces may see of the graph, decided here so the
 * server filters every snapshot, delta and route the same way.
 *
 * - a node is visible when its namespace is in scope;
 * - an edge when both ends are visible;
 * - the `external:clients` node only while an edge from it reaches a visible node;
 * - a finding only when every object and node it names is in scope.
 *
 * `ScopedView` filters a stream: it is initialised from a full snapshot and
 * then fed every full delta in order, so it knows when the external node
 * appears or vanishes for the scope and which findings the viewer was sent.
 */
import type { EdgeId, Finding, Graph, GraphDelta, GraphEdge, GraphNode, NodeId } from './graph.js';
import { EXTERNAL_ID } from './ids.js';

/** The namespace a node id names (`svc:shop/web` -> `shop`); undefined for `external:clients`. */
export function namespaceOfId(id: string): string | undefined {
  const colon = id.indexOf(':');
  const slash = id.indexOf('/', colon + 1);
  return colon < 0 || slash < 0 ? undefined : id.slice(colon + 1, slash);
}

/** The two ends of an edge id (`<source>-><target>[#suffix]`). */
export function edgeEnds(id: EdgeId): [NodeId, NodeId] | undefined {
  const arrow = id.indexOf('->');
  if (arrow < 0) return undefined;
  const hash = id.indexOf('#', arrow);
  return [id.slice(0, arrow), id.slice(arrow + 2, hash < 0 ? undefined : hash)];
}

export class ScopedView {
  private readonly ns: ReadonlySet<string>;
  /** Visible edges that leave the external node: while there is one, the node is visible. */
  private readonly externalEdges = new Set<EdgeId>();
  /** The latest external node seen, visible or not, to send when it becomes visible. */
  private externalNode: GraphNode | undefined;
  private readonly sentFindings = new Set<string>();

  constructor(namespaces: Iterable<string>) {
    this.ns = new Set(namespaces);
  }

  get namespaces(): string[] {
    return [...this.ns].sort();
  }

  /** True when a (non-external) node id is inside the scope. */
  idInScope(id: NodeId): boolean {
    const ns = namespaceOfId(id);
    return ns !== undefined && this.ns.has(ns);
  }

  nodeInScope(n: GraphNode): boolean {
    return n.id !== EXTERNAL_ID && n.namespace !== undefined && this.ns.has(n.namespace);
  }

  private edgeVisible(source: NodeId, target: NodeId): boolean {
    const end = (id: NodeId) => id === EXTERNAL_ID || this.idInScope(id);
    return end(source) && end(target) && !(source === EXTERNAL_ID && target === EXTERNAL_ID);
  }

  findingInScope(f: Finding): boolean {
    if (f.objects.length === 0) return false;
    return (
      f.objects.every((o) => o.namespace !== undefined && this.ns.has(o.namespace)) &&
      f.nodeIds.every((id) => id === EXTERNAL_ID || this.idInScope(id))
    );
  }

  private get externalVisible(): boolean {
    return this.externalNode !== undefined && this.externalEdges.size > 0;
  }

  /** Reset the view to `graph` (a full graph) and return what the scope sees of it. */
  snapshot(graph: Graph): Graph {
    this.externalEdges.clear();
    this.sentFindings.clear();
    this.externalNode = graph.nodes.find((n) => n.id === EXTERNAL_ID);
    const edges = graph.edges.filter((e) => this.edgeVisible(e.source, e.target));
    for (const e of edges) if (e.source === EXTERNAL_ID) this.externalEdges.add(e.id);
    const findings = graph.findings.filter((f) => this.findingInScope(f));
    for (const f of findings) this.sentFindings.add(f.id);
    const nodes = graph.nodes.filter(
      (n) => this.nodeInScope(n) || (n.id === EXTERNAL_ID && this.externalVisible),
    );
    return { revision: graph.revision, nodes, edges, findings };
  }

  /** What the scope sees of the next full delta; same revisions, possibly empty. */
  delta(d: GraphDelta): GraphDelta {
    const wasVisible = this.externalVisible;
    let externalTouched = false;
    const upsertNodes: GraphNode[] = [];
    for (const n of d.upsertNodes) {
      if (n.id === EXTERNAL_ID) {
        this.externalNode = n;
        externalTouched = true;
      } else if (this.nodeInScope(n)) upsertNodes.push(n);
    }
    const removeNodes: NodeId[] = [];
    for (const id of d.removeNodes) {
      if (id === EXTERNAL_ID) this.externalNode = undefined;
      else if (this.idInScope(id)) removeNodes.push(id);
    }
    const upsertEdges: GraphEdge[] = [];
    for (const e of d.upsertEdges) {
      if (!this.edgeVisible(e.source, e.target)) continue;
      upsertEdges.push(e);
      if (e.source === EXTERNAL_ID) this.externalEdges.add(e.id);
    }
    const removeEdges: EdgeId[] = [];
    for (const id of d.removeEdges) {
      const ends = edgeEnds(id);
      if (!ends || !this.edgeVisible(ends[0], ends[1])) continue;
      removeEdges.push(id);
      this.externalEdges.delete(id);
    }
    const upsertFindings: Finding[] = [];
    const removeFindings: string[] = [];
    for (const f of d.upsertFindings) {
      if (this.findingInScope(f)) {
        upsertFindings.push(f);
        this.sentFindings.add(f.id);
      } else if (this.sentFindings.delete(f.id)) removeFindings.push(f.id);
    }
    for (const id of d.removeFindings) if (this.sentFindings.delete(id)) removeFindings.push(id);
    const nowVisible = this.externalVisible;
    if (nowVisible && (!wasVisible || externalTouched) && this.externalNode)
      upsertNodes.push(this.externalNode);
    if (wasVisible && !nowVisible) removeNodes.push(EXTERNAL_ID);
    return {
      fromRevision: d.fromRevision,
      revision: d.revision,
      upsertNodes,
      removeNodes,
      upsertEdges,
      removeEdges,
      upsertFindings,
      removeFindings,
    };
  }
}

/** What a viewer limited to `namespaces` sees of a full graph. */
export function scopeGraph(graph: Graph, namespaces: Iterable<string>): Graph {
  return new ScopedView(namespaces).snapshot(graph);
}
