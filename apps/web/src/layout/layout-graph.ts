/**
 * The lane layout: pure, deterministic and stable.
 *
 * Columns left to right by lane (external, entry, nodeport, service, pod).
 * Rows are grouped by namespace, then by service: a Service, its entry
 * points, its NodePort and the pods it selects share one horizontal band, so
 * a service's pods sit next to it (see layout-groups.ts). Order inside a
 * lane: by kind, then name.
 *
 * Stability: a node that already has a position keeps it. A new node goes
 * next to its siblings (a new pod below the service's last pod, or to the
 * right in the pod lane when the row below is taken) without moving anyone;
 * a new group goes below everything. Removed nodes leave gaps until a tidy
 * layout (empty `previous`) packs everything afresh.
 */
import { LANES, LANE_OF, type NodeId } from '@portolan/topology';
import type { XY } from '../store/layout-slice.js';
import { GROUP_GAP, NS_HEADER, POD_COL_W, ROW_H, laneX } from './geometry.js';
import {
  groupNodes,
  type LayoutGraph,
  type LayoutGroup,
  type LayoutMember,
} from './layout-groups.js';
import { Occupancy } from './occupancy.js';

export type Positions = ReadonlyMap<NodeId, XY>;

interface Bottom {
  y: number;
  namespace: string;
}

export function layoutGraph(graph: LayoutGraph, previous: Positions): Map<NodeId, XY> {
  const { groups, external } = groupNodes(graph);
  const out = new Map<NodeId, XY>();
  const occupancy = new Occupancy();
  /** The lowest card so far and its namespace: where a new band goes. */
  let bottom: Bottom | undefined;
  const placeIn =
    (namespace: string) =>
    (id: NodeId, p: XY): void => {
      out.set(id, p);
      occupancy.add(p);
      if (!bottom || p.y > bottom.y) bottom = { y: p.y, namespace };
    };

  // Keep what is already placed and still exists.
  for (const g of groups) {
    const place = placeIn(g.namespace);
    for (const m of g.members) {
      const p = previous.get(m.id);
      if (p) place(m.id, p);
    }
  }

  for (const g of groups) {
    const fresh = g.members.filter((m) => !out.has(m.id));
    if (fresh.length === 0) continue;
    const place = placeIn(g.namespace);
    if (fresh.length === g.members.length) placeBand(g, bottom, place);
    else for (const m of fresh) placeNextToSiblings(g, m, out, occupancy, place);
  }

  if (external) {
    const p = previous.get(external.id);
    if (p) out.set(external.id, p);
    else {
      let top = Infinity;
      for (const q of out.values()) top = Math.min(top, q.y);
      out.set(external.id, { x: laneX('external'), y: top === Infinity ? NS_HEADER : top });
    }
  }
  return out;
}

/** A whole group that has no position yet: a new band below everything placed so far. */
function placeBand(
  g: LayoutGroup,
  bottom: Bottom | undefined,
  place: (id: NodeId, p: XY) => void,
): void {
  let top = bottom ? bottom.y + ROW_H + GROUP_GAP : 0;
  if (g.namespace !== bottom?.namespace) top += NS_HEADER;
  for (const lane of LANES) {
    g.members
      .filter((m) => LANE_OF[m.kind] === lane)
      .forEach((m, i) => place(m.id, { x: laneX(lane), y: top + i * ROW_H }));
  }
}

/** A new member of a group that is already on the canvas. */
function placeNextToSiblings(
  g: LayoutGroup,
  m: LayoutMember,
  out: ReadonlyMap<NodeId, XY>,
  occupancy: Occupancy,
  place: (id: NodeId, p: XY) => void,
): void {
  const lane = LANE_OF[m.kind];
  const x = laneX(lane);
  let groupTop = Infinity;
  let lastSibling = -Infinity;
  for (const other of g.members) {
    const p = out.get(other.id);
    if (!p) continue;
    groupTop = Math.min(groupTop, p.y);
    if (LANE_OF[other.kind] === lane) lastSibling = Math.max(lastSibling, p.y);
  }
  const below = lastSibling === -Infinity ? groupTop : lastSibling + ROW_H;
  if (occupancy.isFree(x, below)) return place(m.id, { x, y: below });
  if (lane === 'pod') {
    // The row below belongs to the next group: overflow to the right, inside this band.
    for (let col = 1; col < 1000; col++) {
      const cx = x + col * POD_COL_W;
      for (let y = groupTop; y <= below; y += ROW_H) {
        if (occupancy.isFree(cx, y)) return place(m.id, { x: cx, y });
      }
    }
  }
  let y = below;
  while (!occupancy.isFree(x, y)) y += ROW_H;
  place(m.id, { x, y });
}
