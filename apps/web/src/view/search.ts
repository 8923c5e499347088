/**
 * Search: every whitespace-separated term must match (AND). A term matches a
 * node by name or namespace/name (substring, case-insensitive), `key=value`
 * against a pod's labels or a Service's selector (`key=` or `key` alone: the
 * key is present), an IP or hostname (pod IPs, cluster IPs, LoadBalancer and
 * Ingress addresses, node addresses, endpoint addresses), a port number (a
 * Service's port, target port or node port), a DNS name, or
 * `policy:<ns>/<name>`: the pods that NetworkPolicy selects (either direction).
 */
import type { GraphNode, Labels, LoadBalancerIngress, PortSummary } from '@portolan/topology';

export function parseQuery(query: string): string[] {
  return query
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');
}

export function matchesQuery(node: GraphNode, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const hay = haystack(node);
  return terms.every((t) => matchesTerm(t, hay));
}

interface Haystack {
  names: string[];
  labels: Labels;
  addresses: string[];
  ports: string[];
  /** NetworkPolicies selecting a pod (`ns/name`, lower case). */
  policies: string[];
}

function matchesTerm(term: string, h: Haystack): boolean {
  if (term.startsWith('policy:')) return h.policies.includes(term.slice('policy:'.length));
  const eq = term.indexOf('=');
  if (eq > 0) {
    const key = term.slice(0, eq);
    const value = term.slice(eq + 1);
    return Object.entries(h.labels).some(
      ([k, v]) => k.toLowerCase() === key && (value === '' || v.toLowerCase() === value),
    );
  }
  if (/^\d+$/.test(term)) {
    if (h.ports.includes(term)) return true;
  }
  if (h.addresses.some((a) => a.toLowerCase() === term || a.toLowerCase().startsWith(term)))
    return true;
  return h.names.some((n) => n.toLowerCase().includes(term));
}

const lbAddresses = (l: readonly LoadBalancerIngress[]): string[] =>
  l.flatMap((i) => [i.ip, i.hostname].filter((x): x is string => typeof x === 'string'));

const portNumbers = (ports: readonly PortSummary[]): string[] =>
  ports.flatMap((p) =>
    [p.port, p.targetPort, p.nodePort].filter((x) => x !== undefined).map((x) => String(x)),
  );

function haystack(node: GraphNode): Haystack {
  const names = [node.label];
  if (node.name !== undefined) names.push(node.name);
  if (node.namespace !== undefined) names.push(`${node.namespace}/${node.name ?? node.label}`);
  const h: Haystack = { names, labels: {}, addresses: [], ports: [], policies: [] };
  switch (node.kind) {
    case 'loadbalancer':
      h.addresses.push(...lbAddresses(node.ingress));
      h.ports.push(...portNumbers(node.ports));
      break;
    case 'ingress':
      h.addresses.push(...lbAddresses(node.addresses));
      names.push(...node.rules.map((r) => `${r.host}${r.path}`), ...node.tlsHosts);
      break;
    case 'externalip':
      h.addresses.push(node.address);
      h.ports.push(...portNumbers(node.ports));
      break;
    case 'nodeport':
      h.addresses.push(...node.targets.flatMap((t) => t.addresses));
      h.ports.push(...portNumbers(node.ports));
      break;
    case 'service':
      h.addresses.push(...node.clusterIPs, ...(node.dnsRecords ?? []));
      if (node.externalName !== undefined) names.push(node.externalName);
      names.push(...node.dnsNames);
      h.labels = node.selector ?? {};
      h.ports.push(...portNumbers(node.ports));
      break;
    case 'pod':
      h.addresses.push(...node.podIPs);
      h.labels = node.labels;
      if (node.isolation)
        h.policies = [...node.isolation.ingress, ...node.isolation.egress].map((p) =>
          p.toLowerCase(),
        );
      if (node.nodeName !== undefined) names.push(node.nodeName);
      break;
    case 'address':
      h.addresses.push(node.address);
      break;
    case 'external':
      break;
  }
  return h;
}
