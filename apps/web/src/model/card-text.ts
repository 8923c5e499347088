/**
 * What each kind of card says, as plain strings: a status chip (icon + text,
 * so state never rides on colour alone) and up to two lines of key facts.
 * One function per kind, used by the card component of that kind.
 */
import type {
  ExternalIpNode,
  IngressNode,
  LoadBalancerNode,
  NodePortNode,
  PodNode,
  ServiceNode,
} from '@portolan/topology';
import {
  READINESS,
  ingressAddressText,
  podReadiness,
  serviceAddressText,
  servicePortText,
} from './node-summary.js';

export interface CardStatus {
  icon: string;
  text: string;
  /** A CSS modifier: ok, warn, bad, pending, muted. */
  tone: 'ok' | 'warn' | 'bad' | 'pending' | 'muted';
}

export interface CardText {
  /** Shown after the namespace, e.g. the Service type. */
  meta?: string;
  status?: CardStatus;
  lines: string[];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const entryPorts = (ports: { port: number; protocol: string }[]): string =>
  ports.map((p) => `${p.port}/${p.protocol}`).join(', ');

export function loadBalancerText(node: LoadBalancerNode): CardText {
  const addresses = ingressAddressText(node.ingress);
  const pending = node.pending || addresses.length === 0;
  return {
    status: pending
      ? { icon: '◔', text: 'pending', tone: 'pending' }
      : { icon: '⇄', text: addresses.join(', '), tone: 'ok' },
    lines: [entryPorts(node.ports)],
  };
}

export function ingressText(node: IngressNode): CardText {
  const addresses = ingressAddressText(node.addresses);
  let rules = plural(node.rules.length, 'rule');
  if (node.tlsHosts.length > 0) rules += ' · TLS';
  if (node.ingressClassName)
    rules += ` · class ${node.ingressClassName}${node.classMissing ? ' (missing)' : ''}`;
  return {
    status:
      addresses.length === 0
        ? { icon: '◔', text: 'no address', tone: 'pending' }
        : { icon: '⇄', text: addresses.join(', '), tone: 'ok' },
    lines: [rules],
  };
}

export function externalIpText(node: ExternalIpNode): CardText {
  return {
    status: { icon: '⇄', text: node.address, tone: 'ok' },
    lines: [entryPorts(node.ports)],
  };
}

export function nodePortText(node: NodePortNode): CardText {
  const ports = node.ports.flatMap((p) =>
    p.nodePort === undefined ? [] : [`${p.nodePort}/${p.protocol}`],
  );
  const ips = node.targets.reduce((n, t) => n + t.addresses.length, 0);
  const lines = [`on ${plural(ips, 'node IP')}`];
  if (node.externalTrafficPolicy === 'Local') {
    const dropping = node.targets.filter((t) => !t.accepts).length;
    lines.push(`policy Local${dropping > 0 ? ` · ${plural(dropping, 'node')} drop` : ''}`);
  }
  return {
    status: { icon: '⇄', text: ports.join(', ') || 'no node port', tone: 'ok' },
    lines,
  };
}

export function serviceText(node: ServiceNode): CardText {
  const { ready, notReady, terminating } = node.endpointCounts;
  const total = ready + notReady + terminating;
  const text = total === ready ? `${ready} ready` : `${ready}/${total} ready`;
  let status: CardStatus;
  if (node.externalName) status = { icon: '↪', text: 'DNS alias', tone: 'muted' };
  else if (ready === 0) status = { icon: '✗', text, tone: 'bad' };
  else if (total > ready) status = { icon: '⚠', text, tone: 'warn' };
  else status = { icon: '✓', text, tone: 'ok' };
  return {
    meta: node.serviceType,
    status,
    lines: [serviceAddressText(node), node.ports.map(servicePortText).join(', ')].filter(
      (l) => l !== '',
    ),
  };
}

const POD_TONE = {
  ready: 'ok',
  'not-ready': 'bad',
  pending: 'pending',
  terminating: 'warn',
} as const;

export function podText(node: PodNode): CardText {
  const readiness = podReadiness(node);
  return {
    status: { ...READINESS[readiness], tone: POD_TONE[readiness] },
    lines: [`${node.podIPs[0] ?? 'no IP'} · ${node.nodeName ?? 'unscheduled'}`],
  };
}
