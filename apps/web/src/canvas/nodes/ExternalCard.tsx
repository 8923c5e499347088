import type { Node, NodeProps } from '@xyflow/react';
import type { CardDataOf } from '../../view/to-flow.js';
import { NodeShell } from './NodeShell.js';

export function ExternalCard({ data }: NodeProps<Node<CardDataOf<'external'>, 'external'>>) {
  return (
    <NodeShell
      node={data.node}
      isNew={data.isNew}
      findings={data.findings}
      title="External clients"
      lines={['outside the cluster']}
    />
  );
}
