import type { EdgeId, NodeId, NodeKind } from '@portolan/topology';
import { getState, setState } from './store.js';
import type { VerdictFilter, ViewSlice } from './view-slice.js';

export function selectNode(id: NodeId | null): void {
  setState({ selection: id });
}

/**
 * Select an edge (its policy chip): the inspector shows its verdict and
 * reasons. Edge and node ids never collide (edge ids hold `->`), so the one
 * selection field (and `sel=` in the URL) serves both.
 */
export function selectEdge(id: EdgeId): void {
  setState({ selection: id as string as NodeId });
}

/** Select a node and ask the canvas to bring it into view (findings, search results). */
export function revealNode(id: NodeId): void {
  const node = getState().nodes.get(id);
  setState((s) => ({
    selection: id,
    // A filter that hides the node would make "reveal" a lie: widen the view.
    namespace:
      s.namespace !== null && node?.namespace !== undefined && node.namespace !== s.namespace
        ? null
        : s.namespace,
    hiddenKinds: node && s.hiddenKinds.has(node.kind) ? new Set() : s.hiddenKinds,
    reveal: { id, seq: (s.reveal?.seq ?? 0) + 1 },
  }));
}

export function setNamespaceFilter(namespace: string | null): void {
  setState((s) => ({
    namespace,
    // A selection hidden by the filter would leave an inspector for something invisible.
    selection: hiddenBy(
      namespace,
      s.selection === null ? undefined : s.nodes.get(s.selection)?.namespace,
    )
      ? null
      : s.selection,
  }));
}

export function setSearch(search: string): void {
  setState({ search });
}

export function setFocus(focus: NodeId | null): void {
  setState({ focus });
}

export function toggleKind(kind: NodeKind): void {
  setState((s) => {
    const hiddenKinds = new Set(s.hiddenKinds);
    if (hiddenKinds.has(kind)) hiddenKinds.delete(kind);
    else hiddenKinds.add(kind);
    return { hiddenKinds };
  });
}

/** Show a Service's pods one by one, or fold them back into a group card. */
export function setExpanded(serviceId: NodeId, expanded: boolean): void {
  setState((s) => {
    const next = new Set(s.expanded);
    if (expanded) next.add(serviceId);
    else next.delete(serviceId);
    return { expanded: next };
  });
}

/**
 * Show a folded namespace card by card (and bring `reveal`, one of its
 * Services, into view once it is laid out), or fold it back.
 */
export function setNamespaceExpanded(namespace: string, expanded: boolean, reveal?: NodeId): void {
  setState((s) => {
    const next = new Set(s.expandedNamespaces);
    if (expanded) next.add(namespace);
    else next.delete(namespace);
    return {
      expandedNamespaces: next,
      // The folded card's inspector would describe a card that is gone.
      selection: s.selection === `nsgroup:${namespace}` ? null : s.selection,
      reveal: reveal ? { id: reveal, seq: (s.reveal?.seq ?? 0) + 1 } : s.reveal,
    };
  });
}

export function togglePanel(panel: 'findings' | 'changes' | 'policies'): void {
  setState((s) => ({ panel: s.panel === panel ? null : panel }));
}

export function setFindingsOnly(findingsOnly: boolean): void {
  setState({ findingsOnly });
}

export function setVerdictFilter(verdict: VerdictFilter | null): void {
  setState({ verdict });
}

/** Esc: close the inspector first; with nothing selected, leave focus. */
export function escape(): void {
  const s = getState();
  if (s.selection !== null) setState({ selection: null });
  else if (s.focus !== null) setState({ focus: null });
}

export type UrlView = Pick<
  ViewSlice,
  'selection' | 'namespace' | 'search' | 'focus' | 'hiddenKinds' | 'findingsOnly' | 'verdict'
>;

export function applyUrlView(v: UrlView): void {
  setState(v);
}

function hiddenBy(filter: string | null, nodeNamespace: string | undefined): boolean {
  return filter !== null && nodeNamespace !== undefined && nodeNamespace !== filter;
}
