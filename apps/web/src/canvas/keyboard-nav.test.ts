import { describe, expect, it } from 'vitest';
import { nearestInDirection } from './keyboard-nav.js';

const cards = [
  { id: 'lb', position: { x: 400, y: 0 } },
  { id: 'np', position: { x: 800, y: 0 } },
  { id: 'svc', position: { x: 1200, y: 0 } },
  { id: 'pod-1', position: { x: 1600, y: 0 } },
  { id: 'pod-2', position: { x: 1600, y: 124 } },
  { id: 'other', position: { x: 1200, y: 600 } },
];

describe('nearestInDirection', () => {
  it('walks a path to the right', () => {
    expect(nearestInDirection({ x: 400, y: 0 }, cards, 'right')).toBe('np');
    expect(nearestInDirection({ x: 1200, y: 0 }, cards, 'right')).toBe('pod-1');
  });
  it('moves down a lane and stops at the edge', () => {
    expect(nearestInDirection({ x: 1600, y: 0 }, cards, 'down')).toBe('pod-2');
    expect(nearestInDirection({ x: 1200, y: 600 }, cards, 'down')).toBeUndefined();
    expect(nearestInDirection({ x: 1200, y: 0 }, cards, 'down')).toBe('other');
  });
});
