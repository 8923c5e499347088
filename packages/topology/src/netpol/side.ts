/**
 * One side of a connection: the source's egress, or the destination's
 * ingress. A pod no policy of that direction selects allows everything; once
 * one does, the pod is isolated and only what some rule of the selecting
 * policies allows gets through (their union). A rule allows when any of its
 * peers matches the other end (no peers listed, or an empty list: every end)
 * AND any of its ports matches (none listed: every port).
 */
import type { NetworkPolicyRule, Protocol, SlimPod } from '../objects.js';
import { objectKey } from '../objects.js';
import type { PolicyIndex } from './policy-index.js';
import { peerMatches } from './peers.js';
import { portsMatch } from './ports.js';
import type { Direction, Peer, RuleRef, SideVerdict } from './types.js';

/** The rules of one direction of a policy (ignored unless its policyTypes lists that direction). */
export function rulesOf(
  policy: { spec: { ingress: NetworkPolicyRule[]; egress: NetworkPolicyRule[] } },
  direction: Direction,
): NetworkPolicyRule[] {
  return direction === 'ingress' ? policy.spec.ingress : policy.spec.egress;
}

/** Whether a rule's peers let `other` through (absent or empty list = every end). */
export function rulePeersMatch(rule: NetworkPolicyRule, policyNs: string, other: Peer): boolean {
  return (
    !rule.peers ||
    rule.peers.length === 0 ||
    rule.peers.some((p) => peerMatches(p, policyNs, other))
  );
}

/** Traffic into a pod from its own node (kubelet probes, SNATed node traffic) is always allowed. */
function fromResidentNode(other: Peer, pod: SlimPod): boolean {
  const node = pod.spec.nodeName;
  if (!node) return false;
  if (other.kind === 'ip') return other.nodeName === node;
  return other.pod.spec.hostNetwork === true && other.pod.spec.nodeName === node;
}

/**
 * The verdict of `self`'s side in `direction` for traffic with `other`
 * (egress: self is the source; ingress: self is the destination).
 */
export function evaluateSide(
  index: PolicyIndex,
  direction: Direction,
  self: Peer,
  other: Peer,
  port: number,
  protocol: Protocol,
): SideVerdict {
  const base = { direction, isolated: false, policies: [], allowedBy: [], portMismatch: [] };
  if (self.kind !== 'pod') return { ...base, allowed: true, reason: 'not-a-pod' };
  const pod = self.pod;
  const podKey = objectKey(pod);
  if (pod.spec.hostNetwork) return { ...base, pod: podKey, allowed: true, reason: 'host-network' };
  const policies = index.selecting(pod, direction);
  if (policies.length === 0) {
    return { ...base, pod: podKey, allowed: true, reason: 'not-isolated' };
  }
  const dst = direction === 'egress' ? other : self;
  const dstPod = dst.kind === 'pod' ? dst.pod : undefined;
  const allowedBy: RuleRef[] = [];
  const portMismatch: RuleRef[] = [];
  for (const policy of policies) {
    const ns = policy.metadata.namespace ?? 'default';
    rulesOf(policy, direction).forEach((rule, ruleIndex) => {
      if (!rulePeersMatch(rule, ns, other)) return;
      const ref = { policy: objectKey(policy), direction, ruleIndex };
      (portsMatch(rule.ports, port, protocol, dstPod) ? allowedBy : portMismatch).push(ref);
    });
  }
  const verdict = {
    direction,
    pod: podKey,
    isolated: true,
    policies: policies.map((p) => objectKey(p)),
    allowedBy,
    portMismatch,
  };
  if (allowedBy.length > 0) return { ...verdict, allowed: true, reason: 'allowed-by-rule' };
  if (direction === 'ingress' && fromResidentNode(other, pod)) {
    return { ...verdict, allowed: true, reason: 'resident-node' };
  }
  return { ...verdict, allowed: false, reason: 'no-rule-matched' };
}
