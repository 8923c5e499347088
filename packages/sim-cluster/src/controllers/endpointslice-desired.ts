/**
 * What the EndpointSlice controller wants to exist for one Service, as a
 * pure function of the Service, the pods in its namespace and the nodes.
 * Mirrors upstream's rules:
 * - pods match when they carry ALL selector labels; pods without an IP or
 *   that have finished (Succeeded/Failed) are left out;
 * - serving = ready pod (or publishNotReadyAddresses); terminating = being
 *   deleted; ready = serving and not terminating (or publishNotReadyAddresses);
 * - each Service port resolves per pod: a number as is, a name against that
 *   pod's container ports of the same protocol (unresolvable ports are left
 *   out for that pod); endpoints with different resolved port lists go into
 *   different slices, at most `maxEndpoints` per slice;
 * - a selector Service with no endpoints still gets one empty slice.
 */
import { matchesMap } from '../selectors.js';
import type { Endpoint, EndpointPort, Node, Pod, Service } from '../types.js';

export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

export interface DesiredSlice {
  ports: EndpointPort[];
  endpoints: Endpoint[];
}

/** The selector the controller acts on, or undefined when the Service has none (no managed slices). */
export function serviceSelector(svc: Service): Record<string, string> | undefined {
  const sel = svc.spec?.selector;
  if (svc.spec?.type === 'ExternalName' || !sel || Object.keys(sel).length === 0) return undefined;
  return sel;
}

function podReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function resolvePorts(svc: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const protocol = sp.protocol ?? 'TCP';
    const target = sp.targetPort ?? sp.port;
    let port: number | undefined;
    if (typeof target === 'number') {
      port = target;
    } else {
      for (const c of pod.spec?.containers ?? []) {
        const match = (c.ports ?? []).find(
          (p) => p.name === target && (p.protocol ?? 'TCP') === protocol,
        );
        if (match) {
          port = match.containerPort;
          break;
        }
      }
    }
    if (port === undefined) continue;
    const ep: EndpointPort = { name: sp.name ?? '', port, protocol };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

export function podEndpoint(svc: Service, pod: Pod, node: Node | undefined): Endpoint | undefined {
  const ip = pod.status?.podIP;
  const phase = pod.status?.phase;
  if (!ip || phase === 'Succeeded' || phase === 'Failed') return undefined;
  const publish = svc.spec?.publishNotReadyAddresses === true;
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const serving = publish || podReady(pod);
  const ep: Endpoint = {
    addresses: [ip],
    conditions: { ready: publish || (serving && !terminating), serving, terminating },
  };
  if (
    svc.spec?.clusterIP === 'None' &&
    pod.spec?.hostname &&
    pod.spec.subdomain === svc.metadata.name
  )
    ep.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  if (zone) ep.zone = zone;
  ep.targetRef = {
    kind: 'Pod',
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name ?? '',
    uid: pod.metadata.uid ?? '',
  };
  return ep;
}

export function portsKey(ports: readonly EndpointPort[]): string {
  return JSON.stringify(ports.map((p) => [p.name, p.port, p.protocol, p.appProtocol ?? '']));
}

export function desiredSlices(
  svc: Service,
  pods: readonly Pod[],
  nodes: ReadonlyMap<string, Node>,
  maxEndpoints = 100,
): DesiredSlice[] {
  const selector = serviceSelector(svc);
  if (!selector) return [];
  const groups = new Map<string, DesiredSlice>();
  const sorted = [...pods].sort((a, b) =>
    (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1,
  );
  for (const pod of sorted) {
    if (
      pod.metadata.namespace !== svc.metadata.namespace ||
      !matchesMap(selector, pod.metadata.labels)
    )
      continue;
    const ep = podEndpoint(svc, pod, nodes.get(pod.spec?.nodeName ?? ''));
    if (!ep) continue;
    const ports = resolvePorts(svc, pod);
    const key = portsKey(ports);
    const group = groups.get(key) ?? { ports, endpoints: [] };
    group.endpoints.push(ep);
    groups.set(key, group);
  }
  if (groups.size === 0) return [{ ports: [], endpoints: [] }];
  const out: DesiredSlice[] = [];
  for (const group of groups.values()) {
    for (let i = 0; i < group.endpoints.length; i += maxEndpoints) {
      out.push({ ports: group.ports, endpoints: group.endpoints.slice(i, i + maxEndpoints) });
    }
  }
  return out;
}
