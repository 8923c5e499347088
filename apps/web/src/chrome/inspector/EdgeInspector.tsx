/**
 * The selected edge (its policy chip was clicked): its ends, ports, state,
 * and the NetworkPolicy verdict with the reasons for each source.
 */
import type { GraphEdge } from '@portolan/topology';
import { edgeAccessibleName, edgePortLines, nodeAccessibleName } from '../../model/a11y.js';
import { EDGE_STATE_TEXT } from '../../model/node-summary.js';
import { POLICY_MARK } from '../../model/policy-text.js';
import { useAppStore } from '../../store/store.js';
import { revealNode } from '../../store/view-actions.js';
import { PolicyVerdictList } from '../policy/PolicyVerdictList.js';
import { InspectorFrame } from './InspectorFrame.js';

export function EdgeInspector({ edge }: { edge: GraphEdge }) {
  const source = useAppStore((s) => s.nodes.get(edge.source));
  const target = useAppStore((s) => s.nodes.get(edge.target));
  const name = edgeAccessibleName(edge, source, target);
  const ends = [
    { label: 'From', id: edge.source, node: source },
    { label: 'To', id: edge.target, node: target },
  ];
  return (
    <InspectorFrame name={name}>
      <dl className="pn-fields">
        {ends.map((e) => (
          <div key={e.label} className="pn-field-row">
            <dt>{e.label}</dt>
            <dd>
              <button type="button" className="pn-link" onClick={() => revealNode(e.id)}>
                {e.node ? nodeAccessibleName(e.node) : e.id}
              </button>
            </dd>
          </div>
        ))}
        <div className="pn-field-row">
          <dt>Ports</dt>
          <dd>
            {edgePortLines(edge).map((l) => (
              <div key={l}>{l}</div>
            ))}
          </dd>
        </div>
        <div className="pn-field-row">
          <dt>State</dt>
          <dd>{EDGE_STATE_TEXT[edge.state] ?? edge.state}</dd>
        </div>
      </dl>
      <section>
        <h3>NetworkPolicy verdict</h3>
        {edge.policy ? (
          <>
            <p className={`pn-verdict-head pn-verdict-${edge.policy.status}`}>
              <span aria-hidden="true">{POLICY_MARK[edge.policy.status].icon}</span>{' '}
              {POLICY_MARK[edge.policy.status].text}
            </p>
            <PolicyVerdictList policy={edge.policy} />
          </>
        ) : (
          <p className="pn-muted">
            None on this edge: no policy can apply to it, or its clients are in-cluster ones
            Portolan cannot know from objects. Select the pod to ask who can reach it.
          </p>
        )}
      </section>
    </InspectorFrame>
  );
}
