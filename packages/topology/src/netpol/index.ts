/**
 * The NetworkPolicy engine (issue 5): pure, indexed, every verdict with its
 * reasons. Semantics follow DOMAIN.md §2 with Kubernetes as the oracle
 * (apimachinery label selectors, API-server defaulting, the NetworkPolicy
 * docs). The choices the API leaves open, and what we picked:
 *
 * - ipBlock and pod IPs: Kubernetes means ipBlock for cluster-external
 *   addresses, but the upstream e2e suite (and Calico) match pod IPs against
 *   it; we do too. Cilium does not (its CIDR rules skip cluster endpoints).
 * - Empty lists: `from: []` / `to: []` / `ports: []` mean the same as absent
 *   (every peer / every port), as the API documents; `ingress: []` with type
 *   Ingress denies all. `egress: []` without policyTypes does not add Egress
 *   (the API server only adds it for a non-empty list).
 * - A null selector in a peer is an absent one (`namespaceSelector:` with no
 *   value means the policy's own namespace), not `{}`.
 * - Loopback: a pod cannot block access to itself (Kubernetes docs); the
 *   verdict says so and keeps the policies' own answer in `byPolicy`.
 * - Resident node: traffic into a pod from its own node is always allowed
 *   (docs). An IP end says it is a node's with `nodeName`.
 * - hostNetwork pods: policies do not apply to them and selectors do not
 *   match them; they are their node's IP (the docs' "most common" behaviour).
 * - Named ports resolve on the destination pod, by name and protocol, for
 *   egress too; towards an IP nothing resolves.
 * - Invalid specs (a peer with no field, ipBlock beside a selector, a bad
 *   CIDR, endPort misuse) match nothing and raise an error finding.
 */
export * from './types.js';
export { parseIp, parseCidr, cidrContains, cidrWithin, ipBlockContains } from './cidr.js';
export type { IpAddress, Cidr } from './cidr.js';
export { PolicyIndex, policySelectsPod, policyHasType } from './policy-index.js';
export {
  namespaceLabels,
  labelsOfNamespace,
  podPeer,
  ipPeer,
  peerMatches,
  peerText,
  NAMESPACE_NAME_LABEL,
} from './peers.js';
export { resolveNamedPort, portEntryMatches, portsMatch } from './ports.js';
export { evaluateSide, rulePeersMatch, rulesOf } from './side.js';
export { evaluate } from './evaluate.js';
export { isolation } from './isolation.js';
export type { PodIsolation, DirectionIsolation } from './isolation.js';
export { summarizePorts } from './summary.js';
export type { PortsSummary, PortsStatus } from './summary.js';
export { verdictText, sideText } from './explain.js';
export { clusterView } from './cluster-view.js';
export type { ClusterView } from './cluster-view.js';
export { podsAffectedByPolicyChange } from './affected.js';
export { validatePolicy } from './validate.js';
export type { PolicyIssue } from './validate.js';
export { policyFindings, netpolFindings } from './findings.js';
export type { NetpolFinding } from './findings.js';
