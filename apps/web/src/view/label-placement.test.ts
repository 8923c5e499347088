import { describe, expect, it } from 'vitest';
import { labelSize, placeLabels } from './label-placement.js';

describe('placeLabels', () => {
  it('leaves labels that do not touch where they are', () => {
    const moved = placeLabels([
      { id: 'a', x: 0, y: 0, width: 100, height: 20 },
      { id: 'b', x: 0, y: 100, width: 100, height: 20 },
      { id: 'c', x: 300, y: 0, width: 100, height: 20 },
    ]);
    expect([...moved.values()]).toEqual([0, 0, 0]);
  });

  it('pushes an overlapping label below the one above it, deterministically', () => {
    const labels = [
      { id: 'b', x: 10, y: 5, width: 100, height: 20 },
      { id: 'a', x: 0, y: 0, width: 100, height: 20 },
    ];
    const moved = placeLabels(labels);
    expect(moved.get('a')).toBe(0);
    expect(moved.get('b')).toBeGreaterThanOrEqual(20 - 5);
    expect(placeLabels([...labels].reverse())).toEqual(moved);
  });

  it('stacks several labels at one point without overlap', () => {
    const moved = placeLabels(
      ['a', 'b', 'c'].map((id) => ({ id, x: 0, y: 0, width: 80, height: 20 })),
    );
    const ys = [...moved.values()].sort((p, q) => p - q);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(20);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(20);
  });

  it('sizes a label by its longest line and line count', () => {
    const one = labelSize(['80 -> 8080/TCP']);
    const two = labelSize(['shop.example.com/api', '80 -> 8080/TCP']);
    expect(two.width).toBeGreaterThan(one.width);
    expect(two.height).toBeGreaterThan(one.height);
  });
});
