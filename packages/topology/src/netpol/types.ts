/**
 * The vocabulary of the NetworkPolicy engine: the two ends of a connection,
 * the question asked, and the verdict with its reasons. Plain data, so a
 * verdict can cross the wire and be shown on hover as it is.
 */
import type { Labels, Protocol, SlimPod } from '../objects.js';

export type Direction = 'ingress' | 'egress';

/**
 * One end of a connection.
 * - a pod, with the labels of its namespace (see `namespaceLabels()`, which
 *   adds the automatic `kubernetes.io/metadata.name`). `ip` pins the address
 *   used (dual-stack); without it any of the pod's IPs may match an ipBlock.
 * - an IP: an external client, a node IP after SNAT, a load balancer... When
 *   the IP is a node's, `nodeName` says which: traffic from a pod's own node
 *   is always allowed into it.
 */
export type Peer =
  | { kind: 'pod'; pod: SlimPod; namespaceLabels: Labels; ip?: string }
  | { kind: 'ip'; ip: string; nodeName?: string };

export interface ConnectionQuery {
  src: Peer;
  dst: Peer;
  /** The destination port the packets carry (the pod's port, after any Service translation). */
  port: number;
  /** TCP unless said. */
  protocol?: Protocol;
}

/** A rule of a policy: `{ policy: 'ns/name', direction: 'ingress', ruleIndex: 0 }`. */
export interface RuleRef {
  policy: string;
  direction: Direction;
  ruleIndex: number;
}

/**
 * Why one side said what it said.
 * - `not-a-pod`: this end is an IP; policies only act on pods.
 * - `host-network`: a hostNetwork pod; policies do not apply to it (the mainstream behaviour).
 * - `not-isolated`: no policy of this direction selects the pod; everything is allowed.
 * - `allowed-by-rule`: isolated, and at least one rule (in `allowedBy`) allows the traffic.
 * - `resident-node`: isolated for ingress, but the traffic comes from the pod's own node.
 * - `no-rule-matched`: isolated, and no rule of the selecting policies allows it.
 */
export type SideReason =
  | 'not-a-pod'
  | 'host-network'
  | 'not-isolated'
  | 'allowed-by-rule'
  | 'resident-node'
  | 'no-rule-matched';

export interface SideVerdict {
  /** egress: the source's side; ingress: the destination's side. */
  direction: Direction;
  /** `ns/name` of the pod on this side, when it is a pod. */
  pod?: string;
  isolated: boolean;
  /** The policies of this direction selecting the pod (`ns/name`), sorted. */
  policies: string[];
  /** Every rule that allows the traffic (empty when none does). */
  allowedBy: RuleRef[];
  /** Rules whose peers matched but whose ports did not: the near misses a user looks for. */
  portMismatch: RuleRef[];
  allowed: boolean;
  reason: SideReason;
}

export interface Verdict {
  verdict: 'allowed' | 'denied';
  /** What the policies alone say: egress.allowed && ingress.allowed. */
  byPolicy: 'allowed' | 'denied';
  /** Source and destination are the same pod: a pod cannot block access to itself. */
  loopback: boolean;
  egress: SideVerdict;
  ingress: SideVerdict;
  port: number;
  protocol: Protocol;
}

export interface PortProtocol {
  port: number;
  protocol: Protocol;
}
