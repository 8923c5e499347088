/** Findings in the order an on-call engineer reads them: errors first, then warnings, then info. */
import type { Finding, Severity } from '@portolan/topology';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Icon + word per severity, so severity never rests on colour. */
export const SEVERITY_MARK: Readonly<Record<Severity, string>> = {
  error: '✗ error',
  warning: '⚠ warning',
  info: 'ℹ info',
};

export type FindingSort = 'severity' | 'code';

export function sortFindings(findings: Iterable<Finding>, by: FindingSort = 'severity'): Finding[] {
  const rank = (f: Finding): number => SEVERITY_RANK[f.severity] ?? 3;
  return [...findings].sort((a, b) =>
    by === 'severity'
      ? rank(a) - rank(b) || cmp(a.code, b.code) || cmp(a.id, b.id)
      : cmp(a.code, b.code) || rank(a) - rank(b) || cmp(a.id, b.id),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
