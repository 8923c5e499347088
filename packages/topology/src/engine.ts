/**
 * The incremental topology engine. Feed it watch events; it keeps the slim
 * object store, works out which contributions an event can affect (through
 * the store's indexes), recomputes only those, and returns the graph delta.
 *
 * Contract: applying any sequence of events gives exactly the graph that
 * `buildGraph` gives for the resulting set of objects (property-tested).
 * No I/O; time is not read.
 */
import type { Contribution } from './contribution.js';
import { emptyContribution } from './contribution.js';
import type { Finding, Graph, GraphDelta, GraphEdge, GraphNode } from './graph.js';
import { ingressContribution } from './ingress.js';
import type { ObjectEvent, SlimObject, SlimPod } from './objects.js';
import { objectKey } from './objects.js';
import { podContribution } from './pod.js';
import { podsAffectedByPolicyChange } from './netpol/affected.js';
import { policyFindings } from './netpol/findings.js';
import { serviceContribution } from './service.js';
import { ObjectStore, isIngressControllerPod } from './store.js';

type Owner = string; // `Kind/key`

interface Shared<T> {
  owners: Map<Owner, T>;
}

class RefTable<T> {
  readonly map = new Map<string, Shared<T>>();
  add(id: string, owner: Owner, value: T): void {
    let s = this.map.get(id);
    if (!s) this.map.set(id, (s = { owners: new Map() }));
    s.owners.set(owner, value);
  }
  drop(id: string, owner: Owner): void {
    const s = this.map.get(id);
    if (!s) return;
    s.owners.delete(owner);
    if (s.owners.size === 0) this.map.delete(id);
  }
  current(id: string): T | undefined {
    const s = this.map.get(id);
    if (!s) return undefined;
    let last: T | undefined;
    for (const v of s.owners.values()) last = v;
    return last;
  }
  values(): T[] {
    const out: T[] = [];
    for (const id of this.map.keys()) out.push(this.current(id) as T);
    return out;
  }
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class TopologyEngine {
  readonly store = new ObjectStore();
  private readonly contributions = new Map<Owner, Contribution>();
  /** Findings that come from outside the object store (e.g. manifests the API rejected), by source. */
  private readonly externalFindings = new Map<string, Finding[]>();
  private readonly nodes = new RefTable<GraphNode>();
  private readonly edges = new RefTable<GraphEdge>();
  private readonly findings = new RefTable<Finding>();
  private rev = 0;

  get revision(): number {
    return this.rev;
  }

  /** Apply one event and return the delta (possibly empty: then the revision does not move). */
  apply(event: ObjectEvent): GraphDelta {
    return this.applyBatch([event]);
  }

  /** Apply several events as one delta. */
  applyBatch(events: readonly ObjectEvent[]): GraphDelta {
    const affected = new Set<Owner>();
    for (const e of events) this.ingest(e, affected);
    return this.recompute(affected);
  }

  /** Replace the whole store with `objects` (a relist), emitting deletions for what vanished. */
  replaceKind(kind: SlimObject['kind'], objects: readonly SlimObject[]): GraphDelta {
    const keep = new Set(objects.map(objectKey));
    const events: ObjectEvent[] = [];
    for (const [key, o] of this.store.mapOf(kind))
      if (!keep.has(key)) events.push({ type: 'DELETED', object: o });
    for (const o of objects) events.push({ type: 'MODIFIED', object: o });
    return this.applyBatch(events);
  }

  /**
   * Replace the findings of one outside source (`manifests`, ...): things the
   * objects cannot say, such as a manifest the API server rejected.
   */
  putFindings(source: string, findings: readonly Finding[]): GraphDelta {
    if (findings.length) this.externalFindings.set(source, [...findings]);
    else this.externalFindings.delete(source);
    return this.recompute(new Set([`External/${source}`]));
  }

  graph(): Graph {
    return {
      revision: this.rev,
      nodes: this.nodes.values().sort(byId),
      edges: this.edges.values().sort(byId),
      findings: this.findings.values().sort(byId),
    };
  }

  counts(): { nodes: number; edges: number; findings: number } {
    return {
      nodes: this.nodes.map.size,
      edges: this.edges.map.size,
      findings: this.findings.map.size,
    };
  }

  /** Update the store and collect the owners whose contribution may change. */
  private ingest(e: ObjectEvent, affected: Set<Owner>): void {
    const o = e.object;
    const key = objectKey(o);
    const before = e.type === 'DELETED' ? this.store.remove(o.kind, key) : this.store.put(o);
    const after = e.type === 'DELETED' ? undefined : o;
    const s = this.store;
    switch (o.kind) {
      case 'Pod': {
        affected.add(`Pod/${key}`);
        for (const p of [before, after] as (SlimPod | undefined)[]) {
          if (p) for (const svc of s.servicesSelecting(p)) affected.add(`Service/${svc}`);
        }
        for (const svc of s.servicesReferencingPod(key)) affected.add(`Service/${svc}`);
        // Policy findings look at the pods of their namespace (and egress peers anywhere).
        const ns = o.metadata.namespace ?? 'default';
        for (const p of s.policyIndex.inNamespace(ns))
          affected.add(`NetworkPolicy/${objectKey(p)}`);
        for (const p of s.policyIndex.all())
          if (p.metadata.namespace !== ns && p.spec.egress.length)
            affected.add(`NetworkPolicy/${objectKey(p)}`);
        // An ingress controller pod is the source of every Ingress route's traffic.
        const controller = (p: SlimObject | undefined) =>
          p?.kind === 'Pod' &&
          (isIngressControllerPod(p) ||
            s.servicesSelecting(p).some((k) => {
              const svc = s.services.get(k);
              return svc !== undefined && s.isIngressPublishService(svc);
            }));
        if (controller(before) || controller(after)) this.affectBehindIngress(affected);
        break;
      }
      case 'Service':
        affected.add(`Service/${key}`);
        for (const ing of s.ingressesOf(key)) affected.add(`Ingress/${ing}`);
        // An ingress controller's Service: which pods send Ingress traffic.
        if ([before, after].some((x) => x?.kind === 'Service' && s.isIngressPublishService(x)))
          this.affectBehindIngress(affected);
        // Services sharing a node port with this one (before or after) re-check the clash.
        for (const svc of [before, after]) {
          if (svc?.kind !== 'Service') continue;
          for (const p of svc.spec.ports) {
            if (p.nodePort !== undefined)
              for (const other of s.nodePortUsersOf(p.protocol, p.nodePort))
                affected.add(`Service/${other}`);
          }
        }
        break;
      case 'EndpointSlice':
        for (const sl of [before, after]) {
          const svc = sl && sl.kind === 'EndpointSlice' ? ObjectStore.sliceService(sl) : undefined;
          if (svc) affected.add(`Service/${svc}`);
        }
        break;
      case 'Node':
        for (const svc of s.nodeDependentServices) affected.add(`Service/${svc}`);
        break;
      case 'Ingress':
        affected.add(`Ingress/${key}`);
        for (const ing of [before, after]) {
          if (ing && ing.kind === 'Ingress')
            for (const svc of ObjectStore.ingressBackends(ing)) affected.add(`Service/${svc}`);
        }
        break;
      case 'NetworkPolicy': {
        affected.add(`NetworkPolicy/${key}`);
        const b = before?.kind === 'NetworkPolicy' ? before : undefined;
        const a = after?.kind === 'NetworkPolicy' ? after : undefined;
        // The first or last policy of the cluster switches verdicts on or off everywhere.
        if (!b || !a) for (const svc of s.services.keys()) affected.add(`Service/${svc}`);
        for (const pod of podsAffectedByPolicyChange(b, a, s.view)) {
          const podKey = objectKey(pod);
          affected.add(`Pod/${podKey}`);
          for (const svc of s.servicesSelecting(pod)) affected.add(`Service/${svc}`);
          for (const svc of s.servicesReferencingPod(podKey)) affected.add(`Service/${svc}`);
        }
        // Egress rules of ingress controllers gate every Ingress route.
        this.affectBehindIngress(affected);
        break;
      }
      case 'IngressClass':
        // Which class (and controller) an Ingress belongs to, and whether it exists.
        for (const ing of s.ingresses.keys()) affected.add(`Ingress/${ing}`);
        break;
      case 'Namespace':
        // Namespace labels feed namespaceSelectors anywhere.
        if (s.policyIndex.size > 0) {
          for (const svc of s.services.keys()) affected.add(`Service/${svc}`);
          for (const p of s.policyIndex.all()) affected.add(`NetworkPolicy/${objectKey(p)}`);
        }
        break;
    }
  }

  private affectBehindIngress(affected: Set<Owner>): void {
    for (const ing of this.store.ingresses.values()) {
      for (const svc of ObjectStore.ingressBackends(ing)) affected.add(`Service/${svc}`);
    }
  }

  private contributionOf(owner: Owner): Contribution {
    const slash = owner.indexOf('/');
    const kind = owner.slice(0, slash);
    const key = owner.slice(slash + 1);
    const s = this.store;
    if (kind === 'Service') {
      const svc = s.services.get(key);
      return svc ? serviceContribution(s, svc) : emptyContribution();
    }
    if (kind === 'Pod') {
      const pod = s.pods.get(key);
      return pod ? podContribution(s, pod) : emptyContribution();
    }
    if (kind === 'Ingress') {
      const ing = s.ingresses.get(key);
      return ing ? ingressContribution(s, ing) : emptyContribution();
    }
    if (kind === 'NetworkPolicy') {
      const policy = s.policies.get(key);
      const c = emptyContribution();
      if (policy && policy.kind === 'NetworkPolicy') {
        for (const f of policyFindings(policy, s.view)) c.findings.set(f.id, { ...f, nodeIds: [] });
      }
      return c;
    }
    if (kind === 'External') {
      const c = emptyContribution();
      for (const f of this.externalFindings.get(key) ?? []) c.findings.set(f.id, f);
      return c;
    }
    return emptyContribution();
  }

  private recompute(affected: ReadonlySet<Owner>): GraphDelta {
    const touched = {
      nodes: new Map<string, string | undefined>(),
      edges: new Map<string, string | undefined>(),
      findings: new Map<string, string | undefined>(),
    };
    const remember = <T>(table: RefTable<T>, mark: Map<string, string | undefined>, id: string) => {
      if (!mark.has(id)) {
        const cur = table.current(id);
        mark.set(id, cur === undefined ? undefined : JSON.stringify(cur));
      }
    };
    for (const owner of affected) {
      const prev = this.contributions.get(owner) ?? emptyContribution();
      const next = this.contributionOf(owner);
      const swap = <T>(
        table: RefTable<T>,
        mark: Map<string, string | undefined>,
        a: Map<string, T>,
        b: Map<string, T>,
      ) => {
        for (const id of a.keys()) {
          remember(table, mark, id);
          table.drop(id, owner);
        }
        for (const [id, v] of b) {
          remember(table, mark, id);
          table.add(id, owner, v);
        }
      };
      swap(this.nodes, touched.nodes, prev.nodes, next.nodes);
      swap(this.edges, touched.edges, prev.edges, next.edges);
      swap(this.findings, touched.findings, prev.findings, next.findings);
      if (next.nodes.size || next.edges.size || next.findings.size)
        this.contributions.set(owner, next);
      else this.contributions.delete(owner);
    }
    const delta: GraphDelta = {
      fromRevision: this.rev,
      revision: this.rev,
      upsertNodes: [],
      removeNodes: [],
      upsertEdges: [],
      removeEdges: [],
      upsertFindings: [],
      removeFindings: [],
    };
    const diff = <T>(
      table: RefTable<T>,
      mark: Map<string, string | undefined>,
      up: T[],
      rm: string[],
    ) => {
      for (const [id, before] of mark) {
        const cur = table.current(id);
        if (cur === undefined) {
          if (before !== undefined) rm.push(id);
        } else if (before !== JSON.stringify(cur)) up.push(cur);
      }
    };
    diff(this.nodes, touched.nodes, delta.upsertNodes, delta.removeNodes);
    diff(this.edges, touched.edges, delta.upsertEdges, delta.removeEdges);
    diff(this.findings, touched.findings, delta.upsertFindings, delta.removeFindings);
    const empty =
      !delta.upsertNodes.length &&
      !delta.removeNodes.length &&
      !delta.upsertEdges.length &&
      !delta.removeEdges.length &&
      !delta.upsertFindings.length &&
      !delta.removeFindings.length;
    if (!empty) delta.revision = ++this.rev;
    return delta;
  }
}

/** Full build from a set of objects: the reference the incremental engine must equal. */
export function buildGraph(objects: readonly SlimObject[]): Graph {
  const engine = new TopologyEngine();
  engine.applyBatch(objects.map((object) => ({ type: 'ADDED' as const, object })));
  return engine.graph();
}

/** Apply a delta to a plain graph (what browsers do); used by tests and the web store. */
export function applyDelta(graph: Graph, delta: GraphDelta): Graph {
  const nodes = new Map(graph.nodes.map((n) => [n.id as string, n]));
  const edges = new Map(graph.edges.map((e) => [e.id as string, e]));
  const findings = new Map(graph.findings.map((f) => [f.id, f]));
  for (const id of delta.removeNodes) nodes.delete(id);
  for (const n of delta.upsertNodes) nodes.set(n.id, n);
  for (const id of delta.removeEdges) edges.delete(id);
  for (const e of delta.upsertEdges) edges.set(e.id, e);
  for (const id of delta.removeFindings) findings.delete(id);
  for (const f of delta.upsertFindings) findings.set(f.id, f);
  return {
    revision: delta.revision,
    nodes: [...nodes.values()].sort(byId),
    edges: [...edges.values()].sort(byId),
    findings: [...findings.values()].sort(byId),
  };
}
