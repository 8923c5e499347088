import type { Node, NodeProps } from '@xyflow/react';
import type { CardDataOf } from '../../view/to-flow.js';
import { NodeShell } from './NodeShell.js';

export function AddressCard({ data }: NodeProps<Node<CardDataOf<'address'>, 'address'>>) {
  const { node } = data;
  return (
    <NodeShell
      node={node}
      isNew={data.isNew}
      findings={data.findings}
      title={node.address}
      lines={[`${node.addressType} · not a known pod`]}
    />
  );
}
