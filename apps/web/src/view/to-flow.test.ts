import { describe, expect, it } from 'vitest';
import type { EdgeId, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import {
  EXTERNAL,
  edge,
  lb,
  mergeGraphs,
  serviceWithPods,
  tcp,
} from '../test-support/graph-builders.js';
import { deriveVisibleGraph, type ViewInput } from './derive-visible-graph.js';
import { createFlowMapper } from './to-flow.js';

const g = mergeGraphs(serviceWithPods('default', 'web', ['web-a', 'web-b']), {
  revision: 1,
  nodes: [EXTERNAL, lb('default', 'web', '192.0.2.10')],
  edges: [edge('client', EXTERNAL.id, 'lb:default/web', [tcp(80, 80)])],
  findings: [],
});
const nodes = new Map<NodeId, GraphNode>(g.nodes.map((n) => [n.id, n]));
const edges = new Map<EdgeId, GraphEdge>(g.edges.map((e) => [e.id, e]));
const view: ViewInput = { selection: null, namespace: null, search: '', focus: null };
const visible = (v: Partial<ViewInput> = {}) =>
  deriveVisibleGraph(
    { nodes, edges, findings: new Map(), highlights: new Map() },
    { ...view, ...v },
  );
const positions = new Map([
  ['external:clients', { x: 0, y: 0 }],
  ['lb:default/web', { x: 400, y: 300 }],
  ['svc:default/web', { x: 1200, y: 300 }],
  ['pod:default/web-a', { x: 1600, y: 300 }],
]);

describe('flow mapper', () => {
  it('maps positioned nodes with accessible names, and leaves out nodes not laid out yet', () => {
    const { nodes: out, edges: es } = createFlowMapper()(visible(), positions);
    expect(out.map((n) => n.ariaLabel).sort()).toEqual([
      'External clients',
      'LoadBalancer default/web',
      'Pod default/web-a',
      'Service default/web',
    ]);
    expect(es.map((e) => e.ariaLabel)).toContain(
      'Service default/web to Pod default/web-a: 80 -> 8080/TCP',
    );
    expect(es.some((e) => e.target === 'pod:default/web-b')).toBe(false);
  });

  it('keeps the identity of unchanged nodes and edges between calls', () => {
    const map = createFlowMapper();
    const a = map(visible(), positions);
    const b = map(visible(), positions);
    const pod = (x: typeof a) => x.nodes.find((n) => n.id === 'pod:default/web-a');
    expect(pod(b)).toBe(pod(a));
    expect(b.edges[0]).toBe(a.edges[0]);
  });

  it('marks the trace of the selection and dims the rest', () => {
    const out = createFlowMapper()(visible({ selection: 'svc:default/web' }), positions);
    const byId = (id: string) => out.nodes.find((n) => n.id === id);
    expect(byId('svc:default/web')?.selected).toBe(true);
    expect(byId('pod:default/web-a')?.className).toContain('is-traced');
    expect(byId('lb:default/web')?.className).toContain('is-dimmed');
  });

  it('keeps the External card level with the top of what is shown', () => {
    const { nodes: out } = createFlowMapper()(visible(), positions);
    expect(out.find((n) => n.id === 'external:clients')?.position.y).toBe(300);
  });
});
