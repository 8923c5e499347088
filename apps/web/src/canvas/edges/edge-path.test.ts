import { describe, expect, it } from 'vitest';
import { COL_W, NODE_W } from '../../layout/geometry.js';
import { edgeGeometry } from './edge-path.js';

const GAP = COL_W - NODE_W;

describe('edgeGeometry', () => {
  it('labels an edge between neighbouring lanes halfway', () => {
    const g = edgeGeometry(0, 0, GAP, 100);
    expect(g).toMatchObject({ labelX: GAP / 2, labelY: 50, anchor: 'middle' });
  });

  it('labels an edge that passes a lane in the first gap after its source, on the curve', () => {
    const g = edgeGeometry(0, 0, GAP + COL_W, 400);
    expect(g.anchor).toBe('start');
    expect(g.labelX).toBeLessThan(GAP / 4);
    expect(g.labelY).toBeGreaterThan(0);
    expect(g.labelY).toBeLessThan(100);
  });

  it('routes client edges over a bus and labels them just before the target', () => {
    const g = edgeGeometry(0, 0, GAP + COL_W, 400, 'client');
    expect(g.path.startsWith('M 0,0 L ')).toBe(true);
    expect(g.labelY).toBe(400);
    expect(g.anchor).toBe('end');
    expect(g.labelX).toBeGreaterThan(COL_W);
  });
});
