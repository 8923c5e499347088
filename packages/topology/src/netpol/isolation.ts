/**
 * Whether a pod is isolated for ingress and for egress, and by which
 * policies: isolated in a direction once any policy with that direction in
 * its policyTypes selects it. A hostNetwork pod is never isolated (policies
 * do not apply to the host network, the common implementation), but the
 * policies selecting it are still listed so the UI can say they do nothing.
 */
import type { SlimPod } from '../objects.js';
import { objectKey } from '../objects.js';
import type { PolicyIndex } from './policy-index.js';

export interface DirectionIsolation {
  isolated: boolean;
  /** `ns/name` of the policies of this direction selecting the pod, sorted. */
  policies: string[];
}

export interface PodIsolation {
  pod: string;
  hostNetwork: boolean;
  ingress: DirectionIsolation;
  egress: DirectionIsolation;
}

export function isolation(index: PolicyIndex, pod: SlimPod): PodIsolation {
  const hostNetwork = pod.spec.hostNetwork === true;
  const side = (direction: 'ingress' | 'egress'): DirectionIsolation => {
    const policies = index.selecting(pod, direction).map((p) => objectKey(p));
    return { isolated: !hostNetwork && policies.length > 0, policies };
  };
  return { pod: objectKey(pod), hostNetwork, ingress: side('ingress'), egress: side('egress') };
}
