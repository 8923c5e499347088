/**
 * Visible graph + positions -> React Flow nodes and edges. Objects are
 * reused while their inputs are unchanged, so React Flow re-renders only the
 * cards and edges that changed. Nodes without a position yet (layout still
 * running) are left out, and so are their edges. Edge labels are spread out
 * here (label-placement.ts), where every card's position is known.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { GraphEdge, GraphNode, NodeId, NodeKind } from '@portolan/topology';
import type { XY } from '../store/layout-slice.js';
import type { Leaving } from '../store/graph-slice.js';
import { CARD_H, NODE_W } from '../layout/geometry.js';
import { edgeGeometry, labelCentreX } from '../canvas/edges/edge-path.js';
import { EDGE_COLOR, POLICY_DENIED_COLOR } from '../model/edge-style.js';
import { EDGE_STATE_TEXT, nodeStateText } from '../model/node-summary.js';
import { isolatedDirections, policyChipText, policyDescription } from '../model/policy-text.js';
import type { PodGroup } from './aggregate.js';
import type { NamespaceGroup } from './namespace-groups.js';
import type {
  VisibleEdge,
  VisibleGraph,
  VisibleGroup,
  VisibleNamespaceGroup,
  VisibleNode,
} from './derive-visible-graph.js';
import { labelSize, placeLabels, type LabelBox } from './label-placement.js';

export interface CardData extends Record<string, unknown> {
  node: GraphNode;
  isNew: boolean;
  findings: number;
}

export interface GroupCardData extends Record<string, unknown> {
  group: PodGroup;
}

/** A folded namespace's card reaches into the gap before the pod lane. */
export const NS_CARD_W = NODE_W + 156;

export interface NsGroupCardData extends Record<string, unknown> {
  group: NamespaceGroup;
}

export type FlowNode =
  Node<CardData, NodeKind> | Node<GroupCardData, 'podgroup'> | Node<NsGroupCardData, 'nsgroup'>;

/** The card data of one kind, for the per-kind components. */
export interface CardDataOf<K extends NodeKind> extends Record<string, unknown> {
  node: Extract<GraphNode, { kind: K }>;
  isNew: boolean;
  findings: number;
}

export interface PortEdgeData extends Record<string, unknown> {
  edge: GraphEdge;
  /** One line per port mapping. */
  ports: string[];
  /** The state in words when it is not a normal one. */
  stateText: string | undefined;
  active: boolean;
  dimmed: boolean;
  /** How far the label moved down from its ideal point to stay clear of other labels. */
  labelDy: number;
  /** The edge's accessible name (the policy chip names the edge it judges). */
  name: string;
}

export type FlowEdge = Edge<PortEdgeData, 'port'>;

export interface FlowElements {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export function createFlowMapper(): (
  visible: VisibleGraph,
  positions: ReadonlyMap<NodeId, XY>,
  leaving?: ReadonlyMap<NodeId, Leaving>,
) => FlowElements {
  let nodeCache = new Map<string, { v: VisibleNode | undefined; p: XY; out: FlowNode }>();
  let groupCache = new Map<string, { g: VisibleGroup; p: XY; out: FlowNode }>();
  let edgeCache = new Map<string, { v: VisibleEdge; dy: number; out: FlowEdge }>();
  let nsCache = new Map<string, { g: VisibleNamespaceGroup; p: XY; out: FlowNode }>();
  return (visible, positions, leaving) => {
    const nextNodes = new Map<string, { v: VisibleNode | undefined; p: XY; out: FlowNode }>();
    const nextGroups = new Map<string, { g: VisibleGroup; p: XY; out: FlowNode }>();
    const nodes: FlowNode[] = [];
    const externalY = topOf(visible, positions);
    for (const v of visible.nodes) {
      let p = positions.get(v.node.id);
      if (!p) continue;
      // One External card serves every namespace: keep it level with the top of what is shown.
      if (v.node.kind === 'external' && externalY !== undefined) p = { x: p.x, y: externalY };
      const prev = nodeCache.get(v.node.id);
      const out =
        prev?.v && sameNode(prev.v, v) && prev.p.x === p.x && prev.p.y === p.y
          ? prev.out
          : toFlowNode(v, p);
      nextNodes.set(v.node.id, { v, p, out });
      nodes.push(out);
    }
    for (const g of visible.groups) {
      const p = positions.get(g.group.id);
      if (!p) continue;
      const prev = groupCache.get(g.group.id);
      const out =
        prev && sameGroup(prev.g, g) && prev.p.x === p.x && prev.p.y === p.y
          ? prev.out
          : toGroupNode(g, p);
      nextGroups.set(g.group.id, { g, p, out });
      nextNodes.set(g.group.id, { v: undefined, p, out });
      nodes.push(out);
    }
    groupCache = nextGroups;
    const nextNs = new Map<string, { g: VisibleNamespaceGroup; p: XY; out: FlowNode }>();
    for (const g of visible.nsGroups) {
      const p = positions.get(g.group.id);
      if (!p) continue;
      const prev = nsCache.get(g.group.id);
      const out =
        prev &&
        prev.g.group === g.group &&
        prev.g.selected === g.selected &&
        prev.g.dimmed === g.dimmed &&
        prev.p.x === p.x &&
        prev.p.y === p.y
          ? prev.out
          : toNsGroupNode(g, p);
      nextNs.set(g.group.id, { g, p, out });
      nextNodes.set(g.group.id, { v: undefined, p, out });
      nodes.push(out);
    }
    nsCache = nextNs;
    for (const [id, l] of leaving ?? []) {
      if (!nextNodes.has(id)) nodes.push(leavingNode(l));
    }
    const shown = visible.edges.filter(
      (v) => nextNodes.has(v.edge.source) && nextNodes.has(v.edge.target),
    );
    const placed = new Map([...nextNodes].map(([id, n]) => [id, n.p]));
    const offsets = labelOffsets(shown, placed);
    const nextEdges = new Map<string, { v: VisibleEdge; dy: number; out: FlowEdge }>();
    const edges: FlowEdge[] = [];
    for (const v of shown) {
      const dy = offsets.get(v.edge.id) ?? 0;
      const prev = edgeCache.get(v.edge.id);
      const out = prev && sameEdge(prev.v, v) && prev.dy === dy ? prev.out : toFlowEdge(v, dy);
      nextEdges.set(v.edge.id, { v, dy, out });
      edges.push(out);
    }
    nodeCache = nextNodes;
    edgeCache = nextEdges;
    return { nodes, edges };
  };
}

function topOf(visible: VisibleGraph, positions: ReadonlyMap<NodeId, XY>): number | undefined {
  let top: number | undefined;
  for (const v of visible.nodes) {
    const p = positions.get(v.node.id);
    if (p && v.node.kind !== 'external' && (top === undefined || p.y < top)) top = p.y;
  }
  for (const g of visible.nsGroups) {
    const p = positions.get(g.group.id);
    if (p && (top === undefined || p.y < top)) top = p.y;
  }
  return top;
}

/** Every line of an edge's label, top to bottom (for sizing; PortEdge draws the same lines). */
export function edgeLabelLines(v: VisibleEdge): string[] {
  const lines = [...v.portLines];
  if (v.edge.label !== undefined) lines.unshift(v.edge.label);
  const state = EDGE_STATE_TEXT[v.edge.state];
  if (state !== undefined) lines.push(state);
  if (v.edge.policy !== undefined) lines.push(policyChipText(v.edge.policy));
  return lines;
}

function labelOffsets(
  edges: readonly VisibleEdge[],
  positions: ReadonlyMap<NodeId, XY>,
): Map<string, number> {
  const boxes: LabelBox[] = [];
  for (const v of edges) {
    const s = positions.get(v.edge.source);
    const t = positions.get(v.edge.target);
    const lines = edgeLabelLines(v);
    if (!s || !t || lines.length === 0) continue;
    const g = edgeGeometry(s.x + NODE_W, s.y + CARD_H / 2, t.x, t.y + CARD_H / 2, v.edge.kind);
    const size = labelSize(lines);
    const x = labelCentreX(g.anchor, g.labelX, size.width);
    boxes.push({ id: v.edge.id, x, y: g.labelY, order: t.x, ...size });
  }
  return placeLabels(boxes);
}

function sameGroup(a: VisibleGroup, b: VisibleGroup): boolean {
  return (
    a.group.id === b.group.id &&
    JSON.stringify(a.group.counts) === JSON.stringify(b.group.counts) &&
    a.selected === b.selected &&
    a.traced === b.traced &&
    a.dimmed === b.dimmed
  );
}

function toGroupNode(g: VisibleGroup, p: XY): FlowNode {
  const classes = [g.traced && 'is-traced', g.dimmed && 'is-dimmed'];
  return {
    id: g.group.id,
    type: 'podgroup',
    position: { x: p.x, y: p.y },
    data: { group: g.group },
    selected: g.selected,
    width: NODE_W,
    height: CARD_H,
    draggable: false,
    connectable: false,
    ariaLabel: g.ariaLabel,
    className: classes.filter(Boolean).join(' '),
  };
}

function toNsGroupNode(g: VisibleNamespaceGroup, p: XY): FlowNode {
  return {
    id: g.group.id,
    type: 'nsgroup',
    position: { x: p.x, y: p.y },
    data: { group: g.group },
    selected: g.selected,
    // Wider than other cards: its counts need the room, and nothing sits to its right.
    width: NS_CARD_W,
    height: CARD_H,
    draggable: false,
    connectable: false,
    ariaLabel: g.ariaLabel,
    className: g.dimmed ? 'is-dimmed' : '',
  };
}

function sameNode(a: VisibleNode, b: VisibleNode): boolean {
  return (
    a.node === b.node &&
    a.selected === b.selected &&
    a.isNew === b.isNew &&
    a.findings === b.findings &&
    a.match === b.match &&
    a.traced === b.traced &&
    a.dimmed === b.dimmed
  );
}

function sameEdge(a: VisibleEdge, b: VisibleEdge): boolean {
  return (
    a.edge === b.edge &&
    a.active === b.active &&
    a.dimmed === b.dimmed &&
    a.ariaLabel === b.ariaLabel
  );
}

function toFlowNode(v: VisibleNode, p: XY): FlowNode {
  const dirs = v.node.kind === 'pod' ? isolatedDirections(v.node) : undefined;
  const description = [
    nodeStateText(v.node),
    dirs ? `isolated for ${dirs.join(' and ')}` : '',
    v.match ? 'matches search' : '',
    v.traced ? 'on traced path' : '',
  ]
    .filter(Boolean)
    .join(', ');
  const classes = [v.match && 'is-match', v.traced && 'is-traced', v.dimmed && 'is-dimmed'];
  return {
    id: v.node.id,
    type: v.node.kind,
    position: { x: p.x, y: p.y },
    data: { node: v.node, isNew: v.isNew, findings: v.findings },
    selected: v.selected,
    width: NODE_W,
    height: CARD_H,
    draggable: false,
    connectable: false,
    ariaLabel: v.ariaLabel,
    className: classes.filter(Boolean).join(' '),
    ...(description ? { domAttributes: { 'aria-description': description } } : {}),
  };
}

/** A node that was just removed: drawn where it was, fading, not selectable. */
function leavingNode(l: Leaving): FlowNode {
  return {
    id: `leaving:${l.node.id}`,
    type: l.node.kind,
    position: l.position,
    data: { node: l.node, isNew: false, findings: 0 },
    width: NODE_W,
    height: CARD_H,
    draggable: false,
    connectable: false,
    selectable: false,
    focusable: false,
    ariaLabel: `Removed: ${l.node.label}`,
    className: 'is-leaving',
  };
}

function toFlowEdge(v: VisibleEdge, labelDy: number): FlowEdge {
  const stateText = EDGE_STATE_TEXT[v.edge.state];
  const policy = v.edge.policy;
  const description = [stateText, policy && policyDescription(policy).replace(/\n/g, ' ')]
    .filter(Boolean)
    .join('. ');
  const denied = policy?.status === 'denied';
  return {
    id: v.edge.id,
    source: v.edge.source,
    target: v.edge.target,
    type: 'port',
    data: {
      edge: v.edge,
      ports: v.portLines,
      stateText,
      active: v.active,
      dimmed: v.dimmed,
      labelDy,
      name: v.ariaLabel,
    },
    ariaLabel: v.ariaLabel,
    markerEnd: {
      type: MarkerType.ArrowClosed,
      color: denied ? POLICY_DENIED_COLOR : EDGE_COLOR[v.edge.state],
      width: 18,
      height: 18,
    },
    className: `pn-edge pn-edge-${v.edge.state}${policy ? ` pn-edge-policy-${policy.status}` : ''}${v.active ? ' is-active' : ''}${v.dimmed ? ' is-dimmed' : ''}`,
    zIndex: v.active ? 1 : 0,
    ...(description ? { domAttributes: { 'aria-description': description } } : {}),
  };
}
