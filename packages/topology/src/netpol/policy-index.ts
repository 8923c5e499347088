/**
 * NetworkPolicies indexed by namespace. A policy only ever selects pods of
 * its own namespace, so finding the policies that select a pod looks at that
 * namespace's policies and no others: never a scan of every policy in the
 * cluster. Identity is `namespace/name`, as everywhere in Portolan.
 */
import type { SlimNetworkPolicy, SlimPod } from '../objects.js';
import { objectKey } from '../objects.js';
import { matchesSelector } from '../selectors.js';
import type { Direction } from './types.js';

const NO_POLICIES: ReadonlyMap<string, SlimNetworkPolicy> = new Map();

/** Whether the policy applies to its selected pods in this direction (`policyTypes`). */
export function policyHasType(policy: SlimNetworkPolicy, direction: Direction): boolean {
  return policy.spec.policyTypes.includes(direction === 'ingress' ? 'Ingress' : 'Egress');
}

/** Whether `policy` selects `pod`: same namespace, and its podSelector matches the pod's labels. */
export function policySelectsPod(policy: SlimNetworkPolicy, pod: SlimPod): boolean {
  return (
    (policy.metadata.namespace ?? 'default') === (pod.metadata.namespace ?? 'default') &&
    matchesSelector(policy.spec.podSelector, pod.metadata.labels)
  );
}

export class PolicyIndex {
  private readonly byNamespace = new Map<string, Map<string, SlimNetworkPolicy>>();

  constructor(policies: Iterable<SlimNetworkPolicy> = []) {
    for (const p of policies) this.upsert(p);
  }

  /** Adds or replaces a policy (by namespace/name). */
  upsert(policy: SlimNetworkPolicy): void {
    const ns = policy.metadata.namespace ?? 'default';
    let inNs = this.byNamespace.get(ns);
    if (!inNs) this.byNamespace.set(ns, (inNs = new Map()));
    inNs.set(policy.metadata.name, policy);
  }

  /** Removes a policy; returns the one removed, if any. */
  remove(namespace: string, name: string): SlimNetworkPolicy | undefined {
    const inNs = this.byNamespace.get(namespace);
    const old = inNs?.get(name);
    if (inNs && old) {
      inNs.delete(name);
      if (inNs.size === 0) this.byNamespace.delete(namespace);
    }
    return old;
  }

  get(namespace: string, name: string): SlimNetworkPolicy | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  /** The policies of one namespace. */
  inNamespace(namespace: string): Iterable<SlimNetworkPolicy> {
    return (this.byNamespace.get(namespace) ?? NO_POLICIES).values();
  }

  *all(): Iterable<SlimNetworkPolicy> {
    for (const inNs of this.byNamespace.values()) yield* inNs.values();
  }

  get size(): number {
    let n = 0;
    for (const inNs of this.byNamespace.values()) n += inNs.size;
    return n;
  }

  /**
   * The policies selecting `pod`, optionally only those of one direction
   * (by `policyTypes`), sorted by name so reasons read the same every time.
   */
  selecting(pod: SlimPod, direction?: Direction): SlimNetworkPolicy[] {
    const out: SlimNetworkPolicy[] = [];
    for (const p of this.inNamespace(pod.metadata.namespace ?? 'default')) {
      if (direction && !policyHasType(p, direction)) continue;
      if (matchesSelector(p.spec.podSelector, pod.metadata.labels)) out.push(p);
    }
    return out.sort((a, b) => (objectKey(a) < objectKey(b) ? -1 : 1));
  }
}
