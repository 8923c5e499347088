import type { Node, NodeProps } from '@xyflow/react';
import { loadBalancerText } from '../../model/card-text.js';
import type { CardDataOf } from '../../view/to-flow.js';
import { NodeShell } from './NodeShell.js';

export function LoadBalancerCard({
  data,
}: NodeProps<Node<CardDataOf<'loadbalancer'>, 'loadbalancer'>>) {
  return (
    <NodeShell
      node={data.node}
      isNew={data.isNew}
      findings={data.findings}
      {...loadBalancerText(data.node)}
    />
  );
}
