/** Which card slots are taken, per column x. A slot is free if no card in that column is within one row. */
import type { XY } from '../store/layout-slice.js';
import { ROW_H } from './geometry.js';

export class Occupancy {
  private readonly columns = new Map<number, number[]>();

  add(p: XY): void {
    const ys = this.columns.get(p.x);
    if (ys) ys.push(p.y);
    else this.columns.set(p.x, [p.y]);
  }

  isFree(x: number, y: number): boolean {
    const ys = this.columns.get(x);
    return !ys || ys.every((other) => Math.abs(other - y) >= ROW_H);
  }
}
