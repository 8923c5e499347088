import { describe, expect, it } from 'vitest';
import { FIT_MAX_ZOOM, FIT_MIN_ZOOM, fitViewport } from './fit-viewport.js';

describe('fitViewport', () => {
  it('shows a small graph whole at zoom 1, centred', () => {
    const v = fitViewport([{ x: 0, y: 0 }], 1600, 1000);
    expect(v?.zoom).toBe(FIT_MAX_ZOOM);
    expect(v?.x).toBeGreaterThan(600);
  });

  it('never zooms out below the readable minimum; shows the top-left of a big graph', () => {
    const v = fitViewport(
      [
        { x: 0, y: 0 },
        { x: 4000, y: 20000 },
      ],
      1600,
      1000,
    );
    expect(v?.zoom).toBe(FIT_MIN_ZOOM);
    expect(v?.x).toBe(24);
    expect(v?.y).toBe(96);
  });

  it('returns null with nothing to show', () => {
    expect(fitViewport([], 1600, 1000)).toBeNull();
  });
});
