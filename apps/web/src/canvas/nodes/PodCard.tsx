import type { Node, NodeProps } from '@xyflow/react';
import { podText } from '../../model/card-text.js';
import { podReadiness } from '../../model/node-summary.js';
import { isolationBadgeText, isolationTitle } from '../../model/policy-text.js';
import type { CardDataOf } from '../../view/to-flow.js';
import { NodeShell } from './NodeShell.js';

/**
 * A pod: readiness as icon + word; terminating pods get a dashed border; a
 * badge when NetworkPolicies isolate it (hover names the policies).
 */
export function PodCard({ data }: NodeProps<Node<CardDataOf<'pod'>, 'pod'>>) {
  const badge = isolationBadgeText(data.node);
  return (
    <NodeShell
      node={data.node}
      isNew={data.isNew}
      findings={data.findings}
      className={`pn-pod-${podReadiness(data.node)}`}
      {...podText(data.node)}
    >
      {badge !== undefined && (
        <div className="pn-card-line pn-isolation" title={isolationTitle(data.node)}>
          {badge}
        </div>
      )}
    </NodeShell>
  );
}
