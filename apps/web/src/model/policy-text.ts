/**
 * NetworkPolicy verdicts and isolation in words: the chip on an edge, its
 * hover text, the pod badge, and which pods each policy selects. Glyph plus
 * word everywhere, so a verdict never rides on colour alone (the glyphs are
 * in DejaVu Sans, which headless Chromium on Debian falls back to).
 */
import type { EdgePolicy, GraphNode, NodeId, PodNode, PolicyStatus } from '@portolan/topology';

export interface PolicyMark {
  icon: string;
  text: string;
}

export const POLICY_MARK: Readonly<Record<PolicyStatus, PolicyMark>> = {
  allowed: { icon: '✓', text: 'allowed' },
  denied: { icon: '⊘', text: 'denied' },
  'partly-allowed': { icon: '◐', text: 'partly allowed' },
  unknown: { icon: '?', text: 'unknown' },
};

/** The chip's word: short, so the chip fits the 160 px gap between lanes. */
const CHIP_WORD: Readonly<Record<PolicyStatus, string>> = {
  allowed: 'allowed',
  denied: 'denied',
  'partly-allowed': 'partial',
  unknown: 'unknown',
};

/** What the chip on an edge says: `⊘ policy: denied`, `◐ policy: partial`. */
export function policyChipText(p: EdgePolicy): string {
  return `${POLICY_MARK[p.status].icon} policy: ${CHIP_WORD[p.status]}`;
}

/** The chip's accessible name, in full words: `policy: partly allowed on <edge name>`. */
export function policyChipName(p: EdgePolicy, edgeName: string): string {
  return `policy: ${POLICY_MARK[p.status].text} on ${edgeName}`;
}

/** One line per source: `the ingress controller: denied (8080/TCP denied)`. */
export function sourceVerdictLine(s: EdgePolicy['sources'][number]): string {
  const ports: string[] = [];
  if (s.allowed.length > 0) ports.push(`${s.allowed.join(', ')} allowed`);
  if (s.denied.length > 0) ports.push(`${s.denied.join(', ')} denied`);
  return `${s.source}: ${POLICY_MARK[s.status].text}${ports.length > 0 ? ` (${ports.join('; ')})` : ''}`;
}

/** The verdict with its reasons, for hover (title) and aria-description. */
export function policyDescription(p: EdgePolicy): string {
  const head = `NetworkPolicy verdict: ${POLICY_MARK[p.status].text}.`;
  const body = p.sources.map((s) => `${sourceVerdictLine(s)}. ${s.reason}`);
  return [head, ...body].join('\n');
}

/** The directions a pod is isolated for, or undefined when no policy selects it. */
export function isolatedDirections(node: PodNode): ('ingress' | 'egress')[] | undefined {
  const iso = node.isolation;
  if (!iso) return undefined;
  const dirs: ('ingress' | 'egress')[] = [];
  if (iso.ingress.length > 0) dirs.push('ingress');
  if (iso.egress.length > 0) dirs.push('egress');
  return dirs.length > 0 ? dirs : undefined;
}

export const ISOLATION_ICON = '◈';

/** The pod card's badge: `◈ isolated: ingress, egress`. */
export function isolationBadgeText(node: PodNode): string | undefined {
  const dirs = isolatedDirections(node);
  return dirs ? `${ISOLATION_ICON} isolated: ${dirs.join(', ')}` : undefined;
}

/** Hover text of the badge and words for assistive technology: which policies, per direction. */
export function isolationTitle(node: PodNode): string {
  const iso = node.isolation;
  if (!iso) return 'No NetworkPolicy selects this pod: all traffic is allowed.';
  const part = (dir: string, list: string[]): string =>
    list.length > 0
      ? `isolated for ${dir} by ${list.join(', ')}`
      : `not isolated for ${dir} (all ${dir} allowed)`;
  return `NetworkPolicies: ${part('ingress', iso.ingress)}; ${part('egress', iso.egress)}.`;
}

export interface PolicySelection {
  /** `ns/name` */
  policy: string;
  /** Pods the policy selects for ingress and for egress (it counts only where its type applies). */
  ingress: NodeId[];
  egress: NodeId[];
}

/**
 * Every policy that selects at least one pod, with the pods it selects, read
 * from the pods' `isolation` (a policy selecting nothing isolates nothing and
 * is not listed). Sorted by policy name; pod ids sorted.
 */
export function policySelections(nodes: Iterable<GraphNode>): PolicySelection[] {
  const byPolicy = new Map<string, PolicySelection>();
  const entry = (policy: string): PolicySelection => {
    let e = byPolicy.get(policy);
    if (!e) {
      e = { policy, ingress: [], egress: [] };
      byPolicy.set(policy, e);
    }
    return e;
  };
  for (const n of nodes) {
    if (n.kind !== 'pod' || !n.isolation) continue;
    for (const p of n.isolation.ingress) entry(p).ingress.push(n.id);
    for (const p of n.isolation.egress) entry(p).egress.push(n.id);
  }
  const out = [...byPolicy.values()].sort((a, b) => (a.policy < b.policy ? -1 : 1));
  for (const e of out) {
    e.ingress.sort();
    e.egress.sort();
  }
  return out;
}

/** The pods a policy selects in either direction. */
export function podsOfPolicy(sel: PolicySelection): NodeId[] {
  return [...new Set([...sel.ingress, ...sel.egress])].sort();
}

/** Whether any pod of the graph is isolated: the connectivity queries are worth asking. */
export function anyIsolation(nodes: Iterable<GraphNode>): boolean {
  for (const n of nodes) if (n.kind === 'pod' && n.isolation) return true;
  return false;
}
