import { describe, expect, it } from 'vitest';
import type { EdgeId, Finding, Graph, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import {
  EXTERNAL,
  edge,
  ingress,
  lb,
  mergeGraphs,
  np,
  pod,
  serviceWithPods,
  svc,
  tcp,
} from '../test-support/graph-builders.js';
import { deriveVisibleGraph, type GraphInput, type ViewInput } from './derive-visible-graph.js';

/** frontend: External -> LB -> NP -> Service -> 2 pods; api: Ingress -> Service -> 1 pod; db alone. */
function graph(): Graph {
  const entry: Graph = {
    revision: 1,
    nodes: [
      EXTERNAL,
      lb('shop', 'frontend', '192.0.2.10'),
      np('shop', 'frontend', 30093),
      ingress('shop', 'web'),
    ],
    edges: [
      edge('client', EXTERNAL.id, 'lb:shop/frontend', [tcp(80, 80)]),
      edge('client', EXTERNAL.id, 'ing:shop/web', [tcp(80, 80)]),
      edge('lb-nodeport', 'lb:shop/frontend', 'np:shop/frontend', [tcp(80, 30093)]),
      edge('to-service', 'np:shop/frontend', 'svc:shop/frontend', [tcp(30093, 80)]),
      edge('to-service', 'ing:shop/web', 'svc:shop/api', [tcp(80, 80)]),
    ],
    findings: [],
  };
  const fe = serviceWithPods('shop', 'frontend', []);
  const pods = [
    pod('shop', 'frontend-1', { labels: { app: 'frontend' }, podIPs: ['10.244.1.2'] }),
    pod('shop', 'frontend-2', {
      labels: { app: 'frontend' },
      podIPs: ['10.244.2.2'],
      isolation: { ingress: ['shop/deny-all', 'shop/frontend'], egress: ['shop/deny-all'] },
    }),
  ];
  fe.nodes.push(...pods);
  fe.edges.push(
    ...pods.map((p) => edge('endpoint', 'svc:shop/frontend', p.id, [tcp(80, 8080)], 'ready')),
  );
  const db: Graph = {
    revision: 1,
    nodes: [
      svc('data', 'db', { clusterIPs: ['10.96.5.5'], ports: [{ port: 5432, protocol: 'TCP' }] }),
    ],
    edges: [],
    findings: [],
  };
  return mergeGraphs(entry, fe, serviceWithPods('shop', 'api', ['api-1']), db);
}

function input(g: Graph, findings: Finding[] = []): GraphInput {
  return {
    nodes: new Map<NodeId, GraphNode>(g.nodes.map((n) => [n.id, n])),
    edges: new Map<EdgeId, GraphEdge>(g.edges.map((e) => [e.id, e])),
    findings: new Map(findings.map((f) => [f.id, f])),
    highlights: new Map(),
  };
}
const view = (v: Partial<ViewInput> = {}): ViewInput => ({
  selection: null,
  namespace: null,
  search: '',
  focus: null,
  ...v,
});
const ids = (v: ReturnType<typeof deriveVisibleGraph>) => v.nodes.map((n) => n.node.id).sort();
const matched = (v: ReturnType<typeof deriveVisibleGraph>) =>
  v.nodes
    .filter((n) => n.match)
    .map((n) => n.node.id)
    .sort();

describe('view pipeline: search', () => {
  it.each([
    ['a name', 'frontend-2', ['pod:shop/frontend-2']],
    ['namespace/name', 'shop/api', ['pod:shop/api-1', 'svc:shop/api']],
    [
      'a label',
      'app=frontend',
      ['pod:shop/frontend-1', 'pod:shop/frontend-2', 'svc:shop/frontend'],
    ],
    ['a pod IP', '10.244.2.2', ['pod:shop/frontend-2']],
    ['a LoadBalancer IP', '192.0.2.10', ['lb:shop/frontend']],
    ['a node port', '30093', ['np:shop/frontend']],
    ['a service port', '5432', ['svc:data/db']],
    ['a DNS name', 'db.data.svc', ['svc:data/db']],
    ['the pods a NetworkPolicy selects', 'policy:shop/deny-all', ['pod:shop/frontend-2']],
  ])('matches %s', (_what, q, expected) => {
    expect(matched(deriveVisibleGraph(input(graph()), view({ search: q })))).toEqual(
      [...expected].sort(),
    );
  });

  it('shows the matches with every path through them', () => {
    const v = deriveVisibleGraph(input(graph()), view({ search: '10.244.2.2' }));
    expect(ids(v)).toEqual([
      'external:clients',
      'lb:shop/frontend',
      'np:shop/frontend',
      'pod:shop/frontend-2',
      'svc:shop/frontend',
    ]);
    expect(v.matchCount).toBe(1);
  });

  it('shows nothing when nothing matches', () => {
    const v = deriveVisibleGraph(input(graph()), view({ search: 'nope' }));
    expect(v.nodes).toEqual([]);
    expect(v.matchCount).toBe(0);
  });
});

describe('view pipeline: focus, trace, filters', () => {
  it('focus on a Service keeps only its paths, upstream and downstream', () => {
    const v = deriveVisibleGraph(input(graph()), view({ focus: 'svc:shop/api' }));
    expect(ids(v)).toEqual(['external:clients', 'ing:shop/web', 'pod:shop/api-1', 'svc:shop/api']);
  });

  it('trace of a pod lights every hop of every path through it and dims the rest', () => {
    const v = deriveVisibleGraph(input(graph()), view({ selection: 'pod:shop/frontend-1' }));
    const traced = v.nodes
      .filter((n) => n.traced)
      .map((n) => n.node.id)
      .sort();
    expect(traced).toEqual([
      'external:clients',
      'lb:shop/frontend',
      'np:shop/frontend',
      'pod:shop/frontend-1',
      'svc:shop/frontend',
    ]);
    const active = v.edges.filter((e) => e.active).map((e) => e.edge.id);
    expect(active).toHaveLength(4);
    expect(active).not.toContain('svc:shop/frontend->pod:shop/frontend-2');
    expect(v.nodes.find((n) => n.node.id === 'pod:shop/frontend-2')?.dimmed).toBe(true);
  });

  it('trace of an entry point reaches every pod behind it', () => {
    const v = deriveVisibleGraph(input(graph()), view({ selection: 'lb:shop/frontend' }));
    expect(v.edges.filter((e) => e.active)).toHaveLength(5);
  });

  it('hides kinds', () => {
    const v = deriveVisibleGraph(input(graph()), view({ hiddenKinds: new Set(['pod']) }));
    expect(v.nodes.some((n) => n.node.kind === 'pod')).toBe(false);
    expect(v.edges.some((e) => e.edge.kind === 'endpoint')).toBe(false);
  });

  it('findings only: nodes with findings and the paths through them', () => {
    const f: Finding = {
      id: 'f',
      code: 'X',
      severity: 'warning',
      message: 'm',
      objects: [],
      nodeIds: ['svc:shop/api'],
    };
    const v = deriveVisibleGraph(input(graph(), [f]), view({ findingsOnly: true }));
    expect(ids(v)).toEqual(['external:clients', 'ing:shop/web', 'pod:shop/api-1', 'svc:shop/api']);
  });
});
