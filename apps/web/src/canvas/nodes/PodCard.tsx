import type { Node, NodeProps } from '@xyflow/react';
import { podText } from '../../model/card-text.js';
import { podReadiness } from '../../model/node-summary.js';
import type { CardDataOf } from '../../view/to-flow.js';
import { NodeShell } from './NodeShell.js';

/** A pod: readiness as icon + word; terminating pods get a dashed border. */
export function PodCard({ data }: NodeProps<Node<CardDataOf<'pod'>, 'pod'>>) {
  return (
    <NodeShell
      node={data.node}
      isNew={data.isNew}
      findings={data.findings}
      className={`pn-pod-${podReadiness(data.node)}`}
      {...podText(data.node)}
    />
  );
}
