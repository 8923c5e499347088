import { useFitView } from './useFitView.js';
import type { FlowNode } from '../view/to-flow.js';

/** Renders nothing; runs useFitView inside the React Flow provider. */
export function FitView({ nodes }: { nodes: readonly FlowNode[] }) {
  useFitView(nodes);
  return null;
}
