import { describe, expect, it } from 'vitest';
import type { EdgeId, Graph, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import { edge, mergeGraphs, pod, serviceWithPods, tcp } from '../test-support/graph-builders.js';
import { toLayoutGraph } from '../layout/layout-input.js';
import { groupAccessibleName, planCollapse } from './aggregate.js';
import { deriveVisibleGraph } from './derive-visible-graph.js';

const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

function graph(): Graph {
  const big = serviceWithPods('shop', 'big', names(20, 'big'));
  big.nodes = big.nodes.map((n) =>
    n.id === 'pod:shop/big-0' ? pod('shop', 'big-0', { ready: false }) : n,
  );
  return mergeGraphs(big, serviceWithPods('shop', 'small', ['small-0']));
}
const maps = (g: Graph) => ({
  nodes: new Map<NodeId, GraphNode>(g.nodes.map((n) => [n.id, n])),
  edges: new Map<EdgeId, GraphEdge>(g.edges.map((e) => [e.id, e])),
});

describe('planCollapse', () => {
  it('folds a Service with more pods than the threshold into one group with counts', () => {
    const { nodes, edges } = maps(graph());
    const plan = planCollapse(nodes, edges, new Set(), 12);
    expect(plan.groups).toHaveLength(1);
    const g = plan.groups[0]!;
    expect(g.counts).toEqual({ ready: 19, notReady: 1, terminating: 0, pending: 0 });
    expect(groupAccessibleName(g)).toBe('Pods shop/big');
    expect(plan.hidden.size).toBe(20);
    expect(plan.hidden.has('pod:shop/small-0')).toBe(false);
  });

  it('shows the pods of an expanded Service', () => {
    const { nodes, edges } = maps(graph());
    expect(planCollapse(nodes, edges, new Set(['svc:shop/big']), 12).groups).toHaveLength(0);
  });

  it('keeps a pod visible that an ungrouped Service also reaches', () => {
    const g = graph();
    g.edges.push(edge('endpoint', 'svc:shop/small', 'pod:shop/big-3', [tcp(80, 8080)], 'ready'));
    const { nodes, edges } = maps(g);
    expect(planCollapse(nodes, edges, new Set(), 12).hidden.has('pod:shop/big-3')).toBe(false);
  });

  it('the view and the layout draw the group instead of its pods', () => {
    const g = graph();
    const { nodes, edges } = maps(g);
    const plan = planCollapse(nodes, edges, new Set(), 12);
    const v = deriveVisibleGraph(
      { nodes, edges, findings: new Map(), highlights: new Map(), plan },
      { selection: null, namespace: null, search: '', focus: null },
    );
    expect(v.nodes.filter((n) => n.node.kind === 'pod')).toHaveLength(1);
    expect(v.groups.map((x) => x.ariaLabel)).toEqual(['Pods shop/big']);
    expect(v.edges.map((e) => e.ariaLabel)).toContain(
      'Service shop/big to Pods shop/big: 80 -> 8080/TCP',
    );
    const layout = toLayoutGraph(nodes, edges, plan);
    expect(layout.nodes.map((n) => n.id)).toContain('podgroup:shop/big');
    expect(layout.nodes).toHaveLength(4);
  });
});
