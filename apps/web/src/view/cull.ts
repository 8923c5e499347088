/**
 * Windowing for large graphs. React Flow mounts every new node once to
 * measure it, even with its own culling on, so handing it 10,000 cards
 * stalls the first paint for seconds. Above a threshold we hand it only the
 * cards in (and around) the viewport, at most `cap` of them, nearest the
 * centre first, plus cards that must stay (External clients, the selection).
 * The window is snapped to a grid so panning changes the set only now and then.
 */
import type { XY } from '../store/layout-slice.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The viewport in flow coordinates, grown by `margin` screens on each side and snapped to half screens. */
export function viewWindow(
  viewport: { x: number; y: number; zoom: number },
  width: number,
  height: number,
  margin = 1,
): Rect {
  const w = width / viewport.zoom;
  const h = height / viewport.zoom;
  const left = -viewport.x / viewport.zoom;
  const top = -viewport.y / viewport.zoom;
  const stepX = Math.max(1, w / 2);
  const stepY = Math.max(1, h / 2);
  const x = Math.floor((left - margin * w) / stepX) * stepX;
  const y = Math.floor((top - margin * h) / stepY) * stepY;
  return {
    x,
    y,
    width: Math.ceil((w * (1 + 2 * margin)) / stepX + 1) * stepX,
    height: Math.ceil((h * (1 + 2 * margin)) / stepY + 1) * stepY,
  };
}

export function cullToWindow<T extends { id: string; position: XY }>(
  items: readonly T[],
  win: Rect,
  size: { width: number; height: number },
  cap: number,
  keep: (item: T) => boolean,
): T[] {
  const cx = win.x + win.width / 2;
  const cy = win.y + win.height / 2;
  const inside: { item: T; d: number }[] = [];
  const kept: T[] = [];
  for (const item of items) {
    if (keep(item)) {
      kept.push(item);
      continue;
    }
    const { x, y } = item.position;
    if (x + size.width < win.x || x > win.x + win.width) continue;
    if (y + size.height < win.y || y > win.y + win.height) continue;
    inside.push({ item, d: Math.abs(x - cx) + Math.abs(y - cy) });
  }
  if (inside.length + kept.length > cap) inside.sort((a, b) => a.d - b.d);
  return [...kept, ...inside.slice(0, Math.max(0, cap - kept.length)).map((i) => i.item)];
}
