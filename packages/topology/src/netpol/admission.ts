/**
 * Which in-cluster pods a destination pod admits on given ports, from its
 * ingress policies alone: not isolated (every pod), a rule open to every
 * source on the port, rules that admit some peers only, or nothing. The
 * sources' own egress policies still apply; the connectivity queries answer
 * for a given pair. This is what a Service's in-cluster clients meet.
 */
import type { LabelSelector, NetworkPolicyPeer, Protocol, SlimPod } from '../objects.js';
import { objectKey } from '../objects.js';
import type { PolicyIndex } from './policy-index.js';
import { portsMatch } from './ports.js';

export interface Admission {
  status: 'allowed' | 'partly-allowed' | 'denied';
  reason: string;
  /** Ports (as `8080/TCP`) some in-cluster pod may use, and those none may. */
  allowed: string[];
  denied: string[];
}

function selectorText(s: LabelSelector): string {
  const parts = Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions ?? []) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else
      parts.push(
        `${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${(e.values ?? []).join(',')})`,
      );
  }
  return parts.join(',');
}

/** One peer of an ingress rule, in words: `pods app=frontend`, `all pods in namespaces team=a`. */
export function peerDescription(peer: NetworkPolicyPeer, policyNs: string): string {
  if (peer.ipBlock) {
    const except = peer.ipBlock.except?.length ? ` except ${peer.ipBlock.except.join(', ')}` : '';
    return `addresses in ${peer.ipBlock.cidr}${except}`;
  }
  const pods = peer.podSelector ? selectorText(peer.podSelector) : '';
  const podsText = pods ? `pods ${pods}` : 'all pods';
  if (!peer.namespaceSelector) return `${podsText} of namespace ${policyNs}`;
  const ns = selectorText(peer.namespaceSelector);
  return `${podsText} in ${ns ? `namespaces ${ns}` : 'every namespace'}`;
}

function list(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}`;
}

export function inClusterAdmission(
  index: PolicyIndex,
  pod: SlimPod,
  targets: readonly { port: number; protocol: Protocol }[],
): Admission {
  const who = `pod ${objectKey(pod)}`;
  const all = targets.map((t) => `${t.port}/${t.protocol}`);
  if (pod.spec.hostNetwork) {
    return {
      status: 'allowed',
      reason: `${who} uses the host network; policies do not apply to it.`,
      allowed: all,
      denied: [],
    };
  }
  const policies = index.selecting(pod, 'ingress');
  if (policies.length === 0) {
    return {
      status: 'allowed',
      reason: `No policy isolates ${who} for ingress: any pod may connect (if its own egress policies let it).`,
      allowed: all,
      denied: [],
    };
  }
  const names = policies.map(objectKey);
  const open: string[] = [];
  const some = new Map<string, string[]>();
  const allowed: string[] = [];
  const denied: string[] = [];
  let everyPortOpen = true;
  for (const t of targets) {
    let portOpen = false;
    let admitted = false;
    for (const p of policies) {
      const pns = p.metadata.namespace ?? 'default';
      p.spec.ingress.forEach((rule, ri) => {
        if (!portsMatch(rule.ports, t.port, t.protocol, pod)) return;
        admitted = true;
        const ref = `${objectKey(p)} ingress[${ri}]`;
        if (!rule.peers || rule.peers.length === 0) {
          portOpen = true;
          if (!open.includes(ref)) open.push(ref);
        } else if (!some.has(ref)) {
          some.set(
            ref,
            rule.peers.map((peer) => peerDescription(peer, pns)),
          );
        }
      });
    }
    (admitted ? allowed : denied).push(`${t.port}/${t.protocol}`);
    if (!portOpen) everyPortOpen = false;
  }
  const isolated = `${who} is isolated for ingress by ${names.join(', ')}`;
  if (allowed.length === 0) {
    return {
      status: 'denied',
      reason: `${isolated}, and no ingress rule admits any pod on ${all.join(', ')}.`,
      allowed,
      denied,
    };
  }
  if (everyPortOpen && denied.length === 0) {
    return {
      status: 'allowed',
      reason: `${isolated}; ${open.join(', ')} admit${open.length === 1 ? 's' : ''} every source on ${all.join(', ')}.`,
      allowed,
      denied,
    };
  }
  const admits = [...some].map(([ref, peers]) => `${ref} admits ${peers.join(' or ')}`);
  if (open.length)
    admits.unshift(
      `${open.join(', ')} admit${open.length === 1 ? 's' : ''} every source on some ports`,
    );
  return {
    status: 'partly-allowed',
    reason: `${isolated}: only some pods get in. ${list(admits)}.${denied.length ? ` Nothing is admitted on ${denied.join(', ')}.` : ''}`,
    allowed,
    denied,
  };
}
