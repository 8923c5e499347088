import { useAppStore } from '../store/store.js';
import { togglePanel } from '../store/view-actions.js';

/** The latest change in one line; opens the change feed. */
export function ChangeTicker() {
  const latest = useAppStore((s) => s.changes[0]);
  const count = useAppStore((s) => s.changes.length);
  const open = useAppStore((s) => s.panel === 'changes');
  return (
    <button
      type="button"
      className="pn-chip pn-chip-button pn-ticker"
      aria-expanded={open}
      aria-controls="pn-changes-panel"
      onClick={() => togglePanel('changes')}
      title="Recent changes"
    >
      <span aria-hidden="true">↻</span> Changes ({count})
      {latest && <span className="pn-ticker-latest">: {latest.text}</span>}
    </button>
  );
}
