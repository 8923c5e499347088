/** Delay before our own reconnection attempt n (1-based): 0.5 s doubling to 10 s. */
export function backoffMs(attempt: number): number {
  return Math.min(500 * 2 ** Math.max(0, attempt - 1), 10_000);
}
