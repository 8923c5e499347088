/** Presentation facts per node kind and lane: titles, short badges. Text, never colour only. */
import type { Lane, NodeKind } from '@portolan/topology';

/** The kind word used in accessible names and the inspector. */
export const KIND_TITLE: Readonly<Record<NodeKind, string>> = {
  external: 'External',
  loadbalancer: 'LoadBalancer',
  ingress: 'Ingress',
  externalip: 'ExternalIP',
  nodeport: 'NodePort',
  service: 'Service',
  pod: 'Pod',
  address: 'Address',
};

/** Short badge drawn on every card, so the kind reads without colour. */
export const KIND_BADGE: Readonly<Record<NodeKind, string>> = {
  external: 'EXT',
  loadbalancer: 'LB',
  ingress: 'ING',
  externalip: 'EIP',
  nodeport: 'NP',
  service: 'SVC',
  pod: 'POD',
  address: 'ADDR',
};

export const LANE_TITLE: Readonly<Record<Lane, string>> = {
  external: 'External',
  entry: 'Entry',
  nodeport: 'NodePort',
  service: 'Service',
  pod: 'Pod',
};
