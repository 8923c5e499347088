import { useMemo, useState } from 'react';
import { useAppStore } from '../store/store.js';
import { selectVisibleGraph } from './select-visible-graph.js';
import { createFlowMapper, type FlowElements } from './to-flow.js';

/** The React Flow nodes and edges for the current view; unchanged elements keep their identity. */
export function useFlowElements(): FlowElements {
  const visible = useAppStore(selectVisibleGraph);
  const positions = useAppStore((s) => s.positions);
  const leaving = useAppStore((s) => s.leaving);
  const [mapper] = useState(createFlowMapper);
  return useMemo(() => mapper(visible, positions, leaving), [mapper, visible, positions, leaving]);
}
