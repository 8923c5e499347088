/** Words for the stream's state: a compact header pill and, when the data may be out of date, a banner. */
import type { KindState } from '@portolan/topology';
import type { Connection } from '../store/graph-slice.js';

export interface Pill {
  icon: string;
  text: string;
  tone: 'ok' | 'warn' | 'bad' | 'pending';
}

export function connectionPill(c: Connection): Pill {
  switch (c.phase) {
    case 'connecting':
      return { icon: '○', text: 'Connecting…', tone: 'pending' };
    case 'live':
      return { icon: '●', text: 'Live', tone: 'ok' };
    case 'reconnecting':
      return { icon: '↻', text: `Reconnecting (attempt ${c.attempt})`, tone: 'warn' };
    case 'error':
      return { icon: '✗', text: 'Stream error', tone: 'bad' };
  }
}

export interface Banner {
  title: string;
  detail: string;
}

/** The banner while what the canvas shows may be out of date; null when all is well. */
export function connectionBanner(c: Connection, stale: boolean): Banner | null {
  if (c.phase === 'reconnecting') {
    return {
      title: 'Disconnected — reconnecting…',
      detail: `attempt ${c.attempt}; the map shows the last known state`,
    };
  }
  if (c.phase === 'error') {
    return {
      title: 'Stream error — retrying…',
      detail: c.message ?? 'the server sent something unexpected',
    };
  }
  if (stale)
    return { title: 'Out of date — fetching a fresh snapshot…', detail: 'an update was missed' };
  return null;
}

export const KIND_STATE_ICON: Readonly<Record<KindState, string>> = {
  syncing: '⟳',
  synced: '✓',
  reconnecting: '↻',
  forbidden: '⊗',
  error: '✗',
};
