/** Many pods of one Service as one card: counts by state in words, and a way to see them all. */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { groupCountsText } from '../../view/aggregate.js';
import type { GroupCardData } from '../../view/to-flow.js';
import { setExpanded } from '../../store/view-actions.js';

export function PodGroupCard({ data }: NodeProps<Node<GroupCardData, 'podgroup'>>) {
  const g = data.group;
  const tone =
    g.counts.ready === 0 ? 'pn-health-error' : g.counts.notReady > 0 ? 'pn-health-warning' : '';
  return (
    <div className={`pn-card pn-card-pod pn-card-group ${tone}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} className="pn-handle" />
      <div className="pn-card-head">
        <span className="pn-badge" title="Pods, grouped">
          PODS ×{g.members.length}
        </span>
      </div>
      <div className="pn-card-name">{g.name}</div>
      <div className="pn-card-ns">{g.namespace}</div>
      <div className="pn-card-line">{groupCountsText(g)}</div>
      <button
        type="button"
        className="pn-link nodrag"
        onClick={(e) => {
          e.stopPropagation();
          setExpanded(g.serviceId, true);
        }}
      >
        Show {g.members.length} pods
      </button>
    </div>
  );
}
