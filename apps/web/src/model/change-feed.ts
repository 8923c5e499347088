/**
 * Compact news from a delta, in words: "frontend scaled 3 -> 5", "pod
 * shop/frontend-4 added", "pod shop/backend-2 terminating". Derived from what
 * the watch said changed (the delta), never by diffing whole snapshots.
 */
import type { GraphDelta, GraphNode, NodeId } from '@portolan/topology';
import { qualifiedName } from './a11y.js';
import { podReadiness } from './node-summary.js';

export interface ChangeEvent {
  /** Revision it came with; with `i`, a stable key. */
  revision: number;
  i: number;
  at: number;
  text: string;
  nodeId?: NodeId;
}

const total = (c: { ready: number; notReady: number; terminating: number }): number =>
  c.ready + c.notReady;

export function describeDelta(
  before: ReadonlyMap<NodeId, GraphNode>,
  delta: GraphDelta,
  at: number,
): ChangeEvent[] {
  const texts: { text: string; nodeId?: NodeId }[] = [];
  for (const n of delta.upsertNodes) {
    const prev = before.get(n.id);
    const name = qualifiedName(n);
    if (n.kind === 'service') {
      if (!prev) texts.push({ text: `Service ${name} added`, nodeId: n.id });
      else if (prev.kind === 'service') {
        const a = total(prev.endpointCounts);
        const b = total(n.endpointCounts);
        if (a !== b) texts.push({ text: `${name} scaled ${a} -> ${b}`, nodeId: n.id });
        else if (prev.endpointCounts.ready !== n.endpointCounts.ready)
          texts.push({
            text: `${name} ready ${prev.endpointCounts.ready} -> ${n.endpointCounts.ready} of ${b}`,
            nodeId: n.id,
          });
      }
    } else if (n.kind === 'pod') {
      const now = podReadiness(n);
      if (!prev) texts.push({ text: `pod ${name} added (${now})`, nodeId: n.id });
      else if (prev.kind === 'pod' && podReadiness(prev) !== now)
        texts.push({ text: `pod ${name} ${now.replace('-', ' ')}`, nodeId: n.id });
    } else if (!prev && n.kind !== 'external') {
      texts.push({ text: `${n.kind} ${name} added`, nodeId: n.id });
    } else if (prev && prev.health !== n.health) {
      texts.push({ text: `${n.kind} ${name} ${prev.health} -> ${n.health}`, nodeId: n.id });
    }
  }
  for (const id of delta.removeNodes) {
    const prev = before.get(id);
    if (prev && (prev.kind === 'pod' || prev.kind === 'service' || prev.kind === 'ingress'))
      texts.push({ text: `${prev.kind} ${qualifiedName(prev)} removed` });
  }
  for (const f of delta.upsertFindings) texts.push({ text: `${f.severity}: ${f.code}` });
  return texts.map((t, i) => ({ revision: delta.revision, i, at, ...t }));
}

/** The feed keeps the newest entries first, up to a limit. */
export function appendChanges(
  feed: readonly ChangeEvent[],
  events: readonly ChangeEvent[],
  limit = 100,
): readonly ChangeEvent[] {
  if (events.length === 0) return feed;
  return [...[...events].reverse(), ...feed].slice(0, limit);
}
