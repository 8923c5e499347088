/**
 * Fit the view when the first graph arrives, and again when the namespace
 * filter changes. Never on deltas: a live map that jumps around cannot be
 * read.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useAppStore } from '../store/store.js';
import type { FlowNode } from '../view/to-flow.js';
import { fitViewport } from './fit-viewport.js';

export function useFitView(nodes: readonly FlowNode[]): void {
  const { setViewport } = useReactFlow();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const namespace = useAppStore((s) => s.namespace);
  const fittedFor = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    if (fittedFor.current === namespace) return;
    const viewport = fitViewport(
      nodes.map((n) => n.position),
      width,
      height,
    );
    if (!viewport) return;
    fittedFor.current = namespace;
    void setViewport(viewport);
  }, [nodes, width, height, namespace, setViewport]);
}
