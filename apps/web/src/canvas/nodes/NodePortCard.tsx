import type { Node, NodeProps } from '@xyflow/react';
import { nodePortText } from '../../model/card-text.js';
import type { CardDataOf } from '../../view/to-flow.js';
import { NodeShell } from './NodeShell.js';

export function NodePortCard({ data }: NodeProps<Node<CardDataOf<'nodeport'>, 'nodeport'>>) {
  return (
    <NodeShell
      node={data.node}
      isNew={data.isNew}
      findings={data.findings}
      {...nodePortText(data.node)}
    />
  );
}
