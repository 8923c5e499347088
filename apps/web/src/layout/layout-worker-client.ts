/** The async layout adapter: in a Web Worker when the platform has one, inline otherwise (tests). */
import type { NodeId } from '@portolan/topology';
import type { XY } from '../store/layout-slice.js';
import { layoutGraph, type Positions } from './layout-graph.js';
import type { LayoutGraph } from './layout-groups.js';

export type LayoutFn = (graph: LayoutGraph, previous: Positions) => Promise<Map<NodeId, XY>>;

export interface LayoutRequest {
  id: number;
  graph: LayoutGraph;
  previous: Positions;
}

export type LayoutResponse =
  { id: number; positions: Map<NodeId, XY> } | { id: number; error: string };

export const inlineLayout: LayoutFn = (graph, previous) =>
  Promise.resolve(layoutGraph(graph, previous));

export function workerLayout(): LayoutFn {
  if (typeof Worker === 'undefined') return inlineLayout;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  } catch (err) {
    console.error('portolan layout: no worker, laying out on the main thread', err);
    return inlineLayout;
  }
  let nextId = 1;
  const waiting = new Map<
    number,
    { resolve: (p: Map<NodeId, XY>) => void; reject: (e: Error) => void }
  >();
  worker.onmessage = (ev: MessageEvent<LayoutResponse>) => {
    const w = waiting.get(ev.data.id);
    waiting.delete(ev.data.id);
    if (!w) return;
    if ('error' in ev.data) w.reject(new Error(ev.data.error));
    else w.resolve(ev.data.positions);
  };
  worker.onerror = (ev) => {
    for (const w of waiting.values()) w.reject(new Error(`layout worker failed: ${ev.message}`));
    waiting.clear();
  };
  return (graph, previous) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      const request: LayoutRequest = { id, graph, previous };
      worker.postMessage(request);
    });
}
