/** How the user is looking at the graph. Search and focus are placeholders for issue 6. */
import type { NodeId } from '@portolan/topology';

export interface ViewSlice {
  selection: NodeId | null;
  /** Show one namespace (plus cluster-wide nodes), or all when null. */
  namespace: string | null;
  search: string;
  focus: NodeId | null;
}

export function createViewSlice(): ViewSlice {
  return { selection: null, namespace: null, search: '', focus: null };
}
