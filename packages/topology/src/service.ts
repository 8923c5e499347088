/**
 * What one Service contributes: its entry points (LoadBalancer, NodePort,
 * externalIPs), its cluster address, its endpoints (from EndpointSlices),
 * and the findings that would stop traffic. See DOMAIN.md section 1.
 */
import type { Contribution } from './contribution.js';
import { ContributionBuilder } from './contribution.js';
import type {
  EdgeKind,
  EdgeState,
  FindingObject,
  NodeId,
  NodePortTarget,
  PortMapping,
  PortSummary,
  ServiceNode,
} from './graph.js';
import { EXTERNAL_ID, ids } from './ids.js';
import type { Endpoint, EndpointPort, ServicePort, SlimPod, SlimService } from './objects.js';
import { objectKey } from './objects.js';
import { selectorText } from './selectors.js';
import type { ObjectStore } from './store.js';
import { externalNode } from './pod.js';
import { endpointPolicy, trafficSources } from './policy.js';

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };

function portSummary(p: ServicePort): PortSummary {
  const s: PortSummary = { port: p.port, protocol: p.protocol, targetPort: p.targetPort };
  if (p.name) s.name = p.name;
  if (p.nodePort !== undefined) s.nodePort = p.nodePort;
  if (p.appProtocol) s.appProtocol = p.appProtocol;
  return s;
}

/** Docker-links-style variables the kubelet injects into pods created after the Service, in its namespace. */
export function envVarNames(svc: SlimService): string[] {
  if (svc.spec.type === 'ExternalName' || svc.spec.clusterIP === 'None') return [];
  const base = svc.metadata.name.toUpperCase().replace(/-/g, '_');
  const names = [`${base}_SERVICE_HOST`, `${base}_SERVICE_PORT`];
  for (const p of svc.spec.ports)
    if (p.name) names.push(`${base}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`);
  return names;
}

export function dnsNames(svc: SlimService): string[] {
  const ns = svc.metadata.namespace ?? 'default';
  const n = svc.metadata.name;
  const names = [n, `${n}.${ns}`, `${n}.${ns}.svc`, `${n}.${ns}.svc.cluster.local`];
  for (const p of svc.spec.ports) {
    if (p.name) names.push(`_${p.name}._${p.protocol.toLowerCase()}.${n}.${ns}.svc.cluster.local`);
  }
  return names;
}

/** Resolve a targetPort against one pod's containers: a number as is, a name by container port name and protocol. */
export function resolveTargetPort(p: ServicePort, pod: SlimPod | undefined): number | undefined {
  if (typeof p.targetPort === 'number') return p.targetPort;
  for (const c of pod?.spec.containers ?? []) {
    for (const cp of c.ports)
      if (cp.name === p.targetPort && cp.protocol === p.protocol) return cp.containerPort;
  }
  return undefined;
}

type EndpointState = Extract<EdgeState, 'ready' | 'terminating' | 'not-ready'>;

function endpointState(ep: Endpoint): EndpointState {
  const c = ep.conditions;
  if (c.terminating === true) return 'terminating';
  // The API says a nil `ready` is unknown and consumers should treat it as ready.
  return c.ready === false ? 'not-ready' : 'ready';
}

function slicePortFor(p: ServicePort, ports: EndpointPort[]): EndpointPort | undefined {
  return ports.find((sp) => (sp.name ?? '') === (p.name ?? '') && sp.protocol === p.protocol);
}

/** Which endpoint state wins when one pod appears in several slices. */
const STATE_RANK: Record<EndpointState, number> = {
  ready: 3,
  terminating: 2,
  'not-ready': 1,
};

export function serviceContribution(store: ObjectStore, svc: SlimService): Contribution {
  const b = new ContributionBuilder();
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name;
  const key = objectKey(svc);
  const self: FindingObject = { kind: 'Service', namespace: ns, name };
  const svcId = ids.service(ns, name);
  const spec = svc.spec;
  const validType = (SERVICE_TYPES as readonly string[]).includes(spec.type);
  const type = validType ? spec.type : 'ClusterIP';
  const headless = spec.clusterIP === 'None';
  const ports = spec.ports.map(portSummary);
  let health: ServiceNode['health'] = 'ok';
  const bad = (level: 'warning' | 'error') => {
    if (level === 'error' || health === 'ok') health = level;
  };

  if (!validType) {
    bad('error');
    b.finding({
      code: 'SERVICE_TYPE_INVALID',
      severity: 'error',
      message: `Service ${ns}/${name} has type "${spec.type}", which is not a Service type. Types are case-sensitive: ClusterIP, NodePort, LoadBalancer or ExternalName. The API server rejects this manifest.`,
      objects: [self],
      nodeIds: [svcId],
    });
  }

  const counts = { ready: 0, notReady: 0, terminating: 0 };
  const serviceNode = b.node<ServiceNode>({
    id: svcId,
    kind: 'service',
    label: name,
    namespace: ns,
    name,
    health: 'ok',
    serviceType: type,
    clusterIPs: headless ? [] : spec.clusterIPs,
    headless,
    selector: spec.selector,
    ports,
    dnsNames: dnsNames(svc),
    envVars: envVarNames(svc),
    endpointCounts: counts,
    ...(spec.sessionAffinity && spec.sessionAffinity !== 'None'
      ? { sessionAffinity: spec.sessionAffinity }
      : {}),
    ...(spec.internalTrafficPolicy === 'Local' ? { internalTrafficPolicy: 'Local' } : {}),
    ...(spec.externalName ? { externalName: spec.externalName } : {}),
    ...(svc.metadata.uid ? { uid: svc.metadata.uid } : {}),
  });

  if (type === 'ExternalName') {
    const target = spec.externalName ?? '';
    const addrId = ids.address(ns, name, target);
    b.node({
      id: addrId,
      kind: 'address',
      label: target,
      namespace: ns,
      health: 'ok',
      address: target,
      addressType: 'CNAME',
    });
    b.edge({
      id: ids.edge(svcId, addrId),
      kind: 'endpoint',
      source: svcId,
      target: addrId,
      ports: [],
      state: 'route',
      label: 'DNS CNAME',
    });
    return b.c;
  }

  // Endpoints, from the EndpointSlices the controller (or a person) published.
  const readyNodes = new Set<string>();
  const aRecords: string[] = [];
  const seen = new Map<NodeId, EndpointState>();
  const slices = store.slicesOf(key);
  for (const slice of slices) {
    for (const ep of slice.endpoints) {
      const state = endpointState(ep);
      const ref = ep.targetRef && (ep.targetRef.kind ?? 'Pod') === 'Pod' ? ep.targetRef : undefined;
      const pod = ref ? store.pods.get(`${ref.namespace ?? ns}/${ref.name}`) : undefined;
      if (state === 'ready' && ep.nodeName) readyNodes.add(ep.nodeName);
      if (state === 'ready' && headless)
        for (const a of ep.addresses) if (!aRecords.includes(a)) aRecords.push(a);
      const mappings: PortMapping[] = [];
      for (const p of spec.ports) {
        const sp = slicePortFor(p, slice.ports);
        const to = sp?.port ?? resolveTargetPort(p, pod);
        if (to !== undefined)
          mappings.push({
            from: p.port,
            to,
            protocol: p.protocol,
            ...(p.name ? { name: p.name } : {}),
          });
      }
      const targets: NodeId[] = [];
      if (pod) targets.push(ids.pod(pod.metadata.namespace ?? ns, pod.metadata.name));
      else {
        for (const address of ep.addresses) {
          const addrId = ids.address(ns, name, address);
          b.node({
            id: addrId,
            kind: 'address',
            label: address,
            namespace: ns,
            health: state === 'ready' ? 'ok' : state === 'terminating' ? 'warning' : 'error',
            address,
            addressType: slice.addressType,
          });
          targets.push(addrId);
        }
        if (ref) {
          b.finding({
            code: 'ENDPOINT_POD_MISSING',
            severity: 'warning',
            message: `EndpointSlice ${slice.metadata.name} of Service ${ns}/${name} points at pod ${ref.namespace ?? ns}/${ref.name}, which does not exist. The slice is stale or the pod is being replaced; if it persists, check the EndpointSlice controller.`,
            objects: [self, { kind: 'Pod', namespace: ref.namespace ?? ns, name: ref.name }],
            nodeIds: [svcId, ...targets],
          });
        }
      }
      for (const t of targets) {
        const edge = b.edge({
          id: ids.edge(svcId, t),
          kind: 'endpoint',
          source: svcId,
          target: t,
          ports: mappings,
          state,
        });
        // A pod in several slices (one per address family): its best state wins.
        const prev = seen.get(t);
        const best = prev !== undefined && STATE_RANK[prev] > STATE_RANK[state] ? prev : state;
        seen.set(t, best);
        edge.state = best;
      }
    }
  }
  for (const state of seen.values()) {
    if (state === 'ready') counts.ready++;
    else if (state === 'terminating') counts.terminating++;
    else counts.notReady++;
  }

  if (headless) serviceNode.dnsRecords = aRecords;

  // internalTrafficPolicy: Local: kube-proxy sends in-cluster clients only to
  // endpoints on their own node, and drops the traffic where there is none.
  if (spec.internalTrafficPolicy === 'Local' && !headless && type !== 'ExternalName') {
    serviceNode.localEndpointNodes = [...readyNodes].sort();
    const without = [...store.nodes.keys()].filter((n) => !readyNodes.has(n)).sort();
    if (readyNodes.size > 0 && without.length > 0) {
      bad('warning');
      b.finding({
        code: 'ITP_LOCAL_NODES_WITHOUT_ENDPOINT',
        severity: 'warning',
        message: `Service ${ns}/${name} has internalTrafficPolicy: Local, and ${without.length} of ${store.nodes.size} nodes (${without.join(', ')}) have no ready endpoint of it: pods there that connect to it get no answer, the traffic is dropped rather than sent to another node. Run a pod of it on every node (a DaemonSet) or use Cluster.`,
        objects: [self],
        nodeIds: [svcId],
      });
    }
  }

  // What the selector picks, for the findings (through the label index).
  const selected = spec.selector ? store.podsMatching(ns, spec.selector) : [];
  const behindIngress = store.ingressesOf(key).size > 0;
  if (spec.selector && selected.length === 0) {
    bad('warning');
    b.finding({
      code: 'SELECTOR_MATCHES_NO_POD',
      severity: behindIngress ? 'error' : 'warning',
      message: `Service ${ns}/${name} selects ${selectorText(spec.selector)}, but no pod in namespace ${ns} has all these labels, so it has no endpoints. Compare with kubectl get pods -n ${ns} --show-labels, or fix the selector.`,
      objects: [self],
      nodeIds: [svcId],
    });
  } else if (spec.selector && counts.ready === 0) {
    bad('error');
    const drain = counts.terminating > 0;
    b.finding({
      code: drain ? 'ENDPOINTS_ONLY_TERMINATING' : 'NO_READY_ENDPOINTS',
      severity: 'error',
      message: drain
        ? `Service ${ns}/${name} has only terminating endpoints (${counts.terminating}); new connections have nowhere to go until replacement pods are ready.`
        : `Service ${ns}/${name} selects ${selected.length} pod(s) but none is ready, so it refuses traffic${behindIngress ? ', and so does every Ingress path to it' : ''}. Check the pods' readiness probes and events (kubectl describe pod -n ${ns} -l ${selectorText(spec.selector)}).`,
      objects: [self],
      nodeIds: [svcId],
    });
  }
  if (!spec.selector && slices.length === 0) {
    bad('warning');
    b.finding({
      code: 'NO_SELECTOR_NO_ENDPOINTS',
      severity: 'warning',
      message: `Service ${ns}/${name} has no selector and no EndpointSlices, so traffic to it goes nowhere. Create an EndpointSlice labelled kubernetes.io/service-name=${name}, or add a selector.`,
      objects: [self],
      nodeIds: [svcId],
    });
  }
  if (selected.length > 0) {
    for (const p of spec.ports) {
      if (
        typeof p.targetPort === 'string' &&
        !selected.some((pod) => resolveTargetPort(p, pod) !== undefined)
      ) {
        bad('error');
        b.finding({
          code: 'TARGET_PORT_NOT_EXPOSED',
          severity: 'error',
          message: `Service ${ns}/${name} port ${p.port} targets the container port named "${p.targetPort}" (${p.protocol}), but none of the ${selected.length} selected pod(s) has a container port with that name. Name the port in the pod template or change targetPort.`,
          objects: [self],
          nodeIds: [svcId],
        });
      }
    }
  }

  entryPoints(store, svc, type, b, readyNodes, bad);
  policyVerdicts(store, svc, type, behindIngress, b, bad);
  serviceNode.health = health;
  return b.c;
}

function entryPoints(
  store: ObjectStore,
  svc: SlimService,
  type: string,
  b: ContributionBuilder,
  readyNodes: ReadonlySet<string>,
  bad: (level: 'warning' | 'error') => void,
): void {
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name;
  const self: FindingObject = { kind: 'Service', namespace: ns, name };
  const svcId = ids.service(ns, name);
  const spec = svc.spec;
  const ports = spec.ports.map(portSummary);
  const external = () => b.node(externalNode());
  const map = (
    from: (p: ServicePort) => number | undefined,
    to: (p: ServicePort) => number | undefined,
  ): PortMapping[] =>
    spec.ports.flatMap((p) => {
      const f = from(p);
      const t = to(p);
      return f === undefined || t === undefined
        ? []
        : [{ from: f, to: t, protocol: p.protocol, ...(p.name ? { name: p.name } : {}) }];
    });

  const port = (p: ServicePort) => p.port;
  const nodePort = (p: ServicePort) => p.nodePort;
  /** One hop of the path, with a mapping per Service port. */
  const hop = (
    kind: EdgeKind,
    source: NodeId,
    target: NodeId,
    from: (p: ServicePort) => number | undefined,
    to: (p: ServicePort) => number | undefined,
    state: EdgeState = 'route',
    label?: string,
  ) => {
    if (source === EXTERNAL_ID) external();
    b.edge({
      id: ids.edge(source, target),
      kind,
      source,
      target,
      ports: map(from, to),
      state,
      ...(label ? { label } : {}),
    });
  };

  const exposed = type === 'NodePort' || type === 'LoadBalancer';
  const hasNodePorts = exposed && spec.ports.some((p) => p.nodePort !== undefined);
  const npId = ids.nodePort(ns, name);
  if (hasNodePorts) {
    const local = spec.externalTrafficPolicy === 'Local';
    const targets: NodePortTarget[] = [...store.nodes.values()]
      .map((n) => ({
        node: n.metadata.name,
        addresses: n.status.addresses
          .filter((a) => a.type === 'InternalIP' || a.type === 'ExternalIP')
          .map((a) => a.address),
        accepts: !local || readyNodes.has(n.metadata.name),
      }))
      .sort((x, y) => x.node.localeCompare(y.node));
    const dropping = targets.filter((t) => !t.accepts);
    b.node({
      id: npId,
      kind: 'nodeport',
      label: spec.ports
        .map((p) => p.nodePort)
        .filter((x) => x !== undefined)
        .join(', '),
      namespace: ns,
      name,
      health:
        targets.length === 0
          ? 'unknown'
          : dropping.length === targets.length
            ? 'error'
            : dropping.length
              ? 'warning'
              : 'ok',
      service: name,
      ports,
      externalTrafficPolicy: spec.externalTrafficPolicy ?? 'Cluster',
      targets,
    });
    const allDrop = dropping.length === targets.length && targets.length > 0;
    hop('to-service', npId, svcId, nodePort, port, allDrop ? 'dropped' : 'route');
    if (local && dropping.length > 0 && targets.length > 0) {
      bad('warning');
      b.finding({
        code: 'ETP_LOCAL_NODES_WITHOUT_ENDPOINT',
        severity: dropping.length === targets.length ? 'error' : 'warning',
        message: `Service ${ns}/${name} has externalTrafficPolicy: Local, and ${dropping.length} of ${targets.length} nodes (${dropping.map((t) => t.node).join(', ')}) have no ready endpoint of it: they drop traffic sent to their node port. Point clients or the load balancer's health checks at the nodes that run its pods, or use Cluster.`,
        objects: [self],
        nodeIds: [npId],
      });
    }
    for (const p of spec.ports) {
      if (p.nodePort === undefined) continue;
      const others = [...store.nodePortUsersOf(p.protocol, p.nodePort)]
        .filter((k) => k !== `${ns}/${name}`)
        .sort();
      if (others.length > 0) {
        bad('error');
        b.finding({
          id: `NODEPORT_CLASH:${p.protocol}/${p.nodePort}:${ns}/${name}`,
          code: 'NODEPORT_CLASH',
          severity: 'error',
          message: `Service ${ns}/${name} uses nodePort ${p.nodePort}/${p.protocol}, which Service ${others.join(', ')} also uses. A node port belongs to one Service: the API server rejects the second one, so one of these manifests will not apply. Give one of them another nodePort, or leave it out to have one allocated.`,
          objects: [
            self,
            ...others.map((o) => ({
              kind: 'Service',
              namespace: o.split('/')[0] ?? '',
              name: o.split('/')[1] ?? o,
            })),
          ],
          nodeIds: [npId],
        });
      }
      if (p.nodePort < NODE_PORT_RANGE.min || p.nodePort > NODE_PORT_RANGE.max) {
        bad('warning');
        b.finding({
          code: 'NODEPORT_OUT_OF_RANGE',
          severity: 'warning',
          message: `Service ${ns}/${name} uses nodePort ${p.nodePort}, outside the default node port range ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}. The API server rejects it unless the cluster's --service-node-port-range includes it.`,
          objects: [self],
          nodeIds: [npId],
        });
      }
    }
  }

  const lbPending = type === 'LoadBalancer' && svc.status.loadBalancer.ingress.length === 0;
  if ((type === 'NodePort' || lbPending) && hasNodePorts) {
    hop('client', EXTERNAL_ID, npId, nodePort, nodePort);
  }

  if (type === 'LoadBalancer') {
    const ingress = svc.status.loadBalancer.ingress;
    const lbId = ids.loadBalancer(ns, name);
    b.node({
      id: lbId,
      kind: 'loadbalancer',
      label: lbPending ? 'pending' : ingress.map((i) => i.ip ?? i.hostname ?? '').join(', '),
      namespace: ns,
      name,
      health: lbPending ? 'pending' : 'ok',
      service: name,
      ingress,
      pending: lbPending,
      ports,
      sourceRanges: spec.loadBalancerSourceRanges,
    });
    const sources = spec.loadBalancerSourceRanges;
    const lbState = lbPending ? 'unknown' : 'route';
    hop(
      'client',
      EXTERNAL_ID,
      lbId,
      port,
      port,
      lbState,
      sources.length ? `from ${sources.join(', ')}` : undefined,
    );
    if (hasNodePorts) {
      hop('lb-nodeport', lbId, npId, port, nodePort, lbState);
    } else {
      hop('to-service', lbId, svcId, port, port, lbState);
    }
    if (lbPending) {
      b.finding({
        code: 'LOADBALANCER_PENDING',
        severity: 'warning',
        message: `LoadBalancer Service ${ns}/${name} has no external address yet (pending). Until a load-balancer controller (cloud provider, MetalLB, ...) assigns one, it is reachable only as a NodePort${hasNodePorts ? ` on ${spec.ports.map((p) => p.nodePort).join(', ')}` : ''}. Check kubectl describe service -n ${ns} ${name} for events.`,
        objects: [self],
        nodeIds: [lbId],
      });
    }
  }

  for (const ip of spec.externalIPs) {
    const eipId = ids.externalIp(ns, name, ip);
    b.node({
      id: eipId,
      kind: 'externalip',
      label: ip,
      namespace: ns,
      name,
      health: 'ok',
      service: name,
      address: ip,
      ports,
    });
    hop('client', EXTERNAL_ID, eipId, port, port);
    hop('to-service', eipId, svcId, port, port);
  }
}

/** NetworkPolicy verdicts on this Service's pod edges, and a finding when a source is shut out. */
function policyVerdicts(
  store: ObjectStore,
  svc: SlimService,
  type: string,
  behindIngress: boolean,
  b: ContributionBuilder,
  bad: (level: 'warning' | 'error') => void,
): void {
  if (store.policyIndex.size === 0) return;
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name;
  const exposed =
    ((type === 'NodePort' || type === 'LoadBalancer') &&
      svc.spec.ports.some((p) => p.nodePort !== undefined)) ||
    svc.spec.externalIPs.length > 0;
  if (exposed && svc.spec.externalTrafficPolicy !== 'Local') snatFinding(store, svc, b);
  const sources = trafficSources(store, svc, exposed, behindIngress);
  const shutOut = new Map<string, { denied: Set<string>; reason: string; count: number }>();
  let pods = 0;
  for (const edge of b.c.edges.values()) {
    if (edge.kind !== 'endpoint' || !edge.target.startsWith('pod:')) continue;
    const pod = store.pods.get(edge.target.slice('pod:'.length));
    if (!pod) continue;
    const policy = endpointPolicy(store, pod, edge.ports, sources);
    if (!policy) continue;
    edge.policy = policy;
    pods++;
    for (const s of policy.sources) {
      if (s.status !== 'denied') continue;
      const entry = shutOut.get(s.source) ?? {
        denied: new Set<string>(),
        reason: s.reason,
        count: 0,
      };
      entry.count++;
      for (const d of s.denied) entry.denied.add(d);
      shutOut.set(s.source, entry);
    }
  }
  for (const [source, e] of shutOut) {
    if (e.count < pods) continue;
    bad('error');
    b.finding({
      id: `NETPOL_BLOCKS_SERVICE:${ns}/${name}:${source}`,
      code: 'NETPOL_BLOCKS_SERVICE',
      severity: 'error',
      message: `NetworkPolicies stop ${source} from reaching any pod of Service ${ns}/${name} on ${[...e.denied].join(', ')}. ${e.reason} Add an ingress rule that allows this source, or remove the restriction.`,
      objects: [{ kind: 'Service', namespace: ns, name }],
      nodeIds: [ids.service(ns, name)],
    });
  }
}

/**
 * The classic surprise: an ipBlock meant for external clients, on pods of a
 * Service whose externalTrafficPolicy is Cluster. The pods see a node's IP
 * (SNAT), so the rule never matches the client.
 */
function snatFinding(store: ObjectStore, svc: SlimService, b: ContributionBuilder): void {
  const ns = svc.metadata.namespace ?? 'default';
  const selected = svc.spec.selector ? store.podsMatching(ns, svc.spec.selector) : [];
  const policies = new Map<string, string[]>();
  for (const pod of selected) {
    for (const p of store.policyIndex.selecting(pod, 'ingress')) {
      const blocks = p.spec.ingress.flatMap((r) =>
        (r.peers ?? []).flatMap((peer) => (peer.ipBlock ? [peer.ipBlock.cidr] : [])),
      );
      if (blocks.length) policies.set(objectKey(p), blocks);
    }
  }
  for (const [policy, blocks] of policies) {
    b.finding({
      id: `NETPOL_IPBLOCK_SNAT:${ns}/${svc.metadata.name}:${policy}`,
      code: 'NETPOL_IPBLOCK_SNAT',
      severity: 'warning',
      message: `NetworkPolicy ${policy} admits ipBlock ${blocks.join(', ')} into pods of Service ${ns}/${svc.metadata.name}, but the Service has externalTrafficPolicy: Cluster, so its pods see a node's IP (SNAT), not the client's: the rule cannot match external clients. Set externalTrafficPolicy: Local to keep client IPs, or allow the node IPs.`,
      objects: [
        { kind: 'Service', namespace: ns, name: svc.metadata.name },
        {
          kind: 'NetworkPolicy',
          namespace: policy.split('/')[0] ?? ns,
          name: policy.split('/')[1] ?? policy,
        },
      ],
      nodeIds: [ids.service(ns, svc.metadata.name)],
    });
  }
}
