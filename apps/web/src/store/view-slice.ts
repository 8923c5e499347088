/** How the user is looking at the graph; the URL mirrors it (view/url-state.ts). */
import type { NodeId, NodeKind, PolicyStatus } from '@portolan/topology';

/** Keep only edges with this NetworkPolicy verdict (and their paths), or pods isolated by policies. */
export type VerdictFilter = Exclude<PolicyStatus, 'unknown'> | 'isolated';

export interface ViewSlice {
  /** The selected node: shown in the inspector and traced on the canvas. */
  selection: NodeId | null;
  /** Show one namespace (plus cluster-wide nodes), or all when null. */
  namespace: string | null;
  search: string;
  /** A Service or Ingress: only the paths through it are shown. */
  focus: NodeId | null;
  hiddenKinds: ReadonlySet<NodeKind>;
  findingsOnly: boolean;
  verdict: VerdictFilter | null;
  /** Asks the canvas to bring a node into view (bumped, so the same node can be asked twice). */
  reveal: { id: NodeId; seq: number } | null;
  /** The side panel open on the left, if any. */
  panel: 'findings' | 'changes' | 'policies' | null;
  /** Services whose pods are shown one by one even above the group threshold. */
  expanded: ReadonlySet<NodeId>;
  /** Namespaces shown card by card even when the map folds namespaces (cluster scale). */
  expandedNamespaces: ReadonlySet<string>;
}

export function createViewSlice(): ViewSlice {
  return {
    selection: null,
    namespace: null,
    search: '',
    focus: null,
    hiddenKinds: new Set(),
    findingsOnly: false,
    verdict: null,
    reveal: null,
    panel: null,
    expanded: new Set(),
    expandedNamespaces: new Set(),
  };
}
