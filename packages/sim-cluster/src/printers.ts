/**
 * Upstream's printers, kind by kind: the columns `kubectl get` shows
 * (priority 1 = `-o wide` only) and how each cell reads, including the AGE
 * column's HumanDuration.
 */
import type { KubeObject, Node, Pod, Service } from './types.js';

export type Cell = string | number;
export type Printer = {
  columns: [string, number][];
  cells: (obj: KubeObject, now: Date) => Cell[];
};

const NONE = '<none>';

/** apimachinery's HumanDuration, which is how AGE columns read. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8)
    return hours % 24 === 0 ? `${hours / 24}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 365 * 8)
    return days % 365 === 0 ? `${days / 365}y` : `${Math.floor(days / 365)}y${days % 365}d`;
  return `${Math.floor(days / 365)}y`;
}

export function age(obj: KubeObject, now: Date): string {
  const created = obj.metadata.creationTimestamp;
  return created ? humanDuration(now.getTime() - Date.parse(created)) : '<unknown>';
}

function formatSelectorMap(sel: Record<string, string> | undefined): string {
  const entries = Object.entries(sel ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : NONE;
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

function formatLabelSelector(sel: LabelSelector | undefined): string {
  const parts = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : NONE;
}

function podCells(obj: KubeObject, now: Date): Cell[] {
  const pod = obj as Pod;
  const containers = pod.spec?.containers ?? [];
  const statuses = (pod.status?.containerStatuses ?? []) as {
    ready?: boolean;
    restartCount?: number;
    state?: { waiting?: { reason?: string } };
  }[];
  const ready = statuses.filter((s) => s.ready).length;
  let reason = (pod.status?.reason as string | undefined) ?? pod.status?.phase ?? 'Unknown';
  const waiting = statuses.find((s) => s.state?.waiting?.reason)?.state?.waiting?.reason;
  if (waiting) reason = waiting;
  if (pod.metadata.deletionTimestamp) reason = 'Terminating';
  const restarts = statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
  const gates = ((pod.spec?.readinessGates ?? []) as unknown[]).length;
  return [
    pod.metadata.name ?? '',
    `${ready}/${containers.length}`,
    reason,
    String(restarts),
    age(obj, now),
    pod.status?.podIP ?? NONE,
    pod.spec?.nodeName ?? NONE,
    NONE,
    gates ? String(gates) : NONE,
  ];
}

function serviceExternal(svc: Service): string {
  const spec = svc.spec ?? {};
  const external = [...(spec.externalIPs ?? [])];
  switch (spec.type) {
    case 'ExternalName':
      return spec.externalName ?? NONE;
    case 'LoadBalancer': {
      const ingress = (svc.status?.loadBalancer?.ingress ?? []).map(
        (i) => i.ip ?? i.hostname ?? '',
      );
      const all = [...ingress, ...external];
      return all.length ? all.join(',') : '<pending>';
    }
    default:
      return external.length ? external.join(',') : NONE;
  }
}

function serviceCells(obj: KubeObject, now: Date): Cell[] {
  const svc = obj as Service;
  const spec = svc.spec ?? {};
  const ports = (spec.ports ?? []).map(
    (p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`,
  );
  return [
    svc.metadata.name ?? '',
    spec.type ?? 'ClusterIP',
    spec.clusterIP || NONE,
    serviceExternal(svc),
    ports.length ? ports.join(',') : NONE,
    age(obj, now),
    formatSelectorMap(spec.selector),
  ];
}

function nodeCells(obj: KubeObject, now: Date): Cell[] {
  const node = obj as Node;
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  let status = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
  if (node.spec?.unschedulable) status += ',SchedulingDisabled';
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
  const addr = (type: string) =>
    node.status?.addresses?.find((a) => a.type === type)?.address ?? NONE;
  const info = (node.status?.nodeInfo ?? {}) as Record<string, string>;
  return [
    node.metadata.name ?? '',
    status,
    roles.length ? roles.join(',') : NONE,
    age(obj, now),
    info.kubeletVersion ?? '',
    addr('InternalIP'),
    addr('ExternalIP'),
    info.osImage ?? '<unknown>',
    info.kernelVersion ?? '<unknown>',
    info.containerRuntimeVersion ?? '<unknown>',
  ];
}

function sliceCells(obj: KubeObject, now: Date): Cell[] {
  const ports = ((obj.ports ?? []) as { port?: number }[]).map((p) => String(p.port ?? ''));
  const addresses = ((obj.endpoints ?? []) as { addresses?: string[] }[]).flatMap(
    (e) => e.addresses ?? [],
  );
  let endpoints = addresses.slice(0, 3).join(',');
  if (addresses.length > 3) endpoints += ` + ${addresses.length - 3} more...`;
  return [
    obj.metadata.name ?? '',
    String(obj.addressType ?? ''),
    ports.length ? ports.join(',') : '<unset>',
    addresses.length ? endpoints : '<unset>',
    age(obj, now),
  ];
}

function ingressCells(obj: KubeObject, now: Date): Cell[] {
  const spec = (obj.spec ?? {}) as {
    ingressClassName?: string;
    rules?: { host?: string }[];
    tls?: unknown[];
  };
  const status = (obj.status ?? {}) as {
    loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] };
  };
  const hosts = (spec.rules ?? []).map((r) => r.host ?? '*');
  const address = (status.loadBalancer?.ingress ?? [])
    .map((i) => i.ip ?? i.hostname ?? '')
    .join(',');
  return [
    obj.metadata.name ?? '',
    spec.ingressClassName ?? NONE,
    hosts.length ? hosts.join(',') : '*',
    address,
    spec.tls?.length ? '80, 443' : '80',
    age(obj, now),
  ];
}

export const PRINTERS: Record<string, Printer> = {
  Pod: {
    columns: [
      ['Name', 0],
      ['Ready', 0],
      ['Status', 0],
      ['Restarts', 0],
      ['Age', 0],
      ['IP', 1],
      ['Node', 1],
      ['Nominated Node', 1],
      ['Readiness Gates', 1],
    ],
    cells: podCells,
  },
  Service: {
    columns: [
      ['Name', 0],
      ['Type', 0],
      ['Cluster-IP', 0],
      ['External-IP', 0],
      ['Port(s)', 0],
      ['Age', 0],
      ['Selector', 1],
    ],
    cells: serviceCells,
  },
  Node: {
    columns: [
      ['Name', 0],
      ['Status', 0],
      ['Roles', 0],
      ['Age', 0],
      ['Version', 0],
      ['Internal-IP', 1],
      ['External-IP', 1],
      ['OS-Image', 1],
      ['Kernel-Version', 1],
      ['Container-Runtime', 1],
    ],
    cells: nodeCells,
  },
  Namespace: {
    columns: [
      ['Name', 0],
      ['Status', 0],
      ['Age', 0],
    ],
    cells: (o, now) => [
      o.metadata.name ?? '',
      String((o.status as { phase?: string } | undefined)?.phase ?? ''),
      age(o, now),
    ],
  },
  EndpointSlice: {
    columns: [
      ['Name', 0],
      ['AddressType', 0],
      ['Ports', 0],
      ['Endpoints', 0],
      ['Age', 0],
    ],
    cells: sliceCells,
  },
  Ingress: {
    columns: [
      ['Name', 0],
      ['Class', 0],
      ['Hosts', 0],
      ['Address', 0],
      ['Ports', 0],
      ['Age', 0],
    ],
    cells: ingressCells,
  },
  NetworkPolicy: {
    columns: [
      ['Name', 0],
      ['Pod-Selector', 0],
      ['Age', 0],
    ],
    cells: (o, now) => [
      o.metadata.name ?? '',
      formatLabelSelector((o.spec as { podSelector?: LabelSelector } | undefined)?.podSelector),
      age(o, now),
    ],
  },
  IngressClass: {
    columns: [
      ['Name', 0],
      ['Controller', 0],
      ['Parameters', 0],
      ['Age', 0],
    ],
    cells: (o, now) => [
      o.metadata.name ?? '',
      String((o.spec as { controller?: string } | undefined)?.controller ?? ''),
      NONE,
      age(o, now),
    ],
  },
};
