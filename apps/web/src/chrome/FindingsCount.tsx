import { useAppStore } from '../store/store.js';

export function FindingsCount() {
  const findings = useAppStore((s) => s.findings);
  let errors = 0;
  for (const f of findings.values()) if (f.severity === 'error') errors++;
  const n = findings.size;
  const tone = errors > 0 ? 'bad' : n > 0 ? 'warn' : 'ok';
  return (
    <span
      className={`pn-chip pn-tone-${tone}`}
      title={`${errors} errors, ${n - errors} warnings/info`}
    >
      <span aria-hidden="true">{n > 0 ? '⚠' : '✓'}</span> {n} finding{n === 1 ? '' : 's'}
    </span>
  );
}
