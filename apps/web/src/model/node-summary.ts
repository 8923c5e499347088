/**
 * The key facts a card shows, as plain strings: addresses, ports, readiness.
 * Pure, so every card's text is unit-tested without rendering.
 */
import type {
  EdgeState,
  GraphNode,
  LoadBalancerIngress,
  PodNode,
  PortSummary,
  ServiceNode,
} from '@portolan/topology';

export type PodReadiness = 'ready' | 'not-ready' | 'pending' | 'terminating';

export const READINESS: Readonly<Record<PodReadiness, { icon: string; text: string }>> = {
  ready: { icon: '✓', text: 'ready' },
  'not-ready': { icon: '✗', text: 'not ready' },
  pending: { icon: '◔', text: 'pending' },
  terminating: { icon: '⊘', text: 'terminating' },
};

export function podReadiness(pod: PodNode): PodReadiness {
  if (pod.terminating) return 'terminating';
  if (pod.phase === 'Pending' || pod.ready === null) return 'pending';
  return pod.ready ? 'ready' : 'not-ready';
}

/** Words for edge states other than the normal ones, so state never rides on colour alone. */
export const EDGE_STATE_TEXT: Readonly<Partial<Record<EdgeState, string>>> = {
  'not-ready': '✗ not ready',
  terminating: '⊘ terminating',
  dropped: '⊗ dropped',
  unknown: '? unknown',
};

export function ingressAddressText(list: readonly LoadBalancerIngress[]): string[] {
  return list.map((a) => a.ip ?? a.hostname ?? '?');
}

export function servicePortText(p: PortSummary): string {
  const target = p.targetPort !== undefined && p.targetPort !== p.port ? ` -> ${p.targetPort}` : '';
  return `${p.port}${target}/${p.protocol}`;
}

export function serviceAddressText(svc: ServiceNode): string {
  if (svc.externalName) return `ExternalName -> ${svc.externalName}`;
  if (svc.headless) return 'headless';
  return svc.clusterIPs.length > 0 ? svc.clusterIPs.join(', ') : 'no clusterIP';
}

export function endpointCountText(svc: ServiceNode): string {
  const { ready, notReady, terminating } = svc.endpointCounts;
  const parts = [`${ready} ready`];
  if (notReady > 0) parts.push(`${notReady} not ready`);
  if (terminating > 0) parts.push(`${terminating} terminating`);
  return parts.join(' · ');
}

/** Extra words for assistive technology: readiness, pending, health. Empty when there is nothing to say. */
export function nodeStateText(node: GraphNode): string {
  if (node.kind === 'pod') return READINESS[podReadiness(node)].text;
  if (node.kind === 'loadbalancer' && node.pending) return 'pending';
  if (node.health === 'error' || node.health === 'warning') return node.health;
  return '';
}
