/** A whole namespace as one card (cluster scale): counts in words, and a way to open it. */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { setNamespaceExpanded } from '../../store/view-actions.js';
import { nsGroupEntriesText, nsGroupLines } from '../../view/namespace-groups.js';
import type { NsGroupCardData } from '../../view/to-flow.js';

export function NamespaceGroupCard({ data }: NodeProps<Node<NsGroupCardData, 'nsgroup'>>) {
  const g = data.group;
  const lines = nsGroupLines(g);
  const entries = nsGroupEntriesText(g);
  const tone =
    g.findings.error > 0 || (g.pods.ready === 0 && g.pods.notReady > 0)
      ? 'pn-health-error'
      : g.findings.warning > 0 || g.pods.notReady > 0
        ? 'pn-health-warning'
        : '';
  return (
    <div className={`pn-card pn-card-nsgroup pn-card-group ${tone}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} className="pn-handle" />
      <div className="pn-card-head">
        <span className="pn-badge" title="Namespace, folded">
          NAMESPACE
        </span>
        <span className="pn-card-line pn-nsgroup-entries" title={entries}>
          {g.exposed ? '↗ ' : ''}
          {entries}
        </span>
      </div>
      <div className="pn-card-name" title={`${g.namespace}: ${lines.services}`}>
        {g.namespace} <span className="pn-nsgroup-count">· {lines.services}</span>
      </div>
      <div className="pn-card-line" title={lines.types}>
        {lines.types}
      </div>
      <div className="pn-card-line" title={lines.pods}>
        {lines.pods}
      </div>
      <div className="pn-nsgroup-foot">
        <span className="pn-card-line" title={lines.findings}>
          {lines.findings}
        </span>
        <button
          type="button"
          className="pn-link nodrag"
          aria-label={`Show namespace ${g.namespace}`}
          onClick={(e) => {
            e.stopPropagation();
            setNamespaceExpanded(g.namespace, true, g.firstService);
          }}
        >
          Show
        </button>
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} className="pn-handle" />
    </div>
  );
}
