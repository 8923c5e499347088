import { KIND_STATE_ICON } from '../model/connection-text.js';
import { useAppStore } from '../store/store.js';

/** Per-kind sync state, compact: one chip when all is synced, a chip per kind that is not. */
export function KindStates() {
  const kinds = useAppStore((s) => s.source?.kinds);
  if (!kinds || kinds.length === 0) return null;
  const title = kinds
    .map(
      (k) =>
        `${k.kind}: ${k.state} (${k.count})${k.lastEventAt ? `, last event ${new Date(k.lastEventAt).toLocaleTimeString([], { hour12: false })}` : ''}${k.message ? ` — ${k.message}` : ''}`,
    )
    .join('\n');
  const unsynced = kinds.filter((k) => k.state !== 'synced');
  return (
    <span className="pn-kinds" title={title} aria-label="Watched kinds">
      {unsynced.length === 0 ? (
        <span className="pn-chip pn-tone-ok">
          {KIND_STATE_ICON.synced} {kinds.length} kinds synced
        </span>
      ) : (
        unsynced.map((k) => (
          <span
            key={k.kind}
            className={`pn-chip pn-tone-${k.state === 'syncing' ? 'pending' : k.state === 'reconnecting' ? 'warn' : 'bad'}`}
          >
            {KIND_STATE_ICON[k.state]} {k.kind} {k.state}
          </span>
        ))
      )}
    </span>
  );
}
