import type { NodeId } from '@portolan/topology';
import type { XY } from './layout-slice.js';
import { setState } from './store.js';

export function setPositions(positions: ReadonlyMap<NodeId, XY>): void {
  setState({ positions });
}

/** "Tidy layout": lay everything out afresh, closing the gaps removed nodes left. */
export function requestTidy(): void {
  setState((s) => ({ tidyRequests: s.tidyRequests + 1 }));
}
