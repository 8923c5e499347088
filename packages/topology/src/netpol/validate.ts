/**
 * What the API server would reject in a policy, and what the engine then
 * does with it (matches nothing), so a manifest that could never be applied
 * does not silently draw as if it worked.
 */
import type { NetworkPolicyPeer, NetworkPolicyPort, SlimNetworkPolicy } from '../objects.js';
import { cidrWithin, parseCidr } from './cidr.js';
import type { Direction } from './types.js';

export interface PolicyIssue {
  code: 'NETPOL_INVALID_PEER' | 'NETPOL_INVALID_CIDR' | 'NETPOL_INVALID_PORT';
  /** `spec.ingress[0].from[1]` */
  path: string;
  message: string;
}

const NOTHING = 'the API server rejects this, and Portolan treats it as matching nothing';

function peerIssues(peer: NetworkPolicyPeer, path: string): PolicyIssue[] {
  const { podSelector, namespaceSelector, ipBlock } = peer;
  if (!podSelector && !namespaceSelector && !ipBlock) {
    const message = `${path} sets none of podSelector, namespaceSelector or ipBlock: ${NOTHING}.`;
    return [{ code: 'NETPOL_INVALID_PEER', path, message }];
  }
  if (!ipBlock) return [];
  if (podSelector || namespaceSelector) {
    const message = `${path} sets ipBlock together with a selector: ${NOTHING}. Split it into separate peers.`;
    return [{ code: 'NETPOL_INVALID_PEER', path, message }];
  }
  const range = parseCidr(ipBlock.cidr);
  if (!range) {
    const message = `${path}.ipBlock.cidr "${ipBlock.cidr}" is not a CIDR: ${NOTHING}.`;
    return [{ code: 'NETPOL_INVALID_CIDR', path, message }];
  }
  const out: PolicyIssue[] = [];
  for (const text of ipBlock.except ?? []) {
    const hole = parseCidr(text);
    if (!hole || !cidrWithin(hole, range)) {
      const why = hole ? `is not inside ${ipBlock.cidr}` : 'is not a CIDR';
      const message = `${path}.ipBlock.except "${text}" ${why}: ${NOTHING}.`;
      out.push({ code: 'NETPOL_INVALID_CIDR', path, message });
    }
  }
  return out;
}

function portIssue(entry: NetworkPolicyPort, path: string): PolicyIssue | undefined {
  const { port, endPort } = entry;
  if (endPort === undefined) return undefined;
  let why: string | undefined;
  if (port === undefined) why = 'sets endPort without port';
  else if (typeof port === 'string') why = `sets endPort with the named port "${port}"`;
  else if (endPort < port) why = `sets endPort ${endPort} below port ${port}`;
  if (!why) return undefined;
  return { code: 'NETPOL_INVALID_PORT', path, message: `${path} ${why}: ${NOTHING}.` };
}

export function validatePolicy(policy: SlimNetworkPolicy): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  const directions: [Direction, 'from' | 'to'][] = [
    ['ingress', 'from'],
    ['egress', 'to'],
  ];
  for (const [direction, peersKey] of directions) {
    policy.spec[direction].forEach((rule, i) => {
      const rulePath = `spec.${direction}[${i}]`;
      rule.peers?.forEach((peer, j) =>
        out.push(...peerIssues(peer, `${rulePath}.${peersKey}[${j}]`)),
      );
      rule.ports?.forEach((entry, j) => {
        const issue = portIssue(entry, `${rulePath}.ports[${j}]`);
        if (issue) out.push(issue);
      });
    });
  }
  return out;
}
