/** Arrow keys move focus between cards (see keyboard-nav.ts); Enter selects the focused one (React Flow). */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { CARD_H, NODE_W } from '../layout/geometry.js';
import type { FlowNode } from '../view/to-flow.js';
import { ARROW, nearestInDirection } from './keyboard-nav.js';

const cardElement = (id: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);

export function useKeyboardNav(nodes: readonly FlowNode[]): (e: React.KeyboardEvent) => void {
  const { setCenter, getZoom } = useReactFlow();
  return useCallback(
    (e: React.KeyboardEvent) => {
      const dir = ARROW[e.key];
      const target = e.target as HTMLElement;
      if (!dir || !target.classList.contains('react-flow__node')) return;
      const from = nodes.find((n) => n.id === target.dataset.id);
      if (!from) return;
      e.preventDefault();
      e.stopPropagation();
      const next = nearestInDirection(
        from.position,
        nodes.filter((n) => n.id !== from.id && n.focusable !== false),
        dir,
      );
      const to = next === undefined ? undefined : nodes.find((n) => n.id === next);
      if (!to) return;
      // Focus now (React Flow pans to a focused card); a culled card is mounted once the view is there.
      const el = cardElement(to.id);
      if (el) {
        el.focus();
        return;
      }
      void setCenter(to.position.x + NODE_W / 2, to.position.y + CARD_H / 2, { zoom: getZoom() });
      // The window follows the view a frame or two later.
      let tries = 0;
      const retry = (): void => {
        const card = cardElement(to.id);
        if (card) card.focus();
        else if (tries++ < 10) requestAnimationFrame(retry);
      };
      requestAnimationFrame(retry);
    },
    [nodes, setCenter, getZoom],
  );
}
