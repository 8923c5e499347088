/**
 * A pod's NetworkPolicy picture in the inspector: the policies selecting it
 * per direction (each one shows the pods it selects), the verdicts on the
 * edges into it, who can reach it and what it can reach, and a check form.
 */
import { useMemo } from 'react';
import type { PodNode } from '@portolan/topology';
import { nodeAccessibleName } from '../../model/a11y.js';
import { anyIsolation, policySelections, podsOfPolicy } from '../../model/policy-text.js';
import { useAppStore } from '../../store/store.js';
import { setSearch } from '../../store/view-actions.js';
import { CheckConnectionForm } from './CheckConnectionForm.js';
import { PolicyVerdictList } from './PolicyVerdictList.js';
import { ReachabilityTables } from './ReachabilityTables.js';

export function PodPolicySection({ node }: { node: PodNode }) {
  const nodes = useAppStore((s) => s.nodes);
  const edges = useAppStore((s) => s.edges);
  const selections = useMemo(() => policySelections(nodes.values()), [nodes]);
  const podCount = useMemo(
    () => new Map(selections.map((s) => [s.policy, podsOfPolicy(s).length])),
    [selections],
  );
  const inbound = useMemo(
    () => [...edges.values()].filter((e) => e.target === node.id && e.policy !== undefined),
    [edges, node.id],
  );
  const policiesExist = selections.length > 0 || anyIsolation(nodes.values());
  const key = `${node.namespace}/${node.name}`;
  const firstPort =
    inbound[0]?.ports[0]?.to ?? [...edges.values()].find((e) => e.target === node.id)?.ports[0]?.to;
  const directions = [
    { dir: 'ingress', list: node.isolation?.ingress ?? [] },
    { dir: 'egress', list: node.isolation?.egress ?? [] },
  ];
  return (
    <section aria-label="Network policies">
      <h3>Network policies</h3>
      <dl className="pn-fields">
        {directions.map(({ dir, list }) => (
          <div key={dir} className="pn-field-row">
            <dt>{dir === 'ingress' ? 'Ingress' : 'Egress'}</dt>
            <dd>
              {list.length === 0 ? (
                <div>not isolated: all {dir} allowed</div>
              ) : (
                <>
                  <div>◈ isolated by</div>
                  {list.map((p) => (
                    <div key={p}>
                      <button
                        type="button"
                        className="pn-link"
                        title={`Show the pods ${p} selects (search policy:${p})`}
                        onClick={() => setSearch(`policy:${p}`)}
                      >
                        {p}
                      </button>{' '}
                      <span className="pn-muted">
                        selects {podCount.get(p) ?? 0} pod{podCount.get(p) === 1 ? '' : 's'}
                      </span>
                    </div>
                  ))}
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {inbound.map((e) => {
        const from = nodes.get(e.source);
        return (
          <div key={e.id}>
            <h4>Verdict via {from ? nodeAccessibleName(from) : e.source}</h4>
            {e.policy && <PolicyVerdictList policy={e.policy} />}
          </div>
        );
      })}
      {policiesExist ? (
        <ReachabilityTables pod={key} />
      ) : (
        <p className="pn-muted">No NetworkPolicy selects any pod: all traffic is allowed.</p>
      )}
      <h4>Check a connection</h4>
      <CheckConnectionForm
        key={key}
        to={key}
        {...(firstPort !== undefined ? { port: String(firstPort) } : {})}
      />
    </section>
  );
}
