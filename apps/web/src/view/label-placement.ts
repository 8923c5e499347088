/**
 * Edge labels must not cover each other. Each label starts at its ideal
 * point on its edge (see canvas/edges/edge-path.ts); a sweep in reading
 * order pushes a label down below any label it would overlap. Deterministic,
 * and only labels near each other are compared (bucketed by x).
 */
export interface LabelBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Tie-break between labels at the same point (e.g. the target's x: nearer targets first). */
  order?: number;
}

const CHAR_W = 7.3;
const LINE_H = 16.5;
const PAD_X = 14;
const PAD_Y = 4;
const MARGIN = 3;
const BUCKET = 100;

/** The size a label of these lines takes (12px monospace, one line each). */
export function labelSize(lines: readonly string[]): { width: number; height: number } {
  const chars = Math.max(0, ...lines.map((l) => l.length));
  return { width: chars * CHAR_W + PAD_X, height: lines.length * LINE_H + PAD_Y };
}

/** Returns, per label id, how far down it moved from its ideal point (0 when it did not). */
export function placeLabels(labels: readonly LabelBox[]): Map<string, number> {
  const sorted = [...labels].sort(
    (a, b) => a.y - b.y || a.x - b.x || (a.order ?? 0) - (b.order ?? 0) || (a.id < b.id ? -1 : 1),
  );
  const buckets = new Map<number, LabelBox[]>();
  const out = new Map<string, number>();
  for (const label of sorted) {
    const lo = Math.floor((label.x - label.width / 2) / BUCKET) - 2;
    const hi = Math.floor((label.x + label.width / 2) / BUCKET) + 2;
    let y = label.y;
    for (let guard = 0; guard < 100; guard++) {
      const hit = findOverlap(buckets, lo, hi, { ...label, y });
      if (!hit) break;
      y = hit.y + hit.height / 2 + label.height / 2 + MARGIN;
    }
    const placed = { ...label, y };
    const key = Math.floor(label.x / BUCKET);
    const list = buckets.get(key);
    if (list) list.push(placed);
    else buckets.set(key, [placed]);
    out.set(label.id, y - label.y);
  }
  return out;
}

function findOverlap(
  buckets: ReadonlyMap<number, LabelBox[]>,
  lo: number,
  hi: number,
  box: LabelBox,
): LabelBox | undefined {
  let lowest: LabelBox | undefined;
  for (let k = lo; k <= hi; k++) {
    for (const other of buckets.get(k) ?? []) {
      const overlapX = Math.abs(other.x - box.x) < (other.width + box.width) / 2 + MARGIN;
      const overlapY = Math.abs(other.y - box.y) < (other.height + box.height) / 2 + MARGIN;
      if (overlapX && overlapY && (!lowest || other.y > lowest.y)) lowest = other;
    }
  }
  return lowest;
}
