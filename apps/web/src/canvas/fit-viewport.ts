/**
 * The viewport that shows a graph: whole when it fits at a readable zoom;
 * otherwise its top-left part at the smallest readable zoom (centred when
 * narrower than the screen), never shrunk to dust.
 */
import { CARD_H, NODE_W } from '../layout/geometry.js';
import type { XY } from '../store/layout-slice.js';

/** Below this, card text gets too small to read on a shared screen: fit less, pan more. */
export const FIT_MIN_ZOOM = 0.8;
export const FIT_MAX_ZOOM = 1;
/** Room for the pinned lane headers and the first namespace label. */
const PAD_TOP = 96;
const PAD = 24;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export function fitViewport(
  positions: readonly XY[],
  width: number,
  height: number,
): Viewport | null {
  if (positions.length === 0 || width <= 0 || height <= 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of positions) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + NODE_W);
    maxY = Math.max(maxY, p.y + CARD_H);
  }
  const availW = width - 2 * PAD;
  const availH = height - PAD_TOP - PAD;
  const fit = Math.min(availW / (maxX - minX), availH / (maxY - minY));
  const zoom = Math.min(FIT_MAX_ZOOM, Math.max(FIT_MIN_ZOOM, fit));
  const graphW = (maxX - minX) * zoom;
  const graphH = (maxY - minY) * zoom;
  const x = graphW <= availW ? PAD + (availW - graphW) / 2 - minX * zoom : PAD - minX * zoom;
  const y =
    graphH <= availH ? PAD_TOP + (availH - graphH) / 2 - minY * zoom : PAD_TOP - minY * zoom;
  return { x, y, zoom };
}
