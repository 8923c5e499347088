/**
 * Findings about policies, as plain data (the graph layer adds node ids):
 * - NETPOL_SELECTS_NO_PODS: the podSelector matches no pod of the namespace.
 * - NETPOL_NAMED_PORT_UNRESOLVED: a named port in a rule resolves on none of
 *   the pods it would apply to (ingress: the selected pods; egress: the pods
 *   the rule's peers match), so that entry allows nothing.
 * - NETPOL_INVALID_*: what the API server would reject (see validate.ts).
 */
import type { FindingObject, Severity } from '../graph.js';
import type { LabelSelector, NetworkPolicyRule, SlimNetworkPolicy, SlimPod } from '../objects.js';
import { objectKey } from '../objects.js';
import type { ClusterView } from './cluster-view.js';
import { policySelectsPod } from './policy-index.js';
import { resolveNamedPort } from './ports.js';
import { rulePeersMatch } from './side.js';
import type { Direction } from './types.js';
import { validatePolicy } from './validate.js';

export interface NetpolFinding {
  id: string;
  code: string;
  severity: Severity;
  message: string;
  objects: FindingObject[];
}

const MAX_PODS_LISTED = 10;

function policyObject(p: SlimNetworkPolicy): FindingObject {
  return {
    kind: 'NetworkPolicy',
    namespace: p.metadata.namespace ?? 'default',
    name: p.metadata.name,
  };
}

function podObject(p: SlimPod): FindingObject {
  return { kind: 'Pod', namespace: p.metadata.namespace ?? 'default', name: p.metadata.name };
}

function selectorText(s: LabelSelector): string {
  const parts = Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions ?? []) {
    const values = e.values?.length ? ` (${e.values.join(', ')})` : '';
    parts.push(`${e.key} ${e.operator}${values}`);
  }
  return parts.length ? parts.join(', ') : '{}';
}

/** The pods an egress rule can send to, stopping at the first that resolves `name`. */
function egressTargetResolving(
  rule: NetworkPolicyRule,
  policyNs: string,
  name: string,
  protocol: SlimPod['spec']['containers'][number]['ports'][number]['protocol'],
  view: ClusterView,
): boolean {
  for (const ns of view.namespaceNames()) {
    const namespaceLabels = view.namespaceLabels(ns);
    for (const pod of view.podsIn(ns)) {
      if (resolveNamedPort(pod, name, protocol).length === 0) continue;
      if (rulePeersMatch(rule, policyNs, { kind: 'pod', pod, namespaceLabels })) return true;
    }
  }
  return false;
}

function namedPortFindings(
  policy: SlimNetworkPolicy,
  selected: SlimPod[],
  view: ClusterView,
): NetpolFinding[] {
  const out: NetpolFinding[] = [];
  const key = objectKey(policy);
  const ns = policy.metadata.namespace ?? 'default';
  for (const direction of ['ingress', 'egress'] as Direction[]) {
    policy.spec[direction].forEach((rule, i) => {
      rule.ports?.forEach((entry, j) => {
        if (typeof entry.port !== 'string') return;
        const name = entry.port;
        const resolved =
          direction === 'ingress'
            ? selected.some((p) => resolveNamedPort(p, name, entry.protocol).length > 0)
            : egressTargetResolving(rule, ns, name, entry.protocol, view);
        if (resolved || (direction === 'ingress' && selected.length === 0)) return;
        const whose = direction === 'ingress' ? 'pod it selects' : 'pod the rule sends to';
        out.push({
          id: `NETPOL_NAMED_PORT_UNRESOLVED:${key}:${direction}[${i}].ports[${j}]`,
          code: 'NETPOL_NAMED_PORT_UNRESOLVED',
          severity: 'warning',
          message:
            `NetworkPolicy ${key} ${direction} rule ${i} allows the port named "${name}" ` +
            `(${entry.protocol}), but no ${whose} has a ${entry.protocol} container port of that ` +
            `name, so this entry allows nothing. Name the port on the containers, or use its number.`,
          objects: [
            policyObject(policy),
            ...(direction === 'ingress' ? selected.slice(0, MAX_PODS_LISTED).map(podObject) : []),
          ],
        });
      });
    });
  }
  return out;
}

/** The findings of one policy (recompute on a change of the policy, or of pods in its namespace). */
export function policyFindings(policy: SlimNetworkPolicy, view: ClusterView): NetpolFinding[] {
  const key = objectKey(policy);
  const ns = policy.metadata.namespace ?? 'default';
  const out: NetpolFinding[] = validatePolicy(policy).map((issue) => ({
    id: `${issue.code}:${key}:${issue.path}`,
    code: issue.code,
    severity: 'error' as const,
    message: `NetworkPolicy ${key}: ${issue.message}`,
    objects: [policyObject(policy)],
  }));
  const selected: SlimPod[] = [];
  let hostNetworkOnly = 0;
  for (const pod of view.podsIn(ns)) {
    if (!policySelectsPod(policy, pod)) continue;
    if (pod.spec.hostNetwork) hostNetworkOnly++;
    else selected.push(pod);
  }
  if (selected.length === 0) {
    const why =
      hostNetworkOnly > 0
        ? `the only pods its podSelector {${selectorText(policy.spec.podSelector)}} matches use the host network, where policies do not apply`
        : `no pod of namespace ${ns} matches its podSelector {${selectorText(policy.spec.podSelector)}}`;
    out.push({
      id: `NETPOL_SELECTS_NO_PODS:${key}`,
      code: 'NETPOL_SELECTS_NO_PODS',
      severity: 'warning',
      message:
        `NetworkPolicy ${key} selects no pods: ${why}, so it restricts nothing. ` +
        `Check spec.podSelector against the pods' labels; a policy only selects pods of its own namespace.`,
      objects: [policyObject(policy)],
    });
  }
  out.push(...namedPortFindings(policy, selected, view));
  return out;
}

export function netpolFindings(
  policies: Iterable<SlimNetworkPolicy>,
  view: ClusterView,
): NetpolFinding[] {
  const out: NetpolFinding[] = [];
  for (const p of policies) out.push(...policyFindings(p, view));
  return out;
}
