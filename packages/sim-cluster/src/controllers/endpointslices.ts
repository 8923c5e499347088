/**
 * The EndpointSlice controller: keeps each selector Service's managed slices
 * (labelled `kubernetes.io/service-name` and
 * `endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io`,
 * owned by the Service) equal to `desiredSlices()`. Existing slices are
 * reused (same port list first) and written only when their content
 * changes, so a pod event causes at most one MODIFIED per affected slice.
 */
import { jsonEqual } from '../json.js';
import type { Registry } from '../registry.js';
import { R } from '../resources.js';
import { matchesMap } from '../selectors.js';
import { objectKey, type StoreEvent } from '../store.js';
import type { EndpointSlice, KubeObject, Node, Pod, Service, StoredObject } from '../types.js';
import {
  MANAGED_BY,
  MANAGED_BY_LABEL,
  SERVICE_NAME_LABEL,
  desiredSlices,
  portsKey,
  serviceSelector,
  type DesiredSlice,
} from './endpointslice-desired.js';
import { PodLabelIndex } from './pod-labels.js';
import { WorkQueue, type Controller } from './workqueue.js';

type Slice = EndpointSlice & StoredObject;

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';
  private readonly queue: WorkQueue;
  private readonly unsubscribe: () => void;

  private readonly pods: PodLabelIndex;

  constructor(
    private readonly registry: Registry,
    onError: (err: unknown, key: string) => void,
    private readonly maxEndpointsPerSlice = 100,
  ) {
    this.pods = new PodLabelIndex(registry.store);
    this.queue = new WorkQueue((key) => this.reconcile(key), onError);
    this.unsubscribe = registry.store.subscribe((e) => this.observe(e));
  }

  idle(): boolean {
    return this.queue.idle;
  }

  stop(): void {
    this.unsubscribe();
    this.pods.unsubscribe();
    this.queue.stop();
  }

  private observe(e: StoreEvent): void {
    const { store } = this.registry;
    if (e.resource === R.services) {
      this.queue.add(objectKey(e.object.metadata.namespace, e.object.metadata.name));
    } else if (e.resource === R.pods) {
      const versions = [e.object, e.previous].filter((p): p is StoredObject => p !== undefined);
      for (const svc of store.each(R.services, e.object.metadata.namespace) as Iterable<Service>) {
        const sel = serviceSelector(svc);
        if (sel && versions.some((p) => matchesMap(sel, p.metadata.labels)))
          this.queue.add(objectKey(svc.metadata.namespace, svc.metadata.name ?? ''));
      }
    } else if (e.resource === R.nodes) {
      for (const svc of store.each(R.services) as Iterable<Service>) {
        if (serviceSelector(svc))
          this.queue.add(objectKey(svc.metadata.namespace, svc.metadata.name ?? ''));
      }
    } else if (e.resource === R.endpointSlices) {
      const labels = e.object.metadata.labels ?? {};
      const svc = labels[SERVICE_NAME_LABEL];
      if (svc && labels[MANAGED_BY_LABEL] === MANAGED_BY)
        this.queue.add(objectKey(e.object.metadata.namespace, svc));
    }
  }

  private reconcile(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const { store } = this.registry;
    const svc = store.get(R.services, namespace, name) as (Service & StoredObject) | undefined;
    const existing = ([...store.each(R.endpointSlices, namespace)] as Slice[]).filter((s) => {
      const labels = s.metadata.labels ?? {};
      return labels[SERVICE_NAME_LABEL] === name && labels[MANAGED_BY_LABEL] === MANAGED_BY;
    });
    let desired: DesiredSlice[] = [];
    if (svc && !svc.metadata.deletionTimestamp) {
      const nodes = new Map((store.list(R.nodes) as Node[]).map((n) => [n.metadata.name ?? '', n]));
      desired = desiredSlices(
        svc,
        this.pods.matching(namespace, serviceSelector(svc) ?? {}) as Pod[],
        nodes,
        this.maxEndpointsPerSlice,
      );
    }
    // Pair desired slices with existing ones: same port list first, then any leftover.
    const unused = [...existing];
    const pairs: [DesiredSlice, Slice | undefined][] = desired.map((d) => {
      const i = unused.findIndex((s) => portsKey(s.ports ?? []) === portsKey(d.ports));
      return [d, i >= 0 ? unused.splice(i, 1)[0] : undefined];
    });
    for (const pair of pairs) if (!pair[1] && unused.length > 0) pair[1] = unused.shift();
    for (const slice of unused) this.registry.remove(R.endpointSlices, slice);
    if (!svc) return;
    for (const [d, slice] of pairs) {
      const wanted = this.build(svc, d);
      if (!slice) {
        this.registry.create(R.endpointSlices, namespace, wanted);
        continue;
      }
      const next = {
        ...structuredClone(slice),
        ...wanted,
        metadata: {
          ...structuredClone(slice.metadata),
          labels: wanted.metadata.labels,
          ownerReferences: wanted.metadata.ownerReferences,
        },
      };
      if (!jsonEqual(next, slice)) this.registry.writeSystem(R.endpointSlices, next as Slice);
    }
  }

  private build(
    svc: Service & StoredObject,
    d: DesiredSlice,
  ): KubeObject & { metadata: { labels: Record<string, string> } } {
    const labels: Record<string, string> = {
      ...svc.metadata.labels,
      [SERVICE_NAME_LABEL]: svc.metadata.name,
      [MANAGED_BY_LABEL]: MANAGED_BY,
    };
    if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
    return {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: `${svc.metadata.name}-`,
        namespace: svc.metadata.namespace,
        labels,
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            name: svc.metadata.name,
            uid: svc.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      addressType: 'IPv4',
      endpoints: d.endpoints,
      ports: d.ports,
    };
  }
}
