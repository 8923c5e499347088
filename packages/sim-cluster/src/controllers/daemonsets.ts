/**
 * The DaemonSet controller: one pod per node the pod fits (node selector,
 * taints tolerated, with the tolerations upstream adds to every daemon
 * pod), bound to its node directly. A template change replaces pods node by
 * node, at most `maxUnavailable` (default 1) unavailable at a time.
 */
import type { Registry } from '../registry.js';
import { R } from '../resources.js';
import type { StoreEvent } from '../store.js';
import type { Node, StoredObject, Toleration } from '../types.js';
import { OwnerController } from './owned.js';
import type { OwnerIndex } from './owner-index.js';
import { tolerates } from './scheduler.js';
import {
  intOrPercent,
  isActive,
  isReady,
  podFromTemplate,
  templateHash,
  type PodTemplate,
  type SimPod,
} from './workload-util.js';

const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

interface DaemonSetSpec {
  template?: PodTemplate;
  updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string } };
}

export class DaemonSetController extends OwnerController {
  readonly name = 'daemonset-controller';

  constructor(
    registry: Registry,
    owners: OwnerIndex,
    onError: (err: unknown, key: string) => void,
  ) {
    super(registry, owners, R.daemonSets, [R.pods], onError);
  }

  protected override observeOther(e: StoreEvent): void {
    if (e.resource === R.nodes) this.enqueueAll();
  }

  private fits(spec: DaemonSetSpec, node: Node): boolean {
    if (node.metadata.deletionTimestamp) return false;
    const tolerations = [
      ...((spec.template?.spec?.tolerations ?? []) as Toleration[]),
      ...DAEMON_TOLERATIONS,
    ];
    const blocking = (node.spec?.taints ?? []).filter(
      (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute',
    );
    if (!blocking.every((t) => tolerates(tolerations, t))) return false;
    const selector = (spec.template?.spec?.nodeSelector ?? {}) as Record<string, string>;
    return Object.entries(selector).every(([k, v]) => node.metadata.labels?.[k] === v);
  }

  protected reconcile(ds: StoredObject): void {
    const spec = (ds.spec ?? {}) as DaemonSetSpec;
    const hash = templateHash(spec.template);
    const nodes = (this.registry.store.list(R.nodes) as (Node & StoredObject)[]).filter((n) =>
      this.fits(spec, n),
    );
    const byNode = new Map<string, SimPod[]>();
    for (const pod of this.owned(ds, R.pods) as SimPod[]) {
      const node = pod.spec?.nodeName ?? '';
      byNode.set(node, [...(byNode.get(node) ?? []), pod]);
    }
    const wanted = new Set(nodes.map((n) => n.metadata.name));
    for (const [node, pods] of byNode)
      if (!wanted.has(node))
        for (const p of pods.filter(isActive))
          this.registry.delete(R.pods, p.metadata.namespace, p.metadata.name);
    const ours: SimPod[] = [];
    for (const node of nodes) {
      const pods = (byNode.get(node.metadata.name) ?? []).filter(isActive);
      if (pods.length > 0) {
        ours.push(...pods);
        continue;
      }
      if ((byNode.get(node.metadata.name) ?? []).length > 0) continue; // old pod still terminating
      const tolerations = [...((spec.template?.spec?.tolerations ?? []) as Toleration[])];
      for (const t of DAEMON_TOLERATIONS)
        if (!tolerations.some((x) => x.key === t.key)) tolerations.push(t);
      const pod = podFromTemplate(R.daemonSets, ds, spec.template, {
        labels: {
          'controller-revision-hash': hash,
          'pod-template-generation': String(ds.metadata.generation ?? 1),
        },
        spec: {
          nodeName: node.metadata.name,
          tolerations,
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  {
                    matchFields: [
                      { key: 'metadata.name', operator: 'In', values: [node.metadata.name] },
                    ],
                  },
                ],
              },
            },
          },
        },
      });
      ours.push(this.registry.create(R.pods, ds.metadata.namespace, pod).object as SimPod);
    }
    if (spec.updateStrategy?.type !== 'OnDelete') {
      const maxUnavailable = Math.max(
        1,
        intOrPercent(spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, nodes.length, true),
      );
      const unavailable = nodes.length - ours.filter(isReady).length;
      const stale = ours.filter((p) => p.metadata.labels?.['controller-revision-hash'] !== hash);
      for (const p of stale.slice(0, Math.max(0, maxUnavailable - unavailable)))
        this.registry.delete(R.pods, p.metadata.namespace, p.metadata.name);
    }
    const ready = ours.filter(isReady).length;
    this.registry.writeStatus(R.daemonSets, ds, {
      observedGeneration: ds.metadata.generation ?? 1,
      desiredNumberScheduled: nodes.length,
      currentNumberScheduled: ours.length,
      numberMisscheduled: 0,
      numberReady: ready,
      numberAvailable: ready,
      ...(nodes.length - ready > 0 ? { numberUnavailable: nodes.length - ready } : {}),
      updatedNumberScheduled: ours.filter(
        (p) => p.metadata.labels?.['controller-revision-hash'] === hash,
      ).length,
    });
  }
}
