/**
 * Incrementality: a policy change (added, modified, deleted) can only change
 * verdicts of connections that have, at one end, a pod the old or the new
 * version selects (the pod's own isolation and allowed set are all a policy
 * decides). The graph layer re-evaluates the connections touching these pods
 * and nothing else. hostNetwork pods are left out: policies do not apply to them.
 */
import type { SlimNetworkPolicy, SlimPod } from '../objects.js';
import { objectKey } from '../objects.js';
import type { ClusterView } from './cluster-view.js';
import { policySelectsPod } from './policy-index.js';

export function podsAffectedByPolicyChange(
  before: SlimNetworkPolicy | undefined,
  after: SlimNetworkPolicy | undefined,
  view: ClusterView,
): SlimPod[] {
  const out = new Map<string, SlimPod>();
  for (const policy of [before, after]) {
    if (!policy) continue;
    for (const pod of view.podsIn(policy.metadata.namespace ?? 'default')) {
      if (!pod.spec.hostNetwork && policySelectsPod(policy, pod)) out.set(objectKey(pod), pod);
    }
  }
  return [...out.values()];
}
