/** Canvas geometry shared by the layout and the lane headers. */
import { LANES, type Lane } from '@portolan/topology';

/** Card size: every card is the same size, so lanes line up and edges meet cards at known points. */
export const NODE_W = 240;
export const CARD_H = 104;
/** Distance between lane columns: card plus room for edge port labels. */
export const COL_W = 400;
/** Vertical pitch of one card slot. */
export const ROW_H = 124;
/** Space between service groups inside a namespace. */
export const GROUP_GAP = 24;
/** Room above a namespace block for its label. */
export const NS_HEADER = 56;
/** Horizontal pitch of overflow columns in the pod lane. */
export const POD_COL_W = NODE_W + 28;

export function laneX(lane: Lane): number {
  return LANES.indexOf(lane) * COL_W;
}
