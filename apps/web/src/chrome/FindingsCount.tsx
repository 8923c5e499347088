import { useAppStore } from '../store/store.js';
import { togglePanel } from '../store/view-actions.js';

/** The findings tally; opens the findings panel. */
export function FindingsCount() {
  const findings = useAppStore((s) => s.findings);
  const open = useAppStore((s) => s.panel === 'findings');
  let errors = 0;
  for (const f of findings.values()) if (f.severity === 'error') errors++;
  const n = findings.size;
  const tone = errors > 0 ? 'bad' : n > 0 ? 'warn' : 'ok';
  return (
    <button
      type="button"
      className={`pn-chip pn-chip-button pn-tone-${tone}`}
      title={`${errors} errors, ${n - errors} warnings/info: show the list`}
      aria-expanded={open}
      aria-controls="pn-findings-panel"
      onClick={() => togglePanel('findings')}
    >
      <span aria-hidden="true">{n > 0 ? '⚠' : '✓'}</span> {n} finding{n === 1 ? '' : 's'}
    </button>
  );
}
