/** The NetworkPolicy engine: pure, indexed, every verdict with its reasons. */
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
