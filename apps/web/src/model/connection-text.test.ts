import { describe, expect, it } from 'vitest';
import { connectionBanner, connectionPill } from './connection-text.js';

describe('connection text', () => {
  it('says reconnecting with the attempt count, in the pill and in the banner', () => {
    const c = { phase: 'reconnecting', attempt: 3 } as const;
    expect(connectionPill(c).text).toBe('Reconnecting (attempt 3)');
    expect(connectionBanner(c, false)?.title).toBe('Disconnected — reconnecting…');
  });

  it('shows no banner when live, and a stale banner after a missed update', () => {
    const live = { phase: 'live', attempt: 0 } as const;
    expect(connectionBanner(live, false)).toBeNull();
    expect(connectionBanner(live, true)?.title).toMatch(/Out of date/);
  });

  it('surfaces a stream error with its message', () => {
    expect(connectionBanner({ phase: 'error', attempt: 1, message: 'bad' }, false)).toEqual({
      title: 'Stream error — retrying…',
      detail: 'bad',
    });
  });
});
