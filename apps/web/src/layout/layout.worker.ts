/** Runs layoutGraph off the main thread. Stateless: each request carries the previous positions. */
import { layoutGraph } from './layout-graph.js';
import type { LayoutRequest, LayoutResponse } from './layout-worker-client.js';

/** The worker global, typed narrowly (the DOM and WebWorker libs do not mix). */
const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

scope.onmessage = (ev: MessageEvent<LayoutRequest>) => {
  const { id, graph, previous } = ev.data;
  let response: LayoutResponse;
  try {
    response = { id, positions: layoutGraph(graph, previous) };
  } catch (err) {
    response = { id, error: String(err) };
  }
  scope.postMessage(response);
};
