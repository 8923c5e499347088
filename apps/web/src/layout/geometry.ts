/** Canvas geometry shared by the layout and the lane headers. */
import { LANES, type Lane } from '@portolan/topology';

/** Card width; every card has the same width so lanes line up. */
export const NODE_W = 230;
/** Distance between lane columns: card plus room for edge port labels. */
export const COL_W = 400;
/** Vertical pitch of one card slot. */
export const ROW_H = 118;
/** Space between service groups inside a namespace. */
export const GROUP_GAP = 24;
/** Room above a namespace block for its label. */
export const NS_HEADER = 56;
/** Horizontal pitch of overflow columns in the pod lane. */
export const POD_COL_W = NODE_W + 28;

export function laneX(lane: Lane): number {
  return LANES.indexOf(lane) * COL_W;
}
