/** What one Pod contributes: its node. And the shared external-clients node. */
import type { Contribution } from './contribution.js';
import { ContributionBuilder } from './contribution.js';
import type { ExternalNode, Health, PodNode } from './graph.js';
import { EXTERNAL_ID, ids } from './ids.js';
import { isolation } from './netpol/isolation.js';
import type { SlimPod } from './objects.js';
import type { ObjectStore } from './store.js';

export function externalNode(): ExternalNode {
  return { id: EXTERNAL_ID, kind: 'external', label: 'External clients', health: 'ok' };
}

function podHealth(pod: SlimPod): Health {
  if (pod.metadata.deletionTimestamp) return 'warning';
  switch (pod.status.phase) {
    case 'Running':
      return pod.status.ready === true ? 'ok' : pod.status.ready === false ? 'warning' : 'unknown';
    case 'Pending':
      return 'pending';
    case 'Succeeded':
      return 'unknown';
    case 'Failed':
      return 'error';
    default:
      return 'unknown';
  }
}

export function podContribution(store: ObjectStore, pod: SlimPod): Contribution {
  const b = new ContributionBuilder();
  const ns = pod.metadata.namespace ?? 'default';
  const owner =
    pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
  const node: PodNode = {
    id: ids.pod(ns, pod.metadata.name),
    kind: 'pod',
    label: pod.metadata.name,
    namespace: ns,
    name: pod.metadata.name,
    health: podHealth(pod),
    podIPs: pod.status.podIPs,
    phase: pod.status.phase,
    ready: pod.status.ready,
    terminating: !!pod.metadata.deletionTimestamp,
    labels: pod.metadata.labels ?? {},
  };
  if (pod.spec.nodeName) node.nodeName = pod.spec.nodeName;
  if (owner) node.owner = `${owner.kind}/${owner.name}`;
  if (pod.metadata.uid) node.uid = pod.metadata.uid;
  if (store.policyIndex.size > 0) {
    const iso = isolation(store.policyIndex, pod);
    if (iso.ingress.isolated || iso.egress.isolated) {
      node.isolation = {
        ingress: iso.ingress.isolated ? iso.ingress.policies : [],
        egress: iso.egress.isolated ? iso.egress.policies : [],
      };
    }
  }
  b.node(node);
  return b.c;
}
