/** Defaults of the workload kinds (apps/v1, and v1 ReplicationController), as upstream sets them. */
import { defaultPodSpec } from './defaults.js';
import type { KubeObject, Pod } from './types.js';

interface Template {
  metadata?: { labels?: Record<string, string> };
  spec?: Pod['spec'];
}

type Spec = Record<string, unknown> & { template?: Template };

function template(spec: Spec): void {
  if (spec.template) {
    spec.template.metadata ??= {};
    (spec.template.metadata as Record<string, unknown>).creationTimestamp ??= null;
    defaultPodSpec((spec.template.spec ??= {}));
  }
}

export function defaultWorkload(kind: string, obj: KubeObject): void {
  const spec = obj.spec as Spec | undefined;
  switch (kind) {
    case 'Deployment': {
      if (!spec) return;
      spec.replicas ??= 1;
      const strategy = (spec.strategy ??= {}) as { type?: string; rollingUpdate?: unknown };
      strategy.type ??= 'RollingUpdate';
      if (strategy.type === 'RollingUpdate') {
        const ru = (strategy.rollingUpdate ??= {}) as Record<string, unknown>;
        ru.maxSurge ??= '25%';
        ru.maxUnavailable ??= '25%';
      }
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      return template(spec);
    }
    case 'StatefulSet': {
      if (!spec) return;
      spec.replicas ??= 1;
      spec.podManagementPolicy ??= 'OrderedReady';
      const strategy = (spec.updateStrategy ??= {}) as { type?: string; rollingUpdate?: unknown };
      strategy.type ??= 'RollingUpdate';
      if (strategy.type === 'RollingUpdate') strategy.rollingUpdate ??= { partition: 0 };
      spec.revisionHistoryLimit ??= 10;
      spec.persistentVolumeClaimRetentionPolicy ??= {
        whenDeleted: 'Retain',
        whenScaled: 'Retain',
      };
      return template(spec);
    }
    case 'DaemonSet': {
      if (!spec) return;
      const strategy = (spec.updateStrategy ??= {}) as { type?: string; rollingUpdate?: unknown };
      strategy.type ??= 'RollingUpdate';
      if (strategy.type === 'RollingUpdate')
        strategy.rollingUpdate ??= { maxSurge: 0, maxUnavailable: 1 };
      spec.revisionHistoryLimit ??= 10;
      return template(spec);
    }
    case 'ReplicaSet':
      if (!spec) return;
      spec.replicas ??= 1;
      return template(spec);
    case 'ReplicationController': {
      if (!spec) return;
      spec.replicas ??= 1;
      const labels = spec.template?.metadata?.labels;
      if (labels) {
        spec.selector ??= { ...labels };
        obj.metadata.labels ??= { ...labels };
      }
      return template(spec);
    }
    default:
      return;
  }
}
