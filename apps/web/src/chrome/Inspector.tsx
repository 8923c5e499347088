/**
 * Read-only details of the selected node. Everything is rendered as text:
 * object names and labels are data, never markup.
 */
import { useMemo } from 'react';
import { nodeAccessibleName } from '../model/a11y.js';
import { nodeConnections } from '../model/connections.js';
import { inspectorFields } from '../model/inspector-fields.js';
import { useAppStore } from '../store/store.js';
import { selectNode, setFocus } from '../store/view-actions.js';

export function Inspector() {
  const selection = useAppStore((s) => s.selection);
  const node = useAppStore((s) => (s.selection === null ? undefined : s.nodes.get(s.selection)));
  const edges = useAppStore((s) => s.edges);
  const nodes = useAppStore((s) => s.nodes);
  const findings = useAppStore((s) => s.findings);
  const connections = useMemo(
    () => (selection === null ? [] : nodeConnections(selection, edges, nodes)),
    [selection, edges, nodes],
  );
  const nodeFindings = useMemo(
    () =>
      selection === null ? [] : [...findings.values()].filter((f) => f.nodeIds.includes(selection)),
    [selection, findings],
  );
  if (!node) return null;
  const name = nodeAccessibleName(node);
  return (
    <aside className="pn-inspector" aria-label={`Inspector: ${name}`}>
      <div className="pn-inspector-head">
        <h2>{name}</h2>
        <button
          type="button"
          className="pn-close"
          aria-label="Close inspector"
          onClick={() => selectNode(null)}
        >
          ×
        </button>
      </div>
      {(node.kind === 'service' || node.kind === 'ingress') && (
        <button type="button" className="pn-button" onClick={() => setFocus(node.id)}>
          Focus on its paths
        </button>
      )}
      <dl className="pn-fields">
        {inspectorFields(node).map((f) => (
          <div key={f.label} className="pn-field-row">
            <dt>{f.label}</dt>
            <dd>
              {(Array.isArray(f.value) ? f.value : [f.value]).map((v, i) => (
                <div key={i}>{v === '' ? '—' : v}</div>
              ))}
              {Array.isArray(f.value) && f.value.length === 0 && <div>—</div>}
            </dd>
          </div>
        ))}
      </dl>
      {nodeFindings.length > 0 && (
        <section>
          <h3>Findings</h3>
          <ul className="pn-findings">
            {nodeFindings.map((f) => (
              <li key={f.id} className={`pn-finding pn-finding-${f.severity}`}>
                <strong>{f.severity}</strong> {f.code}: {f.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>Connections</h3>
        <ul className="pn-connections">
          {connections.map((c) => (
            <li key={c.id}>
              <span aria-hidden="true">{c.direction === 'in' ? '← ' : '→ '}</span>
              <span className="pn-sr-only">{c.direction === 'in' ? 'from ' : 'to '}</span>
              {c.other}
              {c.detail && <div className="pn-muted">{c.detail}</div>}
            </li>
          ))}
          {connections.length === 0 && <li className="pn-muted">none</li>}
        </ul>
      </section>
    </aside>
  );
}
