/** Validation of Deployments, ReplicaSets, StatefulSets, DaemonSets and ReplicationControllers. */
import { FieldError } from './errors.js';
import { matchesSelector, requirements, type LabelSelectorObject } from './label-selector.js';
import type { KubeObject, Pod } from './types.js';
import { validatePod } from './validation-kinds.js';
import { validateLabels } from './validation.js';

interface WorkloadSpec {
  replicas?: unknown;
  selector?: LabelSelectorObject | Record<string, string>;
  template?: { metadata?: { labels?: Record<string, string> }; spec?: Pod['spec'] };
  serviceName?: string;
}

export function validateWorkload(kind: string, obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as WorkloadSpec;
  const errors: FieldError[] = [];
  if (spec.replicas !== undefined) {
    const n = spec.replicas;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      errors.push(
        new FieldError('Invalid', 'spec.replicas', 'must be greater than or equal to 0', n),
      );
  }
  const labels = spec.template?.metadata?.labels;
  errors.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  if (kind === 'ReplicationController') {
    const sel = (spec.selector ?? {}) as Record<string, string>;
    if (Object.keys(sel).length === 0) errors.push(new FieldError('Required', 'spec.selector', ''));
    else if (!Object.entries(sel).every(([k, v]) => labels?.[k] === v))
      errors.push(
        new FieldError(
          'Invalid',
          'spec.template.metadata.labels',
          '`selector` does not match template `labels`',
          labels ?? {},
        ),
      );
  } else {
    const sel = spec.selector as LabelSelectorObject | undefined;
    if (!sel) errors.push(new FieldError('Required', 'spec.selector', ''));
    else if (requirements(sel).length === 0)
      errors.push(
        new FieldError('Invalid', 'spec.selector', 'empty selector is invalid for deployment', sel),
      );
    else if (!matchesSelector(sel, labels))
      errors.push(
        new FieldError(
          'Invalid',
          'spec.template.metadata.labels',
          '`selector` does not match template `labels`',
          labels ?? {},
        ),
      );
  }
  if (!spec.template) {
    errors.push(new FieldError('Required', 'spec.template', ''));
  } else {
    const podErrors = validatePod({ metadata: {}, spec: spec.template.spec ?? {} });
    for (const e of podErrors)
      errors.push(new FieldError(e.type, `spec.template.${e.field}`, e.detail, e.value));
  }
  return errors;
}
