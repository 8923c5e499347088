/**
 * Edge labels must not cover each other. Each label starts at its ideal
 * point on its edge (see canvas/edges/edge-path.ts); a sweep in reading
 * order pushes a label down below any label it would overlap. Deterministic,
 * and only labels near each other are compared (bucketed on a grid of x and
 * y, so 100,000 labels cost about as much per label as 100).
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
const Y_BUCKET = 200;

type Grid = Map<string, LabelBox[]>;

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
  const grid: Grid = new Map();
  const out = new Map<string, number>();
  let tallest = 0;
  for (const label of sorted) {
    const lo = Math.floor((label.x - label.width / 2) / BUCKET) - 2;
    const hi = Math.floor((label.x + label.width / 2) / BUCKET) + 2;
    let y = label.y;
    for (let guard = 0; guard < 100; guard++) {
      const reach = (tallest + label.height) / 2 + MARGIN;
      const hit = findOverlap(grid, lo, hi, y - reach, y + reach, { ...label, y });
      if (!hit) break;
      y = hit.y + hit.height / 2 + label.height / 2 + MARGIN;
    }
    const placed = { ...label, y };
    tallest = Math.max(tallest, label.height);
    const key = `${Math.floor(label.x / BUCKET)},${Math.floor(y / Y_BUCKET)}`;
    const list = grid.get(key);
    if (list) list.push(placed);
    else grid.set(key, [placed]);
    out.set(label.id, y - label.y);
  }
  return out;
}

function findOverlap(
  grid: Grid,
  lo: number,
  hi: number,
  top: number,
  bottom: number,
  box: LabelBox,
): LabelBox | undefined {
  let lowest: LabelBox | undefined;
  const yLo = Math.floor(top / Y_BUCKET);
  const yHi = Math.floor(bottom / Y_BUCKET);
  for (let k = lo; k <= hi; k++) {
    for (let ky = yLo; ky <= yHi; ky++)
      for (const other of grid.get(`${k},${ky}`) ?? []) {
        const overlapX = Math.abs(other.x - box.x) < (other.width + box.width) / 2 + MARGIN;
        const overlapY = Math.abs(other.y - box.y) < (other.height + box.height) / 2 + MARGIN;
        if (overlapX && overlapY && (!lowest || other.y > lowest.y)) lowest = other;
      }
  }
  return lowest;
}
