/**
 * Keeps positions in step with the graph. One layout runs at a time; while it
 * runs, newer requests coalesce into one, which then starts from the
 * positions the finished run produced. So every run sees the latest
 * positions, and a burst of deltas costs at most two layouts.
 *
 * Each run is recorded as a `portolan:layout` performance measure (request to
 * positions applied, worker round trip included; detail: node count), which
 * the browser benchmark reads. The timeline is cleared every 1,000 runs.
 */
import type { NodeId } from '@portolan/topology';
import type { XY } from '../store/layout-slice.js';
import { inlineLayout, type LayoutFn } from './layout-worker-client.js';
import type { LayoutGraph } from './layout-groups.js';
import type { Positions } from './layout-graph.js';

export const LAYOUT_MEASURE = 'portolan:layout';

export interface LayoutRunner {
  request(graph: LayoutGraph, tidy: boolean): void;
  /** Resolves when no layout is running or queued (tests). */
  idle(): Promise<void>;
}

export function createLayoutRunner(
  layout: LayoutFn,
  current: () => Positions,
  apply: (positions: Map<NodeId, XY>) => void,
): LayoutRunner {
  let pending: { graph: LayoutGraph; tidy: boolean } | null = null;
  let running: Promise<void> | null = null;
  let fn = layout;
  let measured = 0;

  async function pump(): Promise<void> {
    while (pending) {
      const { graph, tidy } = pending;
      pending = null;
      try {
        const start = performance.now();
        apply(await fn(graph, tidy ? new Map() : current()));
        record(start, graph.nodes.length);
      } catch (err) {
        if (fn === inlineLayout) {
          console.error('portolan layout failed', err);
          continue;
        }
        console.error('portolan layout worker failed; laying out on the main thread', err);
        fn = inlineLayout;
        pending ??= { graph, tidy };
      }
    }
    running = null;
  }

  function record(start: number, nodes: number): void {
    if (++measured % 1000 === 0) performance.clearMeasures(LAYOUT_MEASURE);
    performance.measure(LAYOUT_MEASURE, { start, end: performance.now(), detail: { nodes } });
  }

  return {
    request(graph, tidy) {
      pending = { graph, tidy: tidy || (pending?.tidy ?? false) };
      running ??= pump();
    },
    idle: () => running ?? Promise.resolve(),
  };
}
