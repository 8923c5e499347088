/**
 * Projection of raw Kubernetes JSON (from the API or a manifest) to slim
 * objects. Drops everything the topology does not read. Throws `SlimError`
 * with a sentence that names the object and the field when the object is
 * malformed in a way that would make the graph lie.
 */
import type {
  ContainerPort,
  Endpoint,
  EndpointPort,
  IngressServiceBackend,
  LabelSelector,
  LoadBalancerIngress,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  OwnerRef,
  Protocol,
  ServicePort,
  SlimMeta,
  SlimObject,
  WatchedKind,
} from './objects.js';
import { WATCHED_KINDS } from './objects.js';

export class SlimError extends Error {
  override name = 'SlimError';
}

type Raw = Record<string, unknown>;

const KEPT_ANNOTATIONS = [
  'kubernetes.io/ingress.class',
  'ingressclass.kubernetes.io/is-default-class',
  'service.beta.kubernetes.io/aws-load-balancer-internal',
  'metallb.universe.tf/address-pool',
];

function obj(v: unknown): Raw {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {};
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}
function strMap(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v as Raw)) out[k] = String(val);
  return out;
}
function strList(v: unknown): string[] {
  return arr(v).filter((x): x is string => typeof x === 'string');
}
function protocol(v: unknown): Protocol {
  return v === 'UDP' || v === 'SCTP' ? v : 'TCP';
}
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function meta(raw: Raw, where: string): SlimMeta {
  const m = obj(raw.metadata);
  const name = str(m.name);
  if (!name) throw new SlimError(`${where} has no metadata.name`);
  const annotations = strMap(m.annotations);
  let kept: Record<string, string> | undefined;
  if (annotations) {
    for (const key of KEPT_ANNOTATIONS) {
      if (annotations[key] !== undefined) (kept ??= {})[key] = annotations[key];
    }
  }
  const owners = arr(m.ownerReferences).map((o) => {
    const r = obj(o);
    return compact<OwnerRef>({
      kind: str(r.kind) ?? '',
      name: str(r.name) ?? '',
      uid: str(r.uid),
      controller: bool(r.controller),
    });
  });
  return compact<SlimMeta>({
    name,
    namespace: str(m.namespace),
    uid: str(m.uid),
    resourceVersion: str(m.resourceVersion),
    creationTimestamp: str(m.creationTimestamp),
    deletionTimestamp: str(m.deletionTimestamp),
    labels: strMap(m.labels),
    annotations: kept,
    ownerReferences: owners.length ? owners : undefined,
  });
}

function lbIngress(status: unknown): LoadBalancerIngress[] {
  return arr(obj(obj(status).loadBalancer).ingress).map((i) =>
    compact<LoadBalancerIngress>({ ip: str(obj(i).ip), hostname: str(obj(i).hostname) }),
  );
}

function port(v: unknown, where: string): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535) return v;
  throw new SlimError(`${where} must be a port number (1-65535), got ${JSON.stringify(v)}`);
}

function intOrString(v: unknown): number | string | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return /^\d+$/.test(v) ? Number(v) : v;
  return undefined;
}

export function slimSelector(v: unknown): LabelSelector {
  const s = obj(v);
  return compact<LabelSelector>({
    matchLabels: strMap(s.matchLabels),
    matchExpressions: s.matchExpressions
      ? arr(s.matchExpressions).map((e) => {
          const r = obj(e);
          return compact({
            key: str(r.key) ?? '',
            operator: (str(r.operator) ?? 'Exists') as 'In',
            values: r.values === undefined ? undefined : strList(r.values),
          });
        })
      : undefined,
  });
}

function backend(v: unknown): IngressServiceBackend | undefined {
  const b = obj(v);
  if (b.service) {
    const s = obj(b.service);
    const p = obj(s.port);
    return {
      service: {
        name: str(s.name) ?? '',
        port: compact({
          number: typeof p.number === 'number' ? p.number : undefined,
          name: str(p.name),
        }),
      },
    };
  }
  if (b.resource) {
    const r = obj(b.resource);
    return {
      resource: compact({
        apiGroup: str(r.apiGroup),
        kind: str(r.kind) ?? '',
        name: str(r.name) ?? '',
      }),
    };
  }
  return undefined;
}

function netpolRule(v: unknown, peersKey: 'from' | 'to'): NetworkPolicyRule {
  const r = obj(v);
  const peers: NetworkPolicyPeer[] | undefined =
    r[peersKey] === undefined
      ? undefined
      : arr(r[peersKey]).map((p) => {
          const q = obj(p);
          const block = obj(q.ipBlock);
          return compact<NetworkPolicyPeer>({
            // A null selector is an absent one (a nil pointer in the API), not `{}`.
            podSelector: q.podSelector == null ? undefined : slimSelector(q.podSelector),
            namespaceSelector:
              q.namespaceSelector == null ? undefined : slimSelector(q.namespaceSelector),
            ipBlock: q.ipBlock
              ? compact({
                  cidr: str(block.cidr) ?? '',
                  except: block.except ? strList(block.except) : undefined,
                })
              : undefined,
          });
        });
  const ports: NetworkPolicyPort[] | undefined =
    r.ports === undefined
      ? undefined
      : arr(r.ports).map((p) => {
          const q = obj(p);
          return compact<NetworkPolicyPort>({
            protocol: protocol(q.protocol),
            port: intOrString(q.port),
            endPort: typeof q.endPort === 'number' ? q.endPort : undefined,
          });
        });
  return compact<NetworkPolicyRule>({ peers, ports });
}

/** The kind of a raw object, with a hint for list items that carry none. */
export function rawKind(raw: unknown, hint?: WatchedKind): string | undefined {
  return str(obj(raw).kind) ?? hint;
}

/**
 * Project one raw object. `hint` gives the kind for list items without one.
 * Throws SlimError for malformed objects and for kinds Portolan does not read.
 */
export function slim(raw: unknown, hint?: WatchedKind): SlimObject {
  const r = obj(raw);
  const kind = rawKind(raw, hint);
  if (!kind) throw new SlimError('object has no kind');
  if (!(WATCHED_KINDS as readonly string[]).includes(kind)) {
    throw new SlimError(`kind ${kind} is not read by Portolan`);
  }
  const m = meta(r, kind);
  const where = `${kind} ${m.namespace ? `${m.namespace}/` : ''}${m.name}`;
  const spec = obj(r.spec);
  const status = obj(r.status);
  switch (kind as WatchedKind) {
    case 'Namespace':
      return { kind: 'Namespace', metadata: m, status: compact({ phase: str(status.phase) }) };
    case 'Node': {
      const readyCond = arr(status.conditions)
        .map(obj)
        .find((c) => c.type === 'Ready');
      return {
        kind: 'Node',
        metadata: m,
        spec: compact({
          podCIDRs: spec.podCIDRs ? strList(spec.podCIDRs) : undefined,
          unschedulable: bool(spec.unschedulable),
        }),
        status: {
          addresses: arr(status.addresses).map((a) => ({
            type: str(obj(a).type) ?? '',
            address: str(obj(a).address) ?? '',
          })),
          ready: readyCond ? readyCond.status === 'True' : null,
        },
      };
    }
    case 'Pod': {
      const readyCond = arr(status.conditions)
        .map(obj)
        .find((c) => c.type === 'Ready');
      const podIPs = arr(status.podIPs)
        .map((p) => str(obj(p).ip))
        .filter((x): x is string => !!x);
      const podIP = str(status.podIP);
      if (podIP && !podIPs.includes(podIP)) podIPs.unshift(podIP);
      return {
        kind: 'Pod',
        metadata: m,
        spec: compact({
          nodeName: str(spec.nodeName),
          hostNetwork: bool(spec.hostNetwork),
          containers: arr(spec.containers).map((c) => ({
            name: str(obj(c).name) ?? '',
            ports: arr(obj(c).ports).map((p) =>
              compact<ContainerPort>({
                name: str(obj(p).name),
                containerPort: port(
                  obj(p).containerPort,
                  `${where}: containers[].ports[].containerPort`,
                ),
                protocol: protocol(obj(p).protocol),
              }),
            ),
          })),
        }),
        status: {
          phase: str(status.phase) ?? 'Pending',
          podIPs,
          ready: readyCond ? readyCond.status === 'True' : null,
        },
      };
    }
    case 'Service': {
      const type = str(spec.type) ?? 'ClusterIP';
      const ports = arr(spec.ports).map((p, i) => {
        const q = obj(p);
        const pw = `${where}: spec.ports[${i}]`;
        const num = port(q.port, `${pw}.port`);
        return compact<ServicePort>({
          name: str(q.name),
          protocol: protocol(q.protocol),
          appProtocol: str(q.appProtocol),
          port: num,
          targetPort: intOrString(q.targetPort) ?? num,
          nodePort: typeof q.nodePort === 'number' ? q.nodePort : undefined,
        });
      });
      const selector = strMap(spec.selector);
      const clusterIP = str(spec.clusterIP);
      return {
        kind: 'Service',
        metadata: m,
        spec: compact({
          type,
          selector: selector && Object.keys(selector).length > 0 ? selector : null,
          clusterIP,
          clusterIPs: spec.clusterIPs ? strList(spec.clusterIPs) : clusterIP ? [clusterIP] : [],
          ports,
          externalIPs: strList(spec.externalIPs),
          externalName: str(spec.externalName),
          externalTrafficPolicy: str(spec.externalTrafficPolicy),
          internalTrafficPolicy: str(spec.internalTrafficPolicy),
          sessionAffinity: str(spec.sessionAffinity),
          loadBalancerSourceRanges: strList(spec.loadBalancerSourceRanges),
          allocateLoadBalancerNodePorts: bool(spec.allocateLoadBalancerNodePorts),
          publishNotReadyAddresses: bool(spec.publishNotReadyAddresses),
          ipFamilies: strList(spec.ipFamilies),
        }),
        status: { loadBalancer: { ingress: lbIngress(status) } },
      };
    }
    case 'EndpointSlice':
      return {
        kind: 'EndpointSlice',
        metadata: m,
        ...compact({ serviceName: m.labels?.['kubernetes.io/service-name'] }),
        addressType: str(r.addressType) ?? 'IPv4',
        endpoints: arr(r.endpoints).map((e) => {
          const q = obj(e);
          const c = obj(q.conditions);
          const t = q.targetRef ? obj(q.targetRef) : undefined;
          return compact<Endpoint>({
            addresses: strList(q.addresses),
            conditions: compact({
              ready: bool(c.ready),
              serving: bool(c.serving),
              terminating: bool(c.terminating),
            }),
            targetRef: t
              ? compact({
                  kind: str(t.kind),
                  name: str(t.name) ?? '',
                  namespace: str(t.namespace),
                  uid: str(t.uid),
                })
              : undefined,
            nodeName: str(q.nodeName),
            zone: str(q.zone),
            hostname: str(q.hostname),
          });
        }),
        ports: arr(r.ports).map((p) =>
          compact<EndpointPort>({
            name: str(obj(p).name),
            port: typeof obj(p).port === 'number' ? (obj(p).port as number) : undefined,
            protocol: protocol(obj(p).protocol),
            appProtocol: str(obj(p).appProtocol),
          }),
        ),
      };
    case 'Ingress':
      return {
        kind: 'Ingress',
        metadata: m,
        spec: compact({
          ingressClassName: str(spec.ingressClassName),
          defaultBackend: backend(spec.defaultBackend),
          rules: arr(spec.rules).map((rule) => {
            const q = obj(rule);
            return compact({
              host: str(q.host),
              paths: arr(obj(q.http).paths).map((p) => {
                const b = backend(obj(p).backend);
                if (!b) throw new SlimError(`${where}: a path has no backend service or resource`);
                return compact({
                  path: str(obj(p).path),
                  pathType: str(obj(p).pathType) ?? 'ImplementationSpecific',
                  backend: b,
                });
              }),
            });
          }),
          tls: arr(spec.tls).map((t) =>
            compact({ hosts: strList(obj(t).hosts), secretName: str(obj(t).secretName) }),
          ),
        }),
        status: { loadBalancer: { ingress: lbIngress(status) } },
      };
    case 'IngressClass':
      return {
        kind: 'IngressClass',
        metadata: m,
        spec: compact({ controller: str(spec.controller) }),
      };
    case 'NetworkPolicy': {
      const ingress = arr(spec.ingress).map((x) => netpolRule(x, 'from'));
      const egress = arr(spec.egress).map((x) => netpolRule(x, 'to'));
      const declared = strList(spec.policyTypes).filter(
        (t): t is 'Ingress' | 'Egress' => t === 'Ingress' || t === 'Egress',
      );
      const policyTypes: ('Ingress' | 'Egress')[] = declared.length
        ? declared
        : arr(spec.egress).length > 0 // the API server adds Egress only for a non-empty list
          ? ['Ingress', 'Egress']
          : ['Ingress'];
      return {
        kind: 'NetworkPolicy',
        metadata: m,
        spec: { podSelector: slimSelector(spec.podSelector), policyTypes, ingress, egress },
      };
    }
  }
}
