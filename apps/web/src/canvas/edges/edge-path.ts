/**
 * Edge geometry: the path and its label point (with the label's anchor).
 *
 * - Client edges (the external clients to every entry point) share a bus: a
 *   trunk just right of the External card, then a straight run into the
 *   target at its height, so dozens of them read as one tidy tree instead of
 *   crossing sweeps. Their label sits on the last run, in the gap before the
 *   target.
 * - Other edges are horizontal S-curves. Between neighbouring lanes the label
 *   is halfway, unless the edge is steep (more than 1.5 rows): then it sits
 *   by its source, so it never reads as another row's (a pod two Services
 *   select sits with the more exposed one, far from the other).
 * - An edge that passes a lane (an Ingress to its Services, a Service to a
 *   pod in an overflow column) would run behind the cards of that lane (a
 *   NodePort card sits on its Service's row), so it bends into the gutter
 *   between card rows next to its target's row (rows line up across lanes),
 *   runs along it, and bends into the target. Its label starts just after its
 *   source, in the only gap it is sure to cross in the open.
 *
 * Overlaps between labels are resolved later (view/label-placement.ts).
 */
import type { EdgeKind } from '@portolan/topology';
import { CARD_H, COL_W, NODE_W, ROW_H } from '../../layout/geometry.js';

export interface EdgeGeometry {
  path: string;
  labelX: number;
  labelY: number;
  /** Which side of the label sits at labelX: its middle, its left end or its right end. */
  anchor: 'middle' | 'start' | 'end';
}

/** Labels keep this far from the cards they start or end at. */
const LABEL_INSET = 10;

const GAP = COL_W - NODE_W;
/** Distance of the client bus trunk from the External card. */
const TRUNK = 28;
const RADIUS = 10;

export function edgeGeometry(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  kind?: EdgeKind,
): EdgeGeometry {
  if (kind === 'client' && tx - sx > TRUNK + RADIUS) return busGeometry(sx, sy, tx, ty);
  const dx = tx - sx;
  if (dx <= GAP * 1.5) {
    const k = Math.max(40, Math.abs(dx) * 0.5);
    const path = `M ${sx},${sy} C ${sx + k},${sy} ${tx - k},${ty} ${tx},${ty}`;
    // A steep edge's midpoint sits beside other rows' cards, where its label
    // would read as theirs: keep the label by its source instead.
    if (Math.abs(ty - sy) > 1.5 * ROW_H) {
      const labelX = sx + LABEL_INSET;
      return { path, labelX, labelY: sy, anchor: 'start' };
    }
    return { path, labelX: (sx + tx) / 2, labelY: (sy + ty) / 2, anchor: 'middle' };
  }
  // The gutter above the target's row when coming from above (or level), below it otherwise.
  const gy = sy <= ty ? ty - CARD_H / 2 - GUTTER / 2 : ty + CARD_H / 2 + GUTTER / 2;
  const ax = sx + GAP;
  const bx = tx - GAP;
  const m = GAP / 2;
  const path = [
    `M ${sx},${sy}`,
    `C ${sx + m},${sy} ${sx + m},${gy} ${ax},${gy}`,
    `L ${bx},${gy}`,
    `C ${bx + m},${gy} ${bx + m},${ty} ${tx},${ty}`,
  ].join(' ');
  const labelX = sx + LABEL_INSET;
  // x(t) is monotonic on the first bend: find t by bisection, then y(t).
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (cubic(sx, sx + m, sx + m, ax, mid) < labelX) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return { path, labelX, labelY: cubic(sy, sy, gy, gy, t), anchor: 'start' };
}

/** The empty band between two card rows. */
const GUTTER = ROW_H - CARD_H;

function busGeometry(sx: number, sy: number, tx: number, ty: number): EdgeGeometry {
  const bx = sx + TRUNK;
  const dy = ty - sy;
  const labelX = tx - LABEL_INSET;
  if (Math.abs(dy) < 2 * RADIUS) {
    const path = `M ${sx},${sy} L ${bx},${sy} L ${bx},${ty} L ${tx},${ty}`;
    return { path, labelX, labelY: ty, anchor: 'end' };
  }
  const s = Math.sign(dy);
  const path = [
    `M ${sx},${sy}`,
    `L ${bx - RADIUS},${sy}`,
    `Q ${bx},${sy} ${bx},${sy + s * RADIUS}`,
    `L ${bx},${ty - s * RADIUS}`,
    `Q ${bx},${ty} ${bx + RADIUS},${ty}`,
    `L ${tx},${ty}`,
  ].join(' ');
  return { path, labelX, labelY: ty, anchor: 'end' };
}

/** The CSS transform that puts a label's anchor at (x, y). */
export function labelTransform(anchor: EdgeGeometry['anchor'], x: number, y: number): string {
  const shift = anchor === 'middle' ? '-50%' : anchor === 'start' ? '0%' : '-100%';
  return `translate(${shift}, -50%) translate(${x}px, ${y}px)`;
}

/** The x of a label's middle, given its anchor and width. */
export function labelCentreX(anchor: EdgeGeometry['anchor'], x: number, width: number): number {
  return anchor === 'middle' ? x : anchor === 'start' ? x + width / 2 : x - width / 2;
}

function cubic(p0: number, p1: number, p2: number, p3: number, t: number): number {
  const u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}
