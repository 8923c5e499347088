/** metav1.LabelSelector objects (matchLabels + matchExpressions): matching and the string form. */
import { matchesRequirement, type Requirement } from './selectors.js';

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

const OPS: Record<string, Requirement['op']> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

export function requirements(sel: LabelSelectorObject | undefined): Requirement[] {
  const reqs: Requirement[] = Object.entries(sel?.matchLabels ?? {}).map(([key, v]) => ({
    key,
    op: '=',
    values: [v],
  }));
  for (const e of sel?.matchExpressions ?? [])
    reqs.push({ key: e.key, op: OPS[e.operator] ?? 'in', values: e.values ?? [] });
  return reqs;
}

/** Whether labels match; an empty selector matches everything, a missing one nothing. */
export function matchesSelector(
  sel: LabelSelectorObject | undefined,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (!sel) return false;
  return requirements(sel).every((r) => matchesRequirement(r, labels ?? {}));
}

/** The string form (`a=b,c in (d)`), as `Scale.status.selector` and printers give it. */
export function selectorString(sel: LabelSelectorObject | undefined): string {
  const parts = Object.entries(sel?.matchLabels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.join(',');
}
