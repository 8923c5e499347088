/** The graph as a JSON document for download: what the server sent, plus which view it was exported from. */
import type { EdgeId, Finding, GraphEdge, GraphNode, NodeId } from '@portolan/topology';

export interface ExportInput {
  revision: number;
  nodes: ReadonlyMap<NodeId, GraphNode>;
  edges: ReadonlyMap<EdgeId, GraphEdge>;
  findings: ReadonlyMap<string, Finding>;
  context: string | undefined;
  /** The view's URL query, so the export says what the user was looking at. */
  view: string;
}

export function graphJson(i: ExportInput, exportedAt: Date): string {
  return JSON.stringify(
    {
      exportedAt: exportedAt.toISOString(),
      context: i.context ?? null,
      view: i.view,
      revision: i.revision,
      nodes: [...i.nodes.values()],
      edges: [...i.edges.values()],
      findings: [...i.findings.values()],
    },
    null,
    2,
  );
}

/** `portolan-<context>-r<revision>.<ext>`, safe as a file name. */
export function exportFileName(context: string | undefined, revision: number, ext: string): string {
  const ctx = (context ?? 'cluster').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
  return `portolan-${ctx}-r${revision}.${ext}`;
}
