import type { NodeId } from '@portolan/topology';
import { setState } from './store.js';

export function selectNode(id: NodeId | null): void {
  setState({ selection: id });
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

function hiddenBy(filter: string | null, nodeNamespace: string | undefined): boolean {
  return filter !== null && nodeNamespace !== undefined && nodeNamespace !== filter;
}
