/**
 * Connectivity queries over the store: "may A reach B on this port, and why",
 * and for one pod "who can reach it, on which ports" and "what can it reach".
 * Ends are written `ns/name` or `pod:ns/name` for pods, or an IP address.
 */
import { evaluate } from './netpol/evaluate.js';
import { verdictText } from './netpol/explain.js';
import { parseIp } from './netpol/cidr.js';
import { ipPeer, podPeer } from './netpol/peers.js';
import { summarizePorts } from './netpol/summary.js';
import type { Peer, Verdict } from './netpol/types.js';
import type { Protocol, SlimPod } from './objects.js';
import { workloadOf } from './paths.js';
import { podContribution } from './pod.js';
import type { ObjectStore } from './store.js';

export class QueryError extends Error {
  override name = 'QueryError';
}

export function resolveEnd(store: ObjectStore, text: string): Peer {
  const t = text.trim();
  if (parseIp(t)) {
    const node = [...store.nodes.values()].find((n) =>
      n.status.addresses.some((a) => a.address === t),
    );
    return ipPeer(t, node?.metadata.name);
  }
  const key = t.startsWith('pod:') ? t.slice(4) : t;
  if (!/^[^/\s]+\/[^/\s]+$/.test(key)) {
    throw new QueryError(`"${text}" is neither a pod (namespace/name) nor an IP address.`);
  }
  const pod = store.pods.get(key);
  if (!pod) throw new QueryError(`pod ${key} does not exist.`);
  return podPeer(pod, store.view.namespaceLabels(pod.metadata.namespace ?? 'default'));
}

export interface ConnectionAnswer {
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  verdict: Verdict['verdict'];
  text: string;
  detail: Verdict;
}

export function parsePort(text: string | undefined): number {
  const n = Number(text);
  if (!text || !Number.isInteger(n) || n < 1 || n > 65535) {
    throw new QueryError(`port must be a number from 1 to 65535, got "${text ?? ''}".`);
  }
  return n;
}

export function parseProtocol(text: string | undefined): Protocol {
  const p = (text ?? 'TCP').toUpperCase();
  if (p !== 'TCP' && p !== 'UDP' && p !== 'SCTP')
    throw new QueryError(`protocol must be TCP, UDP or SCTP, got "${text}".`);
  return p;
}

export function connection(
  store: ObjectStore,
  from: string,
  to: string,
  port: number,
  protocol: Protocol,
): ConnectionAnswer {
  const src = resolveEnd(store, from);
  const dst = resolveEnd(store, to);
  const detail = evaluate(store.policyIndex, { src, dst, port, protocol });
  return { from, to, port, protocol, verdict: detail.verdict, text: verdictText(detail), detail };
}

export interface ReachRow {
  /** `ns/workload` for pods (grouped under their controller), or an address. */
  peer: string;
  pods: number;
  allowed: string[];
  denied: string[];
}

export interface Reachability {
  pod: string;
  isolation: { ingress: string[]; egress: string[] };
  inbound: ReachRow[];
  outbound: ReachRow[];
}

function declaredPorts(pod: SlimPod): { port: number; protocol: Protocol }[] {
  return pod.spec.containers.flatMap((c) =>
    c.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol })),
  );
}

const MAX_PEERS = 20_000;

/** Who can reach a pod on its declared ports, and what it can reach on theirs, by workload. */
export function reachability(store: ObjectStore, podKey: string): Reachability {
  const pod = store.pods.get(podKey);
  if (!pod) throw new QueryError(`pod ${podKey} does not exist.`);
  const self = podPeer(pod, store.view.namespaceLabels(pod.metadata.namespace ?? 'default'));
  const rows = (dir: 'in' | 'out') => {
    const byPeer = new Map<string, ReachRow>();
    let n = 0;
    for (const other of store.pods.values()) {
      if (other === pod || ++n > MAX_PEERS) continue;
      const peer = podPeer(
        other,
        store.view.namespaceLabels(other.metadata.namespace ?? 'default'),
      );
      const ports = declaredPorts(dir === 'in' ? pod : other);
      if (ports.length === 0) continue;
      const s =
        dir === 'in'
          ? summarizePorts(store.policyIndex, peer, self, ports)
          : summarizePorts(store.policyIndex, self, peer, ports);
      const node = podContribution(store, other).nodes.values().next().value;
      const name = `${other.metadata.namespace}/${node ? workloadOf(node) : other.metadata.name}`;
      const row = byPeer.get(name) ?? { peer: name, pods: 0, allowed: [], denied: [] };
      row.pods++;
      for (const p of s.allowed)
        if (!row.allowed.includes(`${p.port}/${p.protocol}`))
          row.allowed.push(`${p.port}/${p.protocol}`);
      for (const p of s.denied)
        if (!row.denied.includes(`${p.port}/${p.protocol}`))
          row.denied.push(`${p.port}/${p.protocol}`);
      byPeer.set(name, row);
    }
    return [...byPeer.values()].sort((a, b) => (a.peer < b.peer ? -1 : 1));
  };
  const iso = podContribution(store, pod).nodes.values().next().value;
  return {
    pod: podKey,
    isolation: iso?.kind === 'pod' && iso.isolation ? iso.isolation : { ingress: [], egress: [] },
    inbound: rows('in'),
    outbound: rows('out'),
  };
}
