/**
 * Edge geometry: a horizontal S-curve and its label point. An edge between
 * neighbouring lanes has its label halfway; an edge that passes a lane (the
 * external clients to a NodePort, an Ingress to its Services, a Service to a
 * pod in an overflow column) has it in the first gap after its source, the
 * only gap it is sure to cross in the open. Overlaps are resolved later
 * (view/label-placement.ts).
 */
import { COL_W, NODE_W } from '../../layout/geometry.js';

export interface EdgeGeometry {
  path: string;
  labelX: number;
  labelY: number;
}

const GAP = COL_W - NODE_W;

export function edgeGeometry(sx: number, sy: number, tx: number, ty: number): EdgeGeometry {
  const dx = tx - sx;
  const k = Math.max(40, Math.abs(dx) * 0.5);
  const c1x = sx + k;
  const c2x = tx - k;
  const path = `M ${sx},${sy} C ${c1x},${sy} ${c2x},${ty} ${tx},${ty}`;
  if (dx <= GAP * 1.5) {
    return { path, labelX: (sx + tx) / 2, labelY: (sy + ty) / 2 };
  }
  const labelX = sx + GAP / 2;
  // x(t) is monotonic for these control points: find t by bisection, then y(t).
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (cubic(sx, c1x, c2x, tx, mid) < labelX) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return { path, labelX, labelY: cubic(sy, sy, ty, ty, t) };
}

function cubic(p0: number, p1: number, p2: number, p3: number, t: number): number {
  const u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}
