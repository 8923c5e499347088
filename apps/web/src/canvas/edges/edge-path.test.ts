import { describe, expect, it } from 'vitest';
import { CARD_H, COL_W, NODE_W, ROW_H } from '../../layout/geometry.js';
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

  it('runs an edge that passes a lane along the gutter next to its target row, never across a card of that lane', () => {
    // Ingress on row 0 to a Service two rows down whose NodePort card sits on the Service's row.
    const sy = CARD_H / 2;
    const ty = 2 * ROW_H + CARD_H / 2;
    const g = edgeGeometry(NODE_W, sy, 2 * COL_W, ty);
    const gutterY = 2 * ROW_H - (ROW_H - CARD_H) / 2;
    expect(g.path).toContain(`L ${2 * COL_W - GAP},${gutterY}`);
    // The straight run crosses the NodePort lane (x from COL_W*... ) between rows 1 and 2: clear of both cards.
    expect(gutterY).toBeGreaterThan(ROW_H + CARD_H);
    expect(gutterY).toBeLessThan(2 * ROW_H);
    // Level with the target: still in the gutter (above), not through the target row's NodePort card.
    const level = edgeGeometry(NODE_W, ty, 2 * COL_W, ty);
    expect(level.path).toContain(`,${gutterY} L `);
  });

  it('keeps the label of a steep edge by its source, not beside another row', () => {
    const g = edgeGeometry(0, 6 * ROW_H, GAP, 0);
    expect(g).toMatchObject({ labelY: 6 * ROW_H, anchor: 'start' });
    expect(g.labelX).toBeLessThan(GAP / 4);
  });
});
