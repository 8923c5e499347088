/**
 * Arrow keys between cards: from a card, the nearest card in that direction
 * (within a 45° cone, nearest by distance with the off-axis part weighted
 * double). Pure; the canvas moves DOM focus to the answer.
 */
import type { XY } from '../store/layout-slice.js';

export type Direction = 'up' | 'down' | 'left' | 'right';

export const ARROW: Readonly<Record<string, Direction>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

export function nearestInDirection(
  from: XY,
  candidates: Iterable<{ id: string; position: XY }>,
  dir: Direction,
): string | undefined {
  let best: { id: string; score: number } | undefined;
  for (const c of candidates) {
    const dx = c.position.x - from.x;
    const dy = c.position.y - from.y;
    const along = dir === 'right' ? dx : dir === 'left' ? -dx : dir === 'down' ? dy : -dy;
    const across = Math.abs(dir === 'left' || dir === 'right' ? dy : dx);
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    if (!best || score < best.score || (score === best.score && c.id < best.id))
      best = { id: c.id, score };
  }
  return best?.id;
}
