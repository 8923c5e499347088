/**
 * The frame every card shares: kind badge, name, namespace, up to three
 * lines of key facts, an optional status chip and findings count. All object
 * text is rendered as text nodes (React escapes it); nothing is markup.
 */
import { Handle, Position } from '@xyflow/react';
import type { GraphNode } from '@portolan/topology';
import { objectName } from '../../model/a11y.js';
import type { CardStatus } from '../../model/card-text.js';
import { KIND_BADGE, KIND_TITLE } from '../../model/kind-meta.js';

interface Props {
  node: GraphNode;
  isNew: boolean;
  findings: number;
  lines: string[];
  /** Replaces the object name as the title (e.g. an address). */
  title?: string;
  status?: CardStatus | undefined;
  className?: string;
}

export function NodeShell({ node, isNew, findings, lines, title, status, className }: Props) {
  const classes = ['pn-card', `pn-card-${node.kind}`, `pn-health-${node.health}`];
  if (isNew) classes.push('is-new');
  if (className) classes.push(className);
  const name = title ?? objectName(node);
  return (
    <div className={classes.join(' ')}>
      <Handle type="target" position={Position.Left} isConnectable={false} className="pn-handle" />
      <div className="pn-card-head">
        <span className="pn-badge" title={KIND_TITLE[node.kind]}>
          {KIND_BADGE[node.kind]}
        </span>
        <span className="pn-card-name" title={name}>
          {name}
        </span>
      </div>
      {node.namespace !== undefined && <div className="pn-card-ns">{node.namespace}</div>}
      {status && (
        <div className={`pn-status pn-status-${status.tone}`}>
          <span aria-hidden="true">{status.icon}</span> {status.text}
        </div>
      )}
      {lines
        .filter((l) => l !== '')
        .map((line, i) => (
          <div className="pn-card-line" key={i} title={line}>
            {line}
          </div>
        ))}
      {findings > 0 && (
        <div className="pn-card-findings">
          <span aria-hidden="true">⚠</span> {findings} finding{findings === 1 ? '' : 's'}
        </div>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} className="pn-handle" />
    </div>
  );
}
