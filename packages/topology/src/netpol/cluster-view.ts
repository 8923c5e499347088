/**
 * What the findings and the incrementality hook need to know of the cluster:
 * pods per namespace and namespace labels. The graph layer can pass its own
 * store behind this interface; `clusterView()` builds one from plain lists.
 */
import type { Labels, SlimNamespace, SlimPod } from '../objects.js';
import { labelsOfNamespace, namespaceLabels } from './peers.js';

export interface ClusterView {
  podsIn(namespace: string): Iterable<SlimPod>;
  /** Every namespace with a Namespace object or a pod. */
  namespaceNames(): Iterable<string>;
  /** The namespace's labels, with the automatic `kubernetes.io/metadata.name`. */
  namespaceLabels(namespace: string): Labels;
}

export function clusterView(input: {
  pods: Iterable<SlimPod>;
  namespaces?: Iterable<SlimNamespace>;
}): ClusterView {
  const pods = new Map<string, SlimPod[]>();
  const labels = new Map<string, Labels>();
  for (const ns of input.namespaces ?? []) {
    labels.set(ns.metadata.name, labelsOfNamespace(ns));
  }
  for (const pod of input.pods) {
    const ns = pod.metadata.namespace ?? 'default';
    let list = pods.get(ns);
    if (!list) pods.set(ns, (list = []));
    list.push(pod);
    if (!labels.has(ns)) labels.set(ns, namespaceLabels(ns));
  }
  return {
    podsIn: (ns) => pods.get(ns) ?? [],
    namespaceNames: () => labels.keys(),
    namespaceLabels: (ns) => labels.get(ns) ?? namespaceLabels(ns),
  };
}
