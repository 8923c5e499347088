/**
 * A tiny work queue as controllers use: keys are deduplicated while queued,
 * and processed in a batch on the next turn of the event loop, so a burst
 * of store events becomes one reconcile per key.
 */
export class WorkQueue {
  private readonly pending = new Set<string>();
  private scheduled: NodeJS.Immediate | undefined;
  private stopped = false;

  constructor(
    private readonly reconcile: (key: string) => void,
    private readonly onError: (err: unknown, key: string) => void,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    this.scheduled ??= setImmediate(() => this.drain());
  }

  get idle(): boolean {
    return this.pending.size === 0 && this.scheduled === undefined;
  }

  stop(): void {
    this.stopped = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.pending.clear();
  }

  private drain(): void {
    this.scheduled = undefined;
    const keys = [...this.pending];
    this.pending.clear();
    for (const key of keys) {
      if (this.stopped) return;
      try {
        this.reconcile(key);
      } catch (err) {
        this.onError(err, key);
      }
    }
  }
}

/** What every controller offers the cluster: a way to stop, and whether it has work left. */
export interface Controller {
  readonly name: string;
  idle(): boolean;
  stop(): void;
}
