/** The inspector's rows for a node: plain label/value text, one function for all kinds. */
import type { GraphNode, Labels, PortSummary } from '@portolan/topology';
import { KIND_TITLE } from './kind-meta.js';
import {
  READINESS,
  endpointCountText,
  ingressAddressText,
  podReadiness,
  servicePortText,
} from './node-summary.js';

export interface Field {
  label: string;
  /** Several values are shown one per line. */
  value: string | string[];
  /** Values worth copying (names, addresses, DNS names). */
  copy?: boolean;
}

/** Rows whose values are names or addresses: the inspector offers to copy them. */
const COPYABLE = new Set([
  'Name',
  'Ingress',
  'Addresses',
  'Address',
  'Cluster IPs',
  'External name',
  'DNS names',
  'DNS records',
  'Env vars',
  'Pod IPs',
  'TLS hosts',
]);

const labelsText = (l: Labels | null): string[] =>
  l === null
    ? ['(none: endpoints managed by hand)']
    : Object.entries(l).map(([k, v]) => `${k}=${v}`);

const portLine = (p: PortSummary): string =>
  `${p.name ? `${p.name}: ` : ''}${servicePortText(p)}${p.nodePort !== undefined ? ` (node port ${p.nodePort})` : ''}`;

export function inspectorFields(node: GraphNode): Field[] {
  const rows: Field[] = [{ label: 'Kind', value: KIND_TITLE[node.kind] }];
  if (node.namespace !== undefined) rows.push({ label: 'Namespace', value: node.namespace });
  if (node.name !== undefined) rows.push({ label: 'Name', value: node.name });
  rows.push({ label: 'Health', value: node.health });
  switch (node.kind) {
    case 'external':
      break;
    case 'loadbalancer':
      rows.push(
        { label: 'Ingress', value: node.pending ? 'pending' : ingressAddressText(node.ingress) },
        { label: 'Ports', value: node.ports.map(portLine) },
      );
      if (node.sourceRanges.length > 0)
        rows.push({ label: 'Source ranges', value: node.sourceRanges });
      break;
    case 'ingress':
      rows.push(
        {
          label: 'Class',
          value: !node.ingressClassName
            ? 'none (no default IngressClass in the cluster)'
            : `${node.ingressClassName}${node.defaultClass ? ' (the default class)' : ''}${node.classMissing ? ' (no such IngressClass)' : ''}`,
        },
        ...(node.ingressController ? [{ label: 'Controller', value: node.ingressController }] : []),
        { label: 'Addresses', value: ingressAddressText(node.addresses) },
        {
          label: 'Rules',
          value: node.rules.map((r) => `${r.host || '*'}${r.path} (${r.pathType}) -> ${r.backend}`),
        },
      );
      if (node.tlsHosts.length > 0) rows.push({ label: 'TLS hosts', value: node.tlsHosts });
      break;
    case 'externalip':
      rows.push(
        { label: 'Address', value: node.address },
        { label: 'Ports', value: node.ports.map(portLine) },
      );
      break;
    case 'nodeport':
      rows.push(
        { label: 'Ports', value: node.ports.map(portLine) },
        { label: 'Traffic policy', value: node.externalTrafficPolicy },
        {
          label: 'Nodes',
          value: node.targets.map(
            (t) => `${t.node}: ${t.addresses.join(', ')}${t.accepts ? '' : ' (drops)'}`,
          ),
        },
      );
      break;
    case 'service':
      rows.push(
        { label: 'Type', value: node.serviceType },
        { label: 'Cluster IPs', value: node.headless ? 'None (headless)' : node.clusterIPs },
      );
      if (node.externalName) rows.push({ label: 'External name', value: node.externalName });
      rows.push(
        { label: 'Selector', value: labelsText(node.selector) },
        { label: 'Ports', value: node.ports.map(portLine) },
        { label: 'Endpoints', value: endpointCountText(node) },
        { label: 'DNS names', value: node.dnsNames },
      );
      if (node.dnsRecords?.length) rows.push({ label: 'DNS records', value: node.dnsRecords });
      if (node.sessionAffinity)
        rows.push({ label: 'Session affinity', value: node.sessionAffinity });
      if (node.internalTrafficPolicy === 'Local')
        rows.push({
          label: 'Internal traffic',
          value: `Local: only pods on ${node.localEndpointNodes?.length ? node.localEndpointNodes.join(', ') : 'no node'} get an answer`,
        });
      if (node.envVars.length > 0) rows.push({ label: 'Env vars', value: node.envVars });
      break;
    case 'pod': {
      const r = READINESS[podReadiness(node)];
      rows.push(
        { label: 'Readiness', value: `${r.icon} ${r.text}` },
        { label: 'Phase', value: node.phase },
        { label: 'Pod IPs', value: node.podIPs.length > 0 ? node.podIPs : 'none yet' },
        { label: 'Node', value: node.nodeName ?? 'unscheduled' },
      );
      if (node.owner) rows.push({ label: 'Owner', value: node.owner });
      rows.push({ label: 'Labels', value: labelsText(node.labels) });
      break;
    }
    case 'address':
      rows.push(
        { label: 'Address', value: node.address },
        { label: 'Type', value: node.addressType },
      );
      break;
  }
  for (const r of rows) if (COPYABLE.has(r.label)) r.copy = true;
  return rows;
}
