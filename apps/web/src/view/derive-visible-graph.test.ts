import { describe, expect, it } from 'vitest';
import type { EdgeId, Finding, Graph, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import {
  EXTERNAL,
  edge,
  lb,
  mergeGraphs,
  serviceWithPods,
  tcp,
} from '../test-support/graph-builders.js';
import {
  deriveVisibleGraph,
  namespacesOf,
  type GraphInput,
  type ViewInput,
} from './derive-visible-graph.js';

function input(g: Graph, highlights: NodeId[] = []): GraphInput {
  return {
    nodes: new Map<NodeId, GraphNode>(g.nodes.map((n) => [n.id, n])),
    edges: new Map<EdgeId, GraphEdge>(g.edges.map((e) => [e.id, e])),
    findings: new Map<string, Finding>(g.findings.map((f) => [f.id, f])),
    highlights: new Map(highlights.map((id) => [id, 0])),
  };
}

const view = (v: Partial<ViewInput> = {}): ViewInput => ({
  selection: null,
  namespace: null,
  search: '',
  focus: null,
  ...v,
});

function graph(): Graph {
  const entry: Graph = {
    revision: 1,
    nodes: [EXTERNAL, lb('default', 'web', '192.0.2.10')],
    edges: [edge('client', EXTERNAL.id, 'lb:default/web', [tcp(80, 80)])],
    findings: [
      {
        id: 'f1',
        code: 'NO_READY_ENDPOINTS',
        severity: 'error',
        message: 'no ready endpoints',
        objects: [],
        nodeIds: ['svc:shop/cart'],
      },
    ],
  };
  return mergeGraphs(
    entry,
    serviceWithPods('default', 'web', ['web-a', 'web-b']),
    serviceWithPods('shop', 'cart', ['cart-a']),
  );
}

describe('deriveVisibleGraph', () => {
  it('shows everything with accessible names and port lines when nothing is filtered', () => {
    const v = deriveVisibleGraph(input(graph()), view());
    expect(v.nodes).toHaveLength(7);
    expect(v.edges).toHaveLength(4);
    const client = v.edges.find((e) => e.edge.kind === 'client');
    expect(client?.ariaLabel).toBe('External clients to LoadBalancer default/web: 80/TCP');
    expect(client?.portLines).toEqual(['80/TCP']);
  });

  it('filters by namespace, keeping cluster-wide nodes connected to it', () => {
    const v = deriveVisibleGraph(input(graph()), view({ namespace: 'default' }));
    expect(v.nodes.map((n) => n.node.id).sort()).toEqual([
      'external:clients',
      'lb:default/web',
      'pod:default/web-a',
      'pod:default/web-b',
      'svc:default/web',
    ]);
    expect(v.edges.every((e) => !e.edge.id.includes('shop'))).toBe(true);
    const shop = deriveVisibleGraph(input(graph()), view({ namespace: 'shop' }));
    expect(shop.nodes.map((n) => n.node.id).sort()).toEqual(['pod:shop/cart-a', 'svc:shop/cart']);
  });

  it('marks the selected node and the edges that touch it', () => {
    const v = deriveVisibleGraph(input(graph()), view({ selection: 'svc:default/web' }));
    expect(v.nodes.filter((n) => n.selected).map((n) => n.node.id)).toEqual(['svc:default/web']);
    expect(v.edges.filter((e) => e.active)).toHaveLength(2);
  });

  it('counts findings per node and flags highlighted nodes', () => {
    const v = deriveVisibleGraph(input(graph(), ['pod:default/web-b']), view());
    expect(v.nodes.find((n) => n.node.id === 'svc:shop/cart')?.findings).toBe(1);
    expect(v.nodes.find((n) => n.node.id === 'pod:default/web-b')?.isNew).toBe(true);
    expect(v.nodes.find((n) => n.node.id === 'pod:default/web-a')?.isNew).toBe(false);
  });

  it('drops edges whose ends are missing', () => {
    const g = graph();
    g.edges.push(edge('endpoint', 'svc:default/web', 'pod:default/gone', [tcp(80, 8080)]));
    expect(deriveVisibleGraph(input(g), view()).edges).toHaveLength(4);
  });

  it('lists namespaces sorted', () => {
    expect(namespacesOf(input(graph()).nodes)).toEqual(['default', 'shop']);
  });
});

describe('deriveVisibleGraph: policy verdict filter', () => {
  const deniedPolicy = {
    status: 'denied' as const,
    sources: [
      {
        source: 'the ingress controller',
        status: 'denied' as const,
        reason: 'r',
        allowed: [],
        denied: ['8080/TCP'],
      },
    ],
  };
  function policyGraph(): Graph {
    const g = graph();
    for (const e of g.edges) {
      if (e.id === 'svc:default/web->pod:default/web-a') e.policy = deniedPolicy;
      if (e.id === 'svc:default/web->pod:default/web-b')
        e.policy = { status: 'allowed', sources: [] };
    }
    for (const n of g.nodes)
      if (n.id === 'pod:shop/cart-a' && n.kind === 'pod')
        n.isolation = { ingress: ['shop/deny-all'], egress: [] };
    g.edges.push(edge('to-service', 'lb:default/web', 'svc:default/web', [tcp(80, 80)]));
    return g;
  }

  it('keeps denied edges, their pods and everything upstream, and no other pod', () => {
    const v = deriveVisibleGraph(input(policyGraph()), view({ verdict: 'denied' }));
    expect(v.nodes.map((n) => n.node.id).sort()).toEqual([
      'external:clients',
      'lb:default/web',
      'pod:default/web-a',
      'svc:default/web',
    ]);
    expect(v.edges.map((e) => e.edge.id)).toContain('svc:default/web->pod:default/web-a');
  });

  it('keeps allowed edges when asked for allowed, and nothing when no edge has the verdict', () => {
    const allowed = deriveVisibleGraph(input(policyGraph()), view({ verdict: 'allowed' }));
    expect(allowed.nodes.map((n) => n.node.id)).toContain('pod:default/web-b');
    expect(allowed.nodes.map((n) => n.node.id)).not.toContain('pod:default/web-a');
    const partly = deriveVisibleGraph(input(policyGraph()), view({ verdict: 'partly-allowed' }));
    expect(partly.nodes).toHaveLength(0);
  });

  it('keeps isolated pods and the paths through them', () => {
    const v = deriveVisibleGraph(input(policyGraph()), view({ verdict: 'isolated' }));
    expect(v.nodes.map((n) => n.node.id).sort()).toEqual(['pod:shop/cart-a', 'svc:shop/cart']);
  });

  it('marks a selected edge active', () => {
    const v = deriveVisibleGraph(
      input(policyGraph()),
      view({ selection: 'svc:default/web->pod:default/web-a' }),
    );
    expect(v.edges.filter((e) => e.active).map((e) => e.edge.id)).toEqual([
      'svc:default/web->pod:default/web-a',
    ]);
  });
});
