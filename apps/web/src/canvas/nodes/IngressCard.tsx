import type { Node, NodeProps } from '@xyflow/react';
import { ingressText } from '../../model/card-text.js';
import type { CardDataOf } from '../../view/to-flow.js';
import { NodeShell } from './NodeShell.js';

export function IngressCard({ data }: NodeProps<Node<CardDataOf<'ingress'>, 'ingress'>>) {
  return (
    <NodeShell
      node={data.node}
      isNew={data.isNew}
      findings={data.findings}
      {...ingressText(data.node)}
    />
  );
}
