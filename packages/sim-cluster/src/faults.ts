/**
 * Fault injection: ways to make the simulated API server misbehave on
 * purpose, so clients' resilience can be tested. Driven from code
 * (`sim.faults`) or over HTTP on the simulator's own admin path
 * `/sim/faults` (not a Kubernetes API path):
 *
 *   GET  /sim/faults                     the current fault state
 *   POST /sim/faults  {"failLists": 3}   the next 3 list requests get 500
 *                     {"closeWatches": true}
 *                     {"stallWatches": true|false}   watches send nothing (held back) / resume
 *                     {"stallOpenWatches": true}     the watches open now send nothing (hung
 *                                                    connections); new ones work; stallWatches: false releases
 *                     {"dropWatchEvents": ["pods"]}  watch events of these plurals are lost
 *                     {"expireHistory": true}        every watch/continue older than now gets 410
 *                     {"expireBefore": N}            history before resourceVersion N forgotten; open
 *                                                    watches at an older position get a 410 ERROR event
 *                     {"delayMs": 200}               every response waits this long
 *                     {"restart": true}              close every connection and listen again, same port, same data
 *                     {"reset": true}                clear failLists, stall, drops and delay
 */
import { badRequest } from './errors.js';
import { isPlainObject } from './json.js';

export interface FaultState {
  failLists: number;
  stallWatches: boolean;
  dropWatchEvents: string[];
  delayMs: number;
}

export interface FaultRequest {
  failLists?: number;
  closeWatches?: boolean;
  stallWatches?: boolean;
  stallOpenWatches?: boolean;
  dropWatchEvents?: string[];
  expireHistory?: boolean;
  /** A resourceVersion (number or numeric string): watches and continue tokens older than it get 410. */
  expireBefore?: number | string;
  delayMs?: number;
  restart?: boolean;
  reset?: boolean;
}

/** What the faults act on, provided by the cluster. */
export interface FaultTargets {
  closeWatches(): void;
  setStalled(stalled: boolean): void;
  /** Hold back the output of the watches open now; how many. */
  stallOpen(): number;
  expireHistory(): void;
  /** Compact the history to `rv` and end open watches positioned before it with 410; how many ended. */
  expireBefore(rv: number): number;
  restart(): Promise<void>;
}

export class Faults {
  readonly state: FaultState = {
    failLists: 0,
    stallWatches: false,
    dropWatchEvents: [],
    delayMs: 0,
  };

  constructor(private readonly targets: FaultTargets) {}

  /** Called by every list; true when this one must fail. */
  takeListFailure(): boolean {
    if (this.state.failLists <= 0) return false;
    this.state.failLists -= 1;
    return true;
  }

  drops(plural: string): boolean {
    return this.state.dropWatchEvents.includes(plural);
  }

  async apply(req: FaultRequest): Promise<FaultState> {
    if (req.reset) {
      Object.assign(this.state, { failLists: 0, dropWatchEvents: [], delayMs: 0 });
      this.stall(false);
    }
    if (req.failLists !== undefined) this.state.failLists = count(req.failLists, 'failLists');
    if (req.delayMs !== undefined) this.state.delayMs = count(req.delayMs, 'delayMs');
    if (req.dropWatchEvents !== undefined) {
      if (
        !Array.isArray(req.dropWatchEvents) ||
        !req.dropWatchEvents.every((p) => typeof p === 'string')
      )
        throw badRequest('dropWatchEvents must be a list of resource plurals');
      this.state.dropWatchEvents = [...req.dropWatchEvents];
    }
    if (req.stallWatches !== undefined) this.stall(Boolean(req.stallWatches));
    if (req.stallOpenWatches) this.targets.stallOpen();
    if (req.expireHistory) this.targets.expireHistory();
    if (req.expireBefore !== undefined) {
      const rv = Number(req.expireBefore);
      if (!/^\d+$/.test(String(req.expireBefore)) || !Number.isSafeInteger(rv))
        throw badRequest('expireBefore must be a resourceVersion (a non-negative integer)');
      this.targets.expireBefore(rv);
    }
    if (req.closeWatches) this.targets.closeWatches();
    if (req.restart) await this.targets.restart();
    return { ...this.state };
  }

  private stall(on: boolean): void {
    this.state.stallWatches = on;
    this.targets.setStalled(on);
  }
}

function count(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw badRequest(`${name} must be a non-negative integer`);
  return v;
}

export function parseFaultRequest(body: unknown): FaultRequest {
  if (!isPlainObject(body)) throw badRequest('a fault request is a JSON object');
  return body as FaultRequest;
}
