/**
 * Namespace scopes of share links: what a viewer limited to some namespaces
 * sees, and that a scoped stream (snapshot + filtered deltas) always ends
 * equal to the scoped view of the full graph.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph, ObjectEvent, SlimObject } from '../src/index.js';
import {
  ScopedView,
  TopologyEngine,
  applyDelta,
  buildGraph,
  edgeEnds,
  namespaceOfId,
  scopeGraph,
  slim,
} from '../src/index.js';

const NS = ['shop', 'blog', 'ops'];

const pod = (ns: string, name: string, app: string): SlimObject =>
  slim({
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: { app } },
    spec: { nodeName: 'n0', containers: [{ name: 'c', ports: [{ containerPort: 8080 }] }] },
    status: {
      phase: 'Running',
      podIP: `10.244.${NS.indexOf(ns)}.${name.length}`,
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  });
const service = (ns: string, name: string, type: string): SlimObject =>
  slim({
    kind: 'Service',
    metadata: { name, namespace: ns },
    spec: {
      type,
      selector: { app: name },
      clusterIP: '10.96.0.1',
      ports: [{ port: 80, targetPort: 8080, nodePort: type === 'ClusterIP' ? undefined : 30080 }],
    },
    status: { loadBalancer: { ingress: type === 'LoadBalancer' ? [{ ip: '192.0.2.1' }] : [] } },
  });
const slice = (ns: string, svc: string, pods: string[]): SlimObject =>
  slim({
    kind: 'EndpointSlice',
    metadata: { name: `${svc}-0`, namespace: ns, labels: { 'kubernetes.io/service-name': svc } },
    addressType: 'IPv4',
    ports: [{ port: 8080, protocol: 'TCP' }],
    endpoints: pods.map((p) => ({
      addresses: [`10.244.${NS.indexOf(ns)}.${p.length}`],
      conditions: { ready: true },
      targetRef: { kind: 'Pod', name: p, namespace: ns },
    })),
  });

function namespacesOf(g: Graph): Set<string | undefined> {
  return new Set(g.nodes.map((n) => n.namespace));
}

describe('namespace scope', () => {
  const full = buildGraph([
    service('shop', 'web', 'LoadBalancer'),
    pod('shop', 'web-1', 'web'),
    slice('shop', 'web', ['web-1']),
    service('blog', 'api', 'ClusterIP'),
    pod('blog', 'api-1', 'api'),
    slice('blog', 'api', ['api-1']),
    service('ops', 'grafana', 'NodePort'),
    service('ops', 'lonely', 'ClusterIP'),
  ]);

  it('reads the namespace and the ends from ids', () => {
    expect(namespaceOfId('svc:shop/web')).toBe('shop');
    expect(namespaceOfId('addr:shop/web/10.0.0.1')).toBe('shop');
    expect(namespaceOfId('external:clients')).toBeUndefined();
    expect(edgeEnds('lb:shop/web->np:shop/web')).toEqual(['lb:shop/web', 'np:shop/web']);
    expect(edgeEnds('ing:a/b->svc:a/c#rule-1')).toEqual(['ing:a/b', 'svc:a/c']);
  });

  it('keeps only nodes of the scope, edges with both ends visible, and external clients only when they reach the scope', () => {
    const shop = scopeGraph(full, ['shop']);
    expect(namespacesOf(shop)).toEqual(new Set(['shop', undefined]));
    expect(shop.nodes.map((n) => n.id)).toContain('external:clients');
    for (const e of shop.edges) {
      const ids = new Set(shop.nodes.map((n) => n.id));
      expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
    }
    const blog = scopeGraph(full, ['blog']);
    expect(namespacesOf(blog)).toEqual(new Set(['blog']));
    expect(blog.nodes.map((n) => n.id)).not.toContain('external:clients');
    expect(blog.edges.map((e) => e.id)).toEqual(['svc:blog/api->pod:blog/api-1']);
    expect(scopeGraph(full, []).nodes).toEqual([]);
  });

  it('keeps a finding only when all its objects are in scope', () => {
    const ops = scopeGraph(full, ['ops']);
    const opsFindings = full.findings.filter((f) => f.objects.every((o) => o.namespace === 'ops'));
    expect(opsFindings.length).toBeGreaterThan(0);
    expect(ops.findings).toEqual(opsFindings);
    expect(scopeGraph(full, ['shop']).findings.some((f) => f.id.includes('ops/'))).toBe(false);
    const view = new ScopedView(['shop']);
    const mixed = {
      id: 'X',
      code: 'X',
      severity: 'info' as const,
      message: 'x',
      objects: [
        { kind: 'Service', namespace: 'shop', name: 'a' },
        { kind: 'Service', namespace: 'ops', name: 'b' },
      ],
      nodeIds: [],
    };
    expect(view.findingInScope(mixed)).toBe(false);
    expect(view.findingInScope({ ...mixed, objects: [] })).toBe(false);
  });

  it('a scoped stream shows the external node when it first reaches the scope, and removes it when it no longer does', () => {
    const engine = new TopologyEngine();
    engine.apply({ type: 'ADDED', object: service('blog', 'api', 'ClusterIP') });
    const view = new ScopedView(['shop']);
    let g = view.snapshot(engine.graph());
    expect(g.nodes).toEqual([]);
    const add = view.delta(
      engine.apply({ type: 'ADDED', object: service('shop', 'web', 'NodePort') }),
    );
    expect(add.upsertNodes.map((n) => n.id)).toContain('external:clients');
    g = applyDelta(g, add);
    const del = view.delta(
      engine.apply({ type: 'DELETED', object: service('shop', 'web', 'NodePort') }),
    );
    expect(del.removeNodes).toContain('external:clients');
    g = applyDelta(g, del);
    expect(g.nodes).toEqual([]);
    // A change in another namespace is an empty delta with the same revisions.
    const other = engine.apply({ type: 'ADDED', object: pod('ops', 'x', 'x') });
    const seen = view.delta(other);
    expect([seen.fromRevision, seen.revision]).toEqual([other.fromRevision, other.revision]);
    expect(seen.upsertNodes).toEqual([]);
  });

  const eventArb = fc
    .tuple(
      fc.constantFrom<ObjectEvent['type']>('ADDED', 'MODIFIED', 'DELETED'),
      fc.constantFrom(...NS),
      fc.constantFrom('web', 'api'),
      fc.constantFrom('pod', 'service', 'slice'),
      fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
      fc.integer({ min: 1, max: 3 }),
    )
    .map(([type, ns, name, what, svcType, n]): ObjectEvent => {
      const pods = Array.from({ length: n }, (_, i) => `${name}-${i}`);
      const object =
        what === 'pod'
          ? pod(ns, `${name}-${n - 1}`, name)
          : what === 'service'
            ? service(ns, name, svcType)
            : slice(ns, name, pods);
      return { type, object };
    });

  it('property: snapshot + filtered deltas always equals the scoped view of the full graph', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 12 }),
        fc.array(eventArb, { maxLength: 20 }),
        fc.subarray(NS),
        (before, after, scope) => {
          const engine = new TopologyEngine();
          engine.applyBatch(before);
          const view = new ScopedView(scope);
          let seen = view.snapshot(engine.graph());
          for (const e of after) seen = applyDelta(seen, view.delta(engine.apply(e)));
          const expected = scopeGraph(engine.graph(), scope);
          const sort = (g: Graph) => ({
            nodes: g.nodes.map((n) => n.id).sort(),
            edges: g.edges.map((e) => e.id).sort(),
            findings: g.findings.map((f) => f.id).sort(),
          });
          expect(sort(seen)).toEqual(sort(expected));
          const allowed = new Set<string | undefined>([...scope, undefined]);
          for (const n of seen.nodes) expect(allowed.has(n.namespace)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
