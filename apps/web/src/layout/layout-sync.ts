/** Wires the store to the layout runner: graph changes and "Tidy layout" trigger a layout. */
import { setPositions } from '../store/layout-actions.js';
import { getState, useAppStore } from '../store/store.js';
import { selectCollapsePlan, selectNamespacePlan } from '../view/select-visible-graph.js';
import { toLayoutGraph } from './layout-input.js';
import { createLayoutRunner, type LayoutRunner } from './layout-runner.js';
import type { LayoutFn } from './layout-worker-client.js';

export function startLayoutSync(layout: LayoutFn): { runner: LayoutRunner; stop: () => void } {
  const runner = createLayoutRunner(layout, () => getState().positions, setPositions);
  let nsKey = '';
  const stop = useAppStore.subscribe((s, prev) => {
    const nsPlan = selectNamespacePlan(s);
    // Folding or unfolding a namespace starts afresh, so an unfolded one sits in its place.
    const refold = nsPlan.key !== nsKey;
    nsKey = nsPlan.key;
    const tidy = s.tidyRequests !== prev.tidyRequests || refold;
    if (tidy || s.nodes !== prev.nodes || s.edges !== prev.edges || s.expanded !== prev.expanded) {
      runner.request(toLayoutGraph(s.nodes, s.edges, selectCollapsePlan(s), nsPlan), tidy);
    }
  });
  return { runner, stop };
}
