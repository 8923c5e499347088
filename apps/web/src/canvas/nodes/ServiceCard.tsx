import type { Node, NodeProps } from '@xyflow/react';
import { serviceText } from '../../model/card-text.js';
import type { CardDataOf } from '../../view/to-flow.js';
import { NodeShell } from './NodeShell.js';

export function ServiceCard({ data }: NodeProps<Node<CardDataOf<'service'>, 'service'>>) {
  return (
    <NodeShell
      node={data.node}
      isNew={data.isNew}
      findings={data.findings}
      {...serviceText(data.node)}
    />
  );
}
