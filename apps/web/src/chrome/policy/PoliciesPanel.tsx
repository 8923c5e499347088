/**
 * Every NetworkPolicy that selects a pod, with the pods it selects (read from
 * the pods' isolation), and the connection check for any two ends.
 */
import { useMemo } from 'react';
import { nodeAccessibleName } from '../../model/a11y.js';
import { policySelections, podsOfPolicy } from '../../model/policy-text.js';
import { useAppStore } from '../../store/store.js';
import { revealNode, setSearch, togglePanel } from '../../store/view-actions.js';
import { CheckConnectionForm } from './CheckConnectionForm.js';

export function PoliciesPanel() {
  const open = useAppStore((s) => s.panel === 'policies');
  const nodes = useAppStore((s) => s.nodes);
  const selections = useMemo(() => (open ? policySelections(nodes.values()) : []), [open, nodes]);
  if (!open) return null;
  return (
    <aside id="pn-policies-panel" className="pn-side-panel" aria-label="Network policies">
      <div className="pn-inspector-head">
        <h2>Network policies ({selections.length})</h2>
        <button
          type="button"
          className="pn-close"
          aria-label="Close network policies"
          onClick={() => togglePanel('policies')}
        >
          ×
        </button>
      </div>
      <h3>Check a connection</h3>
      <CheckConnectionForm />
      <h3>Policies and the pods they select</h3>
      {selections.length === 0 && (
        <p className="pn-muted">No NetworkPolicy selects any pod: all traffic is allowed.</p>
      )}
      <ul className="pn-policies">
        {selections.map((s) => {
          const pods = podsOfPolicy(s);
          return (
            <li key={s.policy}>
              <div>
                <strong>{s.policy}</strong>{' '}
                <span className="pn-muted">
                  {[
                    s.ingress.length > 0 && `ingress ${s.ingress.length}`,
                    s.egress.length > 0 && `egress ${s.egress.length}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </div>
              <button
                type="button"
                className="pn-link"
                onClick={() => setSearch(`policy:${s.policy}`)}
              >
                Show its {pods.length} pod{pods.length === 1 ? '' : 's'} on the map
              </button>
              <details>
                <summary>Pods it selects</summary>
                <ul>
                  {pods.slice(0, 200).map((id) => {
                    const n = nodes.get(id);
                    return (
                      <li key={id}>
                        <button type="button" className="pn-link" onClick={() => revealNode(id)}>
                          {n ? nodeAccessibleName(n) : id}
                        </button>
                      </li>
                    );
                  })}
                  {pods.length > 200 && <li className="pn-muted">and {pods.length - 200} more</li>}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
