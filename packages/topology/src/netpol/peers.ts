/**
 * Who a rule's peer (`from` / `to` element) matches.
 * - podSelector alone: pods of the policy's namespace;
 * - namespaceSelector alone: every pod of the matching namespaces;
 * - both in one element: those pods in those namespaces (AND);
 * - ipBlock: addresses in `cidr` and outside every `except`. Pod IPs count
 *   too: Kubernetes means ipBlock for cluster-external addresses, but the
 *   mainstream CNIs (Calico, the upstream e2e suite's expectations) match a
 *   pod's IP against it, and so do we.
 * hostNetwork pods are invisible to selectors (they are their node's IP, the
 * most common implementation per the Kubernetes docs); an ipBlock can match
 * their address. A peer with no field, or an ipBlock beside a selector, is
 * invalid (the API rejects it) and matches nothing; `validatePolicy` says so.
 */
import type { Labels, NetworkPolicyPeer, SlimNamespace, SlimPod } from '../objects.js';
import { objectKey } from '../objects.js';
import { matchesSelector } from '../selectors.js';
import { ipBlockContains } from './cidr.js';
import type { Peer } from './types.js';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * A namespace's labels as selectors see them: its own, plus the automatic
 * `kubernetes.io/metadata.name` (set and kept equal to the name by the API
 * server, so it wins over a manifest's value).
 */
export function namespaceLabels(name: string, labels?: Labels): Labels {
  return { ...labels, [NAMESPACE_NAME_LABEL]: name };
}

/** A Namespace object's labels as selectors see them. */
export function labelsOfNamespace(ns: SlimNamespace): Labels {
  return namespaceLabels(ns.metadata.name, ns.metadata.labels);
}

/**
 * A pod end. `nsLabels`: its namespace's own labels (the automatic name label
 * is added); `ip` pins the address used.
 */
export function podPeer(pod: SlimPod, nsLabels?: Labels, ip?: string): Peer {
  return {
    kind: 'pod',
    pod,
    namespaceLabels: namespaceLabels(pod.metadata.namespace ?? 'default', nsLabels),
    ...(ip === undefined ? {} : { ip }),
  };
}

/** An address end; `nodeName` when the address is that node's. */
export function ipPeer(ip: string, nodeName?: string): Peer {
  return nodeName === undefined ? { kind: 'ip', ip } : { kind: 'ip', ip, nodeName };
}

/** The addresses an end may use: the pinned one, or all of a pod's IPs. */
export function peerIps(peer: Peer): readonly string[] {
  if (peer.kind === 'ip') return [peer.ip];
  return peer.ip !== undefined ? [peer.ip] : peer.pod.status.podIPs;
}

/** `pod x/a`, `ip 8.8.8.8`: for messages. */
export function peerText(peer: Peer): string {
  return peer.kind === 'pod' ? `pod ${objectKey(peer.pod)}` : `${peer.ip}`;
}

/** Whether a peer element of a rule in a policy of `policyNamespace` matches the end `other`. */
export function peerMatches(
  peer: NetworkPolicyPeer,
  policyNamespace: string,
  other: Peer,
): boolean {
  const { podSelector, namespaceSelector, ipBlock } = peer;
  if (ipBlock) {
    if (podSelector || namespaceSelector) return false;
    return peerIps(other).some((ip) => ipBlockContains(ipBlock, ip));
  }
  if (!podSelector && !namespaceSelector) return false;
  if (other.kind !== 'pod' || other.pod.spec.hostNetwork) return false;
  const inNamespace = namespaceSelector
    ? matchesSelector(namespaceSelector, other.namespaceLabels)
    : (other.pod.metadata.namespace ?? 'default') === policyNamespace;
  return inNamespace && (!podSelector || matchesSelector(podSelector, other.pod.metadata.labels));
}
