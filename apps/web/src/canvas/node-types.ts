/** Card component per node kind; presentation is chosen here, from `kind`, never stored in the graph. */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { AddressCard } from './nodes/AddressCard.js';
import { ExternalCard } from './nodes/ExternalCard.js';
import { ExternalIpCard } from './nodes/ExternalIpCard.js';
import { IngressCard } from './nodes/IngressCard.js';
import { LoadBalancerCard } from './nodes/LoadBalancerCard.js';
import { NamespaceGroupCard } from './nodes/NamespaceGroupCard.js';
import { NodePortCard } from './nodes/NodePortCard.js';
import { PodCard } from './nodes/PodCard.js';
import { PodGroupCard } from './nodes/PodGroupCard.js';
import { ServiceCard } from './nodes/ServiceCard.js';
import { PortEdge } from './edges/PortEdge.js';

export const nodeTypes = {
  external: ExternalCard,
  loadbalancer: LoadBalancerCard,
  ingress: IngressCard,
  externalip: ExternalIpCard,
  nodeport: NodePortCard,
  service: ServiceCard,
  pod: PodCard,
  address: AddressCard,
  podgroup: PodGroupCard,
  nsgroup: NamespaceGroupCard,
} satisfies NodeTypes;

export const edgeTypes = { port: PortEdge } satisfies EdgeTypes;
