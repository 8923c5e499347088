/**
 * Fit the view when the first graph arrives and whenever what is shown
 * changes by the user's hand (namespace, search, kinds, findings only,
 * focus); bring a node into view when something asks to reveal it. Never on
 * deltas: a live map that jumps around cannot be read.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { CARD_H, NODE_W } from '../layout/geometry.js';
import { useAppStore } from '../store/store.js';
import type { AppState } from '../store/store.js';
import type { FlowNode } from '../view/to-flow.js';
import { fitViewport } from './fit-viewport.js';

const viewKey = (s: AppState): string =>
  JSON.stringify([s.namespace, s.search.trim(), s.focus, [...s.hiddenKinds], s.findingsOnly]);

export function useFitView(nodes: readonly FlowNode[]): void {
  const { setViewport, setCenter, getZoom } = useReactFlow();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const key = useAppStore(viewKey);
  const reveal = useAppStore((s) => s.reveal);
  const fittedFor = useRef<string | undefined>(undefined);
  const revealed = useRef<number>(0);

  useEffect(() => {
    if (fittedFor.current === key) return;
    const viewport = fitViewport(
      nodes.map((n) => n.position),
      width,
      height,
    );
    if (!viewport) return;
    fittedFor.current = key;
    void setViewport(viewport);
  }, [nodes, width, height, key, setViewport]);

  useEffect(() => {
    if (!reveal || reveal.seq === revealed.current) return;
    const n = nodes.find((x) => x.id === reveal.id);
    if (!n) return;
    revealed.current = reveal.seq;
    void setCenter(n.position.x + NODE_W / 2, n.position.y + CARD_H / 2, {
      zoom: Math.max(getZoom(), 0.8),
      duration: 300,
    });
  }, [nodes, reveal, setCenter, getZoom]);
}
