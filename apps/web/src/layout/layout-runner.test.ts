import { describe, expect, it } from 'vitest';
import type { NodeId } from '@portolan/topology';
import type { XY } from '../store/layout-slice.js';
import { serviceWithPods } from '../test-support/graph-builders.js';
import type { LayoutGraph } from './layout-groups.js';
import type { Positions } from './layout-graph.js';
import { createLayoutRunner } from './layout-runner.js';
import { inlineLayout, type LayoutFn } from './layout-worker-client.js';

/** A layout that waits until released, recording what it was given. */
function gatedLayout() {
  const calls: { graph: LayoutGraph; previous: Positions; release: () => void }[] = [];
  const fn: LayoutFn = (graph, previous) =>
    new Promise((resolve) => {
      calls.push({
        graph,
        previous,
        release: () => void inlineLayout(graph, previous).then(resolve),
      });
    });
  return { fn, calls };
}

describe('layout runner', () => {
  it('runs one layout at a time and coalesces requests made meanwhile, starting from the latest positions', async () => {
    let positions: Positions = new Map();
    const applied: Map<NodeId, XY>[] = [];
    const { fn, calls } = gatedLayout();
    const runner = createLayoutRunner(
      fn,
      () => positions,
      (p) => {
        positions = p;
        applied.push(p);
      },
    );
    const g1 = serviceWithPods('default', 'a', ['a-1']);
    const g2 = serviceWithPods('default', 'a', ['a-1', 'a-2']);
    const g3 = serviceWithPods('default', 'a', ['a-1', 'a-2', 'a-3']);
    runner.request(g1, false);
    runner.request(g2, false);
    runner.request(g3, false);
    expect(calls).toHaveLength(1);
    calls[0]?.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toHaveLength(2);
    expect(calls[1]?.graph).toBe(g3); // g2 was superseded
    expect(calls[1]?.previous.size).toBe(2); // starts from the first result
    calls[1]?.release();
    await runner.idle();
    expect(applied).toHaveLength(2);
    expect(positions.size).toBe(4);
  });

  it('falls back to the main thread when the worker fails', async () => {
    let positions: Positions = new Map();
    const failing: LayoutFn = () => Promise.reject(new Error('worker died'));
    const runner = createLayoutRunner(
      failing,
      () => positions,
      (p) => (positions = p),
    );
    runner.request(serviceWithPods('default', 'a', ['a-1']), false);
    await runner.idle();
    await runner.idle();
    expect(positions.size).toBe(2);
  });

  it('a tidy request ignores previous positions', async () => {
    let positions: Positions = new Map([['svc:default/a', { x: 9999, y: 9999 }]]);
    const runner = createLayoutRunner(
      inlineLayout,
      () => positions,
      (p) => (positions = p),
    );
    runner.request(serviceWithPods('default', 'a', ['a-1']), true);
    await runner.idle();
    expect(positions.get('svc:default/a')?.x).not.toBe(9999);
  });
});
