/**
 * The slim object store and its named indexes. Every relation the graph
 * needs is answered through an index, never by scanning all services or all
 * pods: pods by namespace+label pair, services by namespace+selector pair,
 * slices by service, services by the pods their slices point at, ingresses
 * by backend service.
 */
import type {
  SlimEndpointSlice,
  SlimIngress,
  SlimIngressClass,
  SlimNamespace,
  SlimNetworkPolicy,
  SlimNode,
  SlimObject,
  SlimPod,
  SlimService,
  Labels,
} from './objects.js';
import { DEFAULT_INGRESS_CLASS_ANNOTATION, objectKey } from './objects.js';
import { matchesMap } from './selectors.js';
import type { ClusterView } from './netpol/cluster-view.js';
import { PolicyIndex } from './netpol/policy-index.js';
import { labelsOfNamespace, namespaceLabels } from './netpol/peers.js';

/** Pods that look like an ingress controller's (ingress-nginx, Traefik, HAProxy, Contour conventions). */
export function isIngressControllerPod(pod: SlimPod): boolean {
  const l = pod.metadata.labels ?? {};
  const name = l['app.kubernetes.io/name'] ?? l.app ?? '';
  return (
    /ingress|traefik|contour|haproxy|kong|envoy-gateway/i.test(name) &&
    (l['app.kubernetes.io/component'] ?? 'controller') === 'controller'
  );
}

/** key -> set of values, counting duplicates so that two slices naming one pod unindex correctly. */
class MultiIndex {
  private readonly map = new Map<string, Map<string, number>>();
  add(key: string, value: string): void {
    let m = this.map.get(key);
    if (!m) this.map.set(key, (m = new Map()));
    m.set(value, (m.get(value) ?? 0) + 1);
  }
  delete(key: string, value: string): void {
    const m = this.map.get(key);
    const n = m?.get(value);
    if (!m || n === undefined) return;
    if (n > 1) m.set(value, n - 1);
    else m.delete(value);
    if (m.size === 0) this.map.delete(key);
  }
  get(key: string): ReadonlySet<string> {
    const m = this.map.get(key);
    return m ? new Set(m.keys()) : EMPTY;
  }
}
const EMPTY: ReadonlySet<string> = new Set();

const pairKey = (ns: string, k: string, v: string) => `${ns}\u0000${k}=${v}`;

function ingressBackends(ing: SlimIngress): string[] {
  const ns = ing.metadata.namespace ?? 'default';
  const names = new Set<string>();
  const add = (n: string | undefined) => n && names.add(`${ns}/${n}`);
  add(ing.spec.defaultBackend?.service?.name);
  for (const rule of ing.spec.rules) for (const p of rule.paths) add(p.backend.service?.name);
  return [...names];
}

function lbAddresses(o: SlimService | SlimIngress): string[] {
  return o.status.loadBalancer.ingress
    .flatMap((i) => [i.ip, i.hostname])
    .filter((a): a is string => !!a);
}

export class ObjectStore {
  readonly namespaces = new Map<string, SlimNamespace>();
  readonly nodes = new Map<string, SlimNode>();
  readonly pods = new Map<string, SlimPod>();
  readonly services = new Map<string, SlimService>();
  readonly slices = new Map<string, SlimEndpointSlice>();
  readonly ingresses = new Map<string, SlimIngress>();
  readonly ingressClasses = new Map<string, SlimIngressClass>();
  readonly policies = new Map<string, SlimNetworkPolicy>();

  private readonly podsByPair = new MultiIndex();
  private readonly servicesByPair = new MultiIndex();
  private readonly slicesByService = new MultiIndex();
  private readonly servicesByPodRef = new MultiIndex();
  private readonly ingressesByService = new MultiIndex();
  /** LoadBalancer address (IP or hostname) -> Services that have it; Ingress address -> Ingresses. */
  private readonly servicesByLbAddress = new MultiIndex();
  private readonly ingressesByAddress = new MultiIndex();
  /** NetworkPolicies by namespace, for the NetworkPolicy engine. */
  readonly policyIndex = new PolicyIndex();
  private readonly podsByNs = new MultiIndex();
  private readonly servicesByNs = new MultiIndex();
  /** Pods of ingress controllers (the sources of Ingress traffic). */
  readonly ingressControllerPods = new Set<string>();
  /**
   * Services whose contribution depends on every Node: node ports (listed
   * per node; exposed services' policy sources are node IPs), externalIPs,
   * and internalTrafficPolicy: Local (which nodes have a local endpoint).
   */
  readonly nodeDependentServices = new Set<string>();
  /** `TCP/30080` -> services using that node port (clash detection). */
  private readonly nodePortUsers = new MultiIndex();

  get(kind: SlimObject['kind'], key: string): SlimObject | undefined {
    return this.mapOf(kind).get(key);
  }

  /** Insert or replace; returns the previous object. */
  put(o: SlimObject): SlimObject | undefined {
    const key = objectKey(o);
    const prev = this.mapOf(o.kind).get(key);
    if (prev) this.unindex(prev);
    (this.mapOf(o.kind) as Map<string, SlimObject>).set(key, o);
    this.index(o);
    return prev;
  }

  remove(kind: SlimObject['kind'], key: string): SlimObject | undefined {
    const map = this.mapOf(kind) as Map<string, SlimObject>;
    const prev = map.get(key);
    if (!prev) return undefined;
    this.unindex(prev);
    map.delete(key);
    return prev;
  }

  /** Pods in `ns` carrying every label of `selector`, through the smallest label index. */
  podsMatching(ns: string, selector: Labels): SlimPod[] {
    let smallest: ReadonlySet<string> | undefined;
    for (const [k, v] of Object.entries(selector)) {
      const set = this.podsByPair.get(pairKey(ns, k, v));
      if (!smallest || set.size < smallest.size) smallest = set;
      if (set.size === 0) return [];
    }
    if (!smallest) return [];
    const out: SlimPod[] = [];
    for (const key of smallest) {
      const pod = this.pods.get(key);
      if (pod && matchesMap(selector, pod.metadata.labels)) out.push(pod);
    }
    return out;
  }

  /** Services in the pod's namespace whose selector the pod's labels satisfy. */
  servicesSelecting(pod: SlimPod): string[] {
    const ns = pod.metadata.namespace ?? 'default';
    const candidates = new Set<string>();
    for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) {
      for (const s of this.servicesByPair.get(pairKey(ns, k, v))) candidates.add(s);
    }
    return [...candidates].filter((key) => {
      const sel = this.services.get(key)?.spec.selector;
      return !!sel && matchesMap(sel, pod.metadata.labels);
    });
  }

  servicesIn(ns: string): ReadonlySet<string> {
    return this.servicesByNs.get(ns);
  }

  /** The pods of a namespace, in name order (so everything derived is the same however they arrived). */
  podsIn(ns: string): SlimPod[] {
    const out: SlimPod[] = [];
    for (const k of [...this.podsByNs.get(ns)].sort()) {
      const p = this.pods.get(k);
      if (p) out.push(p);
    }
    return out;
  }

  /** The store as the NetworkPolicy engine sees the cluster. */
  readonly view: ClusterView = {
    podsIn: (ns) => this.podsIn(ns),
    namespaceNames: () =>
      new Set([
        ...this.namespaces.keys(),
        ...[...this.pods.values()].map((p) => p.metadata.namespace ?? 'default'),
      ]),
    namespaceLabels: (ns) => {
      const o = this.namespaces.get(ns);
      return o ? labelsOfNamespace(o) : namespaceLabels(ns);
    },
  };

  slicesOf(serviceKey: string): SlimEndpointSlice[] {
    const out: SlimEndpointSlice[] = [];
    for (const k of this.slicesByService.get(serviceKey)) {
      const s = this.slices.get(k);
      if (s) out.push(s);
    }
    // Deterministic order, so a full build and incremental updates agree on everything derived.
    return out.sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
    );
  }

  /**
   * The ingress controller's pods for one Ingress, found as ingress-nginx's
   * --publish-service (and its peers) make it visible: the Ingress's address
   * is a LoadBalancer Service's address, and that Service's pods are the
   * controller. Undefined when no Service has the address.
   */
  ingressControllerPodsFor(ing: SlimIngress): SlimPod[] | undefined {
    const services = new Set<string>();
    for (const a of lbAddresses(ing))
      for (const s of this.servicesByLbAddress.get(a)) services.add(s);
    if (services.size === 0) return undefined;
    const pods = new Map<string, SlimPod>();
    for (const key of services) {
      const svc = this.services.get(key);
      if (!svc?.spec.selector) continue;
      for (const p of this.podsMatching(svc.metadata.namespace ?? 'default', svc.spec.selector))
        pods.set(objectKey(p), p);
    }
    return [...pods.keys()].sort().map((k) => pods.get(k) as SlimPod);
  }

  /** Whether some Ingress publishes this Service's LoadBalancer address (its pods are a controller). */
  isIngressPublishService(svc: SlimService): boolean {
    return lbAddresses(svc).some((a) => this.ingressesByAddress.get(a).size > 0);
  }

  servicesReferencingPod(podKey: string): ReadonlySet<string> {
    return this.servicesByPodRef.get(podKey);
  }

  /** Services (other than none) that use `protocol/nodePort`. */
  nodePortUsersOf(protocol: string, nodePort: number): ReadonlySet<string> {
    return this.nodePortUsers.get(`${protocol}/${nodePort}`);
  }

  ingressesOf(serviceKey: string): ReadonlySet<string> {
    return this.ingressesByService.get(serviceKey);
  }

  /** Service keys an EndpointSlice belongs to (through its service-name label). */
  static sliceService(slice: SlimEndpointSlice): string | undefined {
    return slice.serviceName
      ? `${slice.metadata.namespace ?? 'default'}/${slice.serviceName}`
      : undefined;
  }

  static ingressBackends = ingressBackends;

  /** Every object of a kind, by key. */
  mapOf(kind: SlimObject['kind']): ReadonlyMap<string, SlimObject> {
    switch (kind) {
      case 'Namespace':
        return this.namespaces;
      case 'Node':
        return this.nodes;
      case 'Pod':
        return this.pods;
      case 'Service':
        return this.services;
      case 'EndpointSlice':
        return this.slices;
      case 'Ingress':
        return this.ingresses;
      case 'IngressClass':
        return this.ingressClasses;
      case 'NetworkPolicy':
        return this.policies;
    }
  }

  /** The IngressClass an Ingress belongs to: the one it names, else the cluster's default. */
  ingressClassOf(ing: SlimIngress): { name?: string; cls?: SlimIngressClass; isDefault: boolean } {
    const named =
      ing.spec.ingressClassName ?? ing.metadata.annotations?.['kubernetes.io/ingress.class'];
    if (named) return { name: named, cls: this.ingressClasses.get(named), isDefault: false };
    for (const cls of this.ingressClasses.values()) {
      if (cls.metadata.annotations?.[DEFAULT_INGRESS_CLASS_ANNOTATION] === 'true')
        return { name: cls.metadata.name, cls, isDefault: true };
    }
    return { isDefault: false };
  }

  private index(o: SlimObject, remove = false): void {
    const key = objectKey(o);
    const ns = o.metadata.namespace ?? 'default';
    const op = (idx: MultiIndex, k: string, v: string) =>
      remove ? idx.delete(k, v) : idx.add(k, v);
    switch (o.kind) {
      case 'Pod':
        for (const [k, v] of Object.entries(o.metadata.labels ?? {}))
          op(this.podsByPair, pairKey(ns, k, v), key);
        op(this.podsByNs, ns, key);
        if (isIngressControllerPod(o)) {
          if (remove) this.ingressControllerPods.delete(key);
          else this.ingressControllerPods.add(key);
        }
        break;
      case 'NetworkPolicy':
        if (remove) this.policyIndex.remove(ns, o.metadata.name);
        else this.policyIndex.upsert(o);
        break;
      case 'Service':
        op(this.servicesByNs, ns, key);
        for (const [k, v] of Object.entries(o.spec.selector ?? {}))
          op(this.servicesByPair, pairKey(ns, k, v), key);
        if (
          o.spec.ports.some((p) => p.nodePort !== undefined) ||
          o.spec.externalIPs.length > 0 ||
          o.spec.internalTrafficPolicy === 'Local'
        ) {
          if (remove) this.nodeDependentServices.delete(key);
          else this.nodeDependentServices.add(key);
        }
        for (const p of o.spec.ports)
          if (p.nodePort !== undefined) op(this.nodePortUsers, `${p.protocol}/${p.nodePort}`, key);
        for (const a of lbAddresses(o)) op(this.servicesByLbAddress, a, key);
        break;
      case 'EndpointSlice': {
        const svc = ObjectStore.sliceService(o);
        if (!svc) break;
        op(this.slicesByService, svc, key);
        for (const ep of o.endpoints) {
          if (ep.targetRef && (ep.targetRef.kind ?? 'Pod') === 'Pod') {
            op(this.servicesByPodRef, `${ep.targetRef.namespace ?? ns}/${ep.targetRef.name}`, svc);
          }
        }
        break;
      }
      case 'Ingress':
        for (const svc of ingressBackends(o)) op(this.ingressesByService, svc, key);
        for (const a of lbAddresses(o)) op(this.ingressesByAddress, a, key);
        break;
      default:
        break;
    }
  }

  private unindex(o: SlimObject): void {
    this.index(o, true);
  }
}
