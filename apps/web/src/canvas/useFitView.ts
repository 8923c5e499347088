/**
 * Fit the view once the first graph is laid out and measured, and again when
 * the namespace filter changes. Never on deltas: a live map that jumps around
 * cannot be read. On a big graph, fit its top rather than shrink it to dust.
 */
import { useEffect, useRef } from 'react';
import { useNodesInitialized, useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useAppStore } from '../store/store.js';
import type { FlowNode } from '../view/to-flow.js';

export const FIT_MIN_ZOOM = 0.6;
export const FIT_MAX_ZOOM = 1;

export function useFitView(nodes: readonly FlowNode[]): void {
  const { fitView } = useReactFlow();
  const initialized = useNodesInitialized();
  const height = useFlowStore((s) => s.height);
  const namespace = useAppStore((s) => s.namespace);
  const fittedFor = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    if (!initialized || nodes.length === 0 || fittedFor.current === namespace) return;
    fittedFor.current = namespace;
    const top = Math.min(...nodes.map((n) => n.position.y));
    const reach = top + height / FIT_MIN_ZOOM;
    void fitView({
      nodes: nodes.filter((n) => n.position.y < reach).map((n) => ({ id: n.id })),
      padding: { top: '64px', left: '24px', right: '24px', bottom: '24px' },
      minZoom: FIT_MIN_ZOOM,
      maxZoom: FIT_MAX_ZOOM,
    });
  }, [initialized, nodes, height, namespace, fitView]);
}
