/**
 * The frame every card shares: kind badge, name, namespace, up to three
 * lines of key facts, an optional status chip and findings count. All object
 * text is rendered as text nodes (React escapes it); nothing is markup.
 */
import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
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
  /** Shown after the namespace. */
  meta?: string | undefined;
  status?: CardStatus | undefined;
  className?: string;
  /** Extra content below the lines (e.g. a pod's isolation badge). */
  children?: ReactNode;
}

export function NodeShell({
  node,
  isNew,
  findings,
  lines,
  title,
  meta,
  status,
  className,
  children,
}: Props) {
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
        {status && (
          <span className={`pn-status pn-status-${status.tone}`} title={status.text}>
            <span aria-hidden="true">{status.icon}</span> {status.text}
          </span>
        )}
        {findings > 0 && (
          <span
            className="pn-card-findings"
            title={`${findings} finding${findings === 1 ? '' : 's'}`}
          >
            ⚠ {findings}
          </span>
        )}
      </div>
      <div className="pn-card-name" title={name}>
        {name}
      </div>
      {(node.namespace !== undefined || meta) && (
        <div className="pn-card-ns">{[node.namespace, meta].filter(Boolean).join(' · ')}</div>
      )}
      {lines
        .filter((l) => l !== '')
        .map((line, i) => (
          <div className="pn-card-line" key={i} title={line}>
            {line}
          </div>
        ))}
      {children}
      <Handle type="source" position={Position.Right} isConnectable={false} className="pn-handle" />
    </div>
  );
}
