import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { boundedWriter } from './app.js';

/** A socket that buffers everything until drained, like a browser still reading. */
class SlowSocket extends EventEmitter {
  destroyed = false;
  writableLength = 0;
  write(chunk: string): boolean {
    this.writableLength += Buffer.byteLength(chunk);
    return false;
  }
  drain(): void {
    this.writableLength = 0;
    this.emit('drain');
  }
}

describe('stream viewer buffer bound', () => {
  it('keeps a viewer whose snapshot alone is larger than the bound, while it downloads', () => {
    const res = new SlowSocket();
    const write = boundedWriter(res, 1000);
    const snapshot = `event: snapshot\ndata: ${'x'.repeat(50_000)}\n\n`;
    expect(write(snapshot)).toBe(true);
    // Deltas and heartbeats that arrive before it has read the snapshot.
    expect(write('event: delta\ndata: {}\n\n')).toBe(true);
    expect(write(': keep-alive\n\n')).toBe(true);
  });

  it('drops a viewer that falls behind by more than the bound on top of the snapshot', () => {
    const res = new SlowSocket();
    const write = boundedWriter(res, 1000);
    write(`event: snapshot\ndata: ${'x'.repeat(50_000)}\n\n`);
    expect(write(`event: delta\ndata: ${'y'.repeat(2000)}\n\n`)).toBe(false);
  });

  it('goes back to the plain bound once the snapshot has drained', () => {
    const res = new SlowSocket();
    const write = boundedWriter(res, 1000);
    write(`event: snapshot\ndata: ${'x'.repeat(50_000)}\n\n`);
    res.drain();
    expect(write(`event: delta\ndata: ${'y'.repeat(500)}\n\n`)).toBe(true);
    expect(write(`event: delta\ndata: ${'y'.repeat(600)}\n\n`)).toBe(false);
  });
});
