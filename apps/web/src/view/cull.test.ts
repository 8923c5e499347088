import { describe, expect, it } from 'vitest';
import { cullToWindow, viewWindow } from './cull.js';

const grid = Array.from({ length: 100 }, (_, i) => ({
  id: `n${i}`,
  position: { x: (i % 10) * 400, y: Math.floor(i / 10) * 124 },
}));
const size = { width: 240, height: 104 };

describe('cull', () => {
  it('keeps the cards in the window and the ones that must stay', () => {
    const win = { x: 0, y: 0, width: 500, height: 200 };
    const out = cullToWindow(grid, win, size, 1500, (n) => n.id === 'n99');
    expect(out.map((n) => n.id).sort()).toEqual(['n0', 'n1', 'n10', 'n11', 'n99']);
  });

  it('never returns more than the cap, nearest the centre first', () => {
    const win = { x: 0, y: 0, width: 4000, height: 1240 };
    const out = cullToWindow(grid, win, size, 10, () => false);
    expect(out).toHaveLength(10);
    expect(out[0]?.id).toBe('n55');
  });

  it('snaps the window so small pans keep the same set', () => {
    const a = viewWindow({ x: 0, y: 0, zoom: 1 }, 1600, 1000);
    const b = viewWindow({ x: -10, y: -10, zoom: 1 }, 1600, 1000);
    expect(b).toEqual(a);
    expect(a.width).toBeGreaterThanOrEqual(1600 * 3);
  });
});
