/**
 * The connectivity report (`portolan connectivity`): every allowed
 * connection between pods, and between pods and the outside, with exact
 * port ranges per protocol.
 *
 * Exactness: a verdict can only change at a port that a policy or a
 * container names (a number, a range end, a resolved named port), and for
 * an outside address only at an ipBlock boundary. So the port space is cut at
 * those breakpoints and one port per interval is evaluated; the outside
 * (IPv4) is cut at every ipBlock's start and end, and adjacent intervals with
 * the same connectivity are merged: the maximal ranges.
 */
import { evaluate } from './netpol/evaluate.js';
import { parseCidr } from './netpol/cidr.js';
import { ipPeer, podPeer } from './netpol/peers.js';
import { resolveNamedPort } from './netpol/ports.js';
import type { Peer } from './netpol/types.js';
import type { Protocol, SlimNetworkPolicy, SlimPod } from './objects.js';
import type { ObjectStore } from './store.js';

const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];

export interface PodIdentity {
  namespace: string;
  name: string;
  /** `Kind/name` of the owner reference, if any. */
  controller?: string;
  /** `Kind/name` of the top-level workload (Deployment for a ReplicaSet's pods), or `Pod/name`. */
  workload: string;
}

export interface Connection {
  src: string;
  dst: string;
  /** e.g. `{ TCP: '80,8080-8090', UDP: '53' }`; `All` when every port is allowed. */
  ports: Partial<Record<Protocol, string>>;
}

export interface PodConnection {
  src: PodIdentity | { ipRange: string };
  dst: PodIdentity | { ipRange: string };
  ports: Partial<Record<Protocol, string>>;
}

export function identity(pod: SlimPod): PodIdentity {
  const ns = pod.metadata.namespace ?? 'default';
  const owner =
    pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
  let workload = `Pod/${pod.metadata.name}`;
  if (owner?.kind === 'ReplicaSet') {
    const hash = pod.metadata.labels?.['pod-template-hash'];
    workload =
      hash && owner.name.endsWith(`-${hash}`)
        ? `Deployment/${owner.name.slice(0, -hash.length - 1)}`
        : `ReplicaSet/${owner.name}`;
  } else if (owner?.kind === 'Job' && /-\d+$/.test(owner.name)) {
    workload = `CronJob/${owner.name.replace(/-\d+$/, '')}`;
  } else if (owner) workload = `${owner.kind}/${owner.name}`;
  return {
    namespace: ns,
    name: pod.metadata.name,
    ...(owner ? { controller: `${owner.kind}/${owner.name}` } : {}),
    workload,
  };
}

function workloadText(id: PodIdentity): string {
  const slash = id.workload.indexOf('/');
  return `${id.namespace}/${id.workload.slice(slash + 1)}[${id.workload.slice(0, slash)}]`;
}

/** Port breakpoints per protocol: every number the policies or containers name. */
function breakpoints(store: ObjectStore, pods: readonly SlimPod[]): Map<Protocol, number[]> {
  const cuts = new Map<Protocol, Set<number>>(PROTOCOLS.map((p) => [p, new Set([1, 65536])]));
  const add = (p: Protocol, n: number) => cuts.get(p)?.add(n);
  const policies: SlimNetworkPolicy[] = [...store.policyIndex.all()];
  for (const pol of policies) {
    for (const rule of [...pol.spec.ingress, ...pol.spec.egress]) {
      for (const e of rule.ports ?? []) {
        if (typeof e.port === 'number') {
          add(e.protocol, e.port);
          add(e.protocol, (e.endPort ?? e.port) + 1);
        } else if (typeof e.port === 'string') {
          for (const pod of pods) {
            for (const n of resolveNamedPort(pod, e.port, e.protocol)) {
              add(e.protocol, n);
              add(e.protocol, n + 1);
            }
          }
        }
      }
    }
  }
  return new Map([...cuts].map(([p, s]) => [p, [...s].sort((a, b) => a - b)]));
}

function rangesText(ranges: [number, number][]): string {
  if (ranges.length === 1 && ranges[0]?.[0] === 1 && ranges[0][1] === 65535) return 'All';
  return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
}

/** Allowed ports from src to dst, per protocol, as range text; empty when nothing is allowed. */
function allowedPorts(
  store: ObjectStore,
  src: Peer,
  dst: Peer,
  cuts: Map<Protocol, number[]>,
): Partial<Record<Protocol, string>> {
  const out: Partial<Record<Protocol, string>> = {};
  for (const protocol of PROTOCOLS) {
    const points = cuts.get(protocol) ?? [];
    const ranges: [number, number][] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [lo, next] = [points[i] as number, points[i + 1] as number];
      if (evaluate(store.policyIndex, { src, dst, port: lo, protocol }).verdict !== 'allowed')
        continue;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === lo - 1) last[1] = next - 1;
      else ranges.push([lo, next - 1]);
    }
    if (ranges.length) out[protocol] = rangesText(ranges);
  }
  return out;
}

function ipText(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => ((v >> s) & 255n).toString()).join('.');
}

/** IPv4 intervals cut at every ipBlock boundary, as [start, end] with one representative address. */
function outsideRanges(store: ObjectStore): [bigint, bigint][] {
  const cuts = new Set<bigint>([0n, 1n << 32n]);
  for (const pol of store.policyIndex.all()) {
    for (const rule of [...pol.spec.ingress, ...pol.spec.egress]) {
      for (const peer of rule.peers ?? []) {
        for (const text of [peer.ipBlock?.cidr, ...(peer.ipBlock?.except ?? [])]) {
          const c = text ? parseCidr(text) : null;
          if (!c || c.family !== 4) continue;
          cuts.add(c.network);
          cuts.add(c.network + (1n << BigInt(32 - c.prefix)));
        }
      }
    }
  }
  const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.slice(0, -1).map((start, i) => [start, (sorted[i + 1] as bigint) - 1n]);
}

export interface ConnectivityReport {
  workloads: Connection[];
  pods: PodConnection[];
}

export function connectivityReport(store: ObjectStore): ConnectivityReport {
  const pods = [...store.pods.values()]
    .filter(
      (p) =>
        p.status.podIPs.length > 0 &&
        !p.spec.hostNetwork &&
        p.status.phase !== 'Succeeded' &&
        p.status.phase !== 'Failed',
    )
    .sort((a, b) =>
      `${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}`
        ? -1
        : 1,
    );
  const cuts = breakpoints(store, pods);
  const peers = pods.map((p) => ({
    pod: p,
    id: identity(p),
    peer: podPeer(p, store.view.namespaceLabels(p.metadata.namespace ?? 'default')),
  }));
  const podRows: PodConnection[] = [];
  const byWorkload = new Map<string, Map<Protocol, Set<string>>>();
  const record = (src: string, dst: string, ports: Partial<Record<Protocol, string>>) => {
    const key = `${src}\u0000${dst}`;
    const m = byWorkload.get(key) ?? new Map<Protocol, Set<string>>();
    for (const [p, text] of Object.entries(ports) as [Protocol, string][]) {
      const set = m.get(p) ?? new Set<string>();
      set.add(text);
      m.set(p, set);
    }
    byWorkload.set(key, m);
  };
  for (const a of peers) {
    for (const b of peers) {
      if (a === b) continue;
      const ports = allowedPorts(store, a.peer, b.peer, cuts);
      if (Object.keys(ports).length === 0) continue;
      podRows.push({ src: a.id, dst: b.id, ports });
      if (workloadText(a.id) !== workloadText(b.id))
        record(workloadText(a.id), workloadText(b.id), ports);
    }
  }
  // The outside, split per pod and direction into maximal IPv4 ranges with the same ports.
  type Run = { start: bigint; end: bigint; key: string; ports: Partial<Record<Protocol, string>> };
  const runs = new Map<string, Run>();
  const emit = (runKey: string, run: Run) => {
    const [dir, index] = runKey.split('|') as ['in' | 'out', string];
    const id = (peers[Number(index)] as (typeof peers)[number]).id;
    const range = `${ipText(run.start)}-${ipText(run.end)}`;
    if (dir === 'in') {
      record(range, workloadText(id), run.ports);
      podRows.push({ src: { ipRange: range }, dst: id, ports: run.ports });
    } else {
      record(workloadText(id), range, run.ports);
      podRows.push({ src: id, dst: { ipRange: range }, ports: run.ports });
    }
  };
  for (const [start, end] of outsideRanges(store)) {
    const ext = ipPeer(ipText(start));
    peers.forEach((p, index) => {
      for (const dir of ['in', 'out'] as const) {
        const ports =
          dir === 'in'
            ? allowedPorts(store, ext, p.peer, cuts)
            : allowedPorts(store, p.peer, ext, cuts);
        const runKey = `${dir}|${index}`;
        const key = JSON.stringify(ports);
        const run = runs.get(runKey);
        if (run && run.key === key && run.end + 1n === start) {
          run.end = end;
          continue;
        }
        if (run && Object.keys(run.ports).length) emit(runKey, run);
        runs.set(runKey, { start, end, key, ports });
      }
    });
  }
  for (const [runKey, run] of runs) if (Object.keys(run.ports).length) emit(runKey, run);
  const workloads: Connection[] = [...byWorkload].map(([key, m]) => {
    const [src, dst] = key.split('\u0000') as [string, string];
    const ports: Partial<Record<Protocol, string>> = {};
    for (const [p, texts] of m) ports[p] = texts.has('All') ? 'All' : [...texts].sort().join(',');
    return { src, dst, ports };
  });
  workloads.sort((a, b) => (a.src + a.dst < b.src + b.dst ? -1 : 1));
  return { workloads, pods: podRows };
}

export function reportText(report: ConnectivityReport): string {
  return report.workloads
    .map((c) => {
      const ports = (Object.entries(c.ports) as [Protocol, string][]).map(([p, t]) =>
        t === 'All' ? `${p} all ports` : `${p} ${t}`,
      );
      const all = ports.length === 3 && ports.every((p) => p.endsWith('all ports'));
      return `${c.src} => ${c.dst} : ${all ? 'All Connections' : ports.join('; ')}`;
    })
    .join('\n');
}
