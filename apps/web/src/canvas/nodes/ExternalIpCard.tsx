import type { Node, NodeProps } from '@xyflow/react';
import { externalIpText } from '../../model/card-text.js';
import type { CardDataOf } from '../../view/to-flow.js';
import { NodeShell } from './NodeShell.js';

export function ExternalIpCard({ data }: NodeProps<Node<CardDataOf<'externalip'>, 'externalip'>>) {
  return (
    <NodeShell
      node={data.node}
      isNew={data.isNew}
      findings={data.findings}
      {...externalIpText(data.node)}
    />
  );
}
