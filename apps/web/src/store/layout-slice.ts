/** Where each node sits on the canvas. Owned by the layout runner; React only reads it. */
import type { NodeId } from '@portolan/topology';

export interface XY {
  x: number;
  y: number;
}

export interface LayoutSlice {
  positions: ReadonlyMap<NodeId, XY>;
  /** Bumped by "Tidy layout": the next layout ignores previous positions. */
  tidyRequests: number;
}

export function createLayoutSlice(): LayoutSlice {
  return { positions: new Map(), tidyRequests: 0 };
}
