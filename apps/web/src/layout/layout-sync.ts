/** Wires the store to the layout runner: graph changes and "Tidy layout" trigger a layout. */
import { setPositions } from '../store/layout-actions.js';
import { getState, useAppStore } from '../store/store.js';
import { selectCollapsePlan } from '../view/select-visible-graph.js';
import { toLayoutGraph } from './layout-input.js';
import { createLayoutRunner, type LayoutRunner } from './layout-runner.js';
import type { LayoutFn } from './layout-worker-client.js';

export function startLayoutSync(layout: LayoutFn): { runner: LayoutRunner; stop: () => void } {
  const runner = createLayoutRunner(layout, () => getState().positions, setPositions);
  const stop = useAppStore.subscribe((s, prev) => {
    const tidy = s.tidyRequests !== prev.tidyRequests;
    if (tidy || s.nodes !== prev.nodes || s.edges !== prev.edges || s.expanded !== prev.expanded) {
      runner.request(toLayoutGraph(s.nodes, s.edges, selectCollapsePlan(s)), tidy);
    }
  });
  return { runner, stop };
}
