/** A label and a rule above the first row of each namespace, drawn in canvas coordinates. */
import { ViewportPortal } from '@xyflow/react';
import { COL_W, NODE_W, laneX } from '../layout/geometry.js';
import type { FlowNode } from '../view/to-flow.js';

/** Bands start at the entry lane: External clients belong to no namespace. */
const LEFT = laneX('entry') - 40;
const WIDTH = 4 * COL_W + NODE_W - LEFT;

export function namespaceTops(nodes: readonly FlowNode[]): { namespace: string; y: number }[] {
  const top = new Map<string, number>();
  for (const n of nodes) {
    const ns =
      n.type === 'podgroup' || n.type === 'nsgroup'
        ? n.data.group.namespace
        : n.data.node.namespace;
    if (ns === undefined) continue;
    top.set(ns, Math.min(top.get(ns) ?? Infinity, n.position.y));
  }
  return [...top].map(([namespace, y]) => ({ namespace, y })).sort((a, b) => a.y - b.y);
}

export function NamespaceLabels({ nodes }: { nodes: readonly FlowNode[] }) {
  return (
    <ViewportPortal>
      {namespaceTops(nodes).map(({ namespace, y }) => (
        <div
          key={namespace}
          className="pn-ns-label"
          style={{ transform: `translate(${LEFT}px, ${y - 40}px)`, width: WIDTH }}
        >
          <span>namespace {namespace}</span>
        </div>
      ))}
    </ViewportPortal>
  );
}
