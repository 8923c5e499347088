/** All findings, sorted; each names its nodes, and a click selects and reveals one. */
import { useMemo, useState } from 'react';
import { nodeAccessibleName } from '../model/a11y.js';
import { SEVERITY_MARK, sortFindings, type FindingSort } from '../model/findings-order.js';
import { useAppStore } from '../store/store.js';
import { revealNode, togglePanel } from '../store/view-actions.js';

export function FindingsPanel() {
  const open = useAppStore((s) => s.panel === 'findings');
  const findings = useAppStore((s) => s.findings);
  const nodes = useAppStore((s) => s.nodes);
  const [by, setBy] = useState<FindingSort>('severity');
  const sorted = useMemo(() => sortFindings(findings.values(), by), [findings, by]);
  if (!open) return null;
  return (
    <aside id="pn-findings-panel" className="pn-side-panel" aria-label="Findings">
      <div className="pn-inspector-head">
        <h2>Findings ({sorted.length})</h2>
        <button
          type="button"
          className="pn-close"
          aria-label="Close findings"
          onClick={() => togglePanel('findings')}
        >
          ×
        </button>
      </div>
      <label className="pn-field">
        <span>Sort by</span>
        <select value={by} onChange={(e) => setBy(e.target.value as FindingSort)}>
          <option value="severity">severity</option>
          <option value="code">code</option>
        </select>
      </label>
      <ul className="pn-findings">
        {sorted.map((f) => (
          <li key={f.id} className={`pn-finding pn-finding-${f.severity}`}>
            <div>
              <strong>{SEVERITY_MARK[f.severity] ?? f.severity}</strong> <code>{f.code}</code>
            </div>
            <div>{f.message}</div>
            <div className="pn-finding-nodes">
              {f.nodeIds.map((id) => {
                const n = nodes.get(id);
                return (
                  <button
                    key={id}
                    type="button"
                    className="pn-link"
                    disabled={!n}
                    onClick={() => revealNode(id)}
                  >
                    {n ? nodeAccessibleName(n) : id}
                  </button>
                );
              })}
            </div>
          </li>
        ))}
        {sorted.length === 0 && <li className="pn-muted">No findings: nothing stops traffic.</li>}
      </ul>
    </aside>
  );
}
