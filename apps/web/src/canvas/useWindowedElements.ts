/** Large graphs: only the cards around the viewport go to React Flow (view/cull.ts). */
import { useMemo } from 'react';
import { useStore as useFlowStore, useViewport } from '@xyflow/react';
import { CARD_H, NODE_W } from '../layout/geometry.js';
import { useAppStore } from '../store/store.js';
import { cullToWindow, viewWindow } from '../view/cull.js';
import type { FlowElements } from '../view/to-flow.js';

/**
 * Above this many cards, only those near the viewport are mounted. Below it
 * every card stays in the DOM, so assistive technology, keyboard navigation
 * and browser tests find every node, not only the visible ones.
 */
export const WINDOW_ABOVE = 300;
/** Never more cards mounted than this, however far out the user zooms. */
export const MOUNT_CAP = 1500;

export function useWindowedElements(all: FlowElements): FlowElements {
  const viewport = useViewport();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const selection = useAppStore((s) => s.selection);
  const large = all.nodes.length > WINDOW_ABOVE;
  const win = large && width > 0 ? viewWindow(viewport, width, height) : null;
  const key = win ? `${win.x},${win.y},${win.width},${win.height}` : '';
  return useMemo(() => {
    if (!large) return all;
    if (!win) return { nodes: [], edges: [] };
    const nodes = cullToWindow(
      all.nodes,
      win,
      { width: NODE_W, height: CARD_H },
      MOUNT_CAP,
      (n) => n.type === 'external' || n.id === selection,
    );
    const ids = new Set(nodes.map((n) => n.id));
    const edges = all.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    return { nodes, edges };
    // `win` is captured through `key`: a new window object with the same key is the same window.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [all, large, key, selection]);
}
