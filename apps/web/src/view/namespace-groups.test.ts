import { beforeEach, describe, expect, it } from 'vitest';
import type { EdgeId, Finding, Graph, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import {
  EXTERNAL,
  edge,
  lb,
  mergeGraphs,
  np,
  pod,
  svc,
  tcp,
} from '../test-support/graph-builders.js';
import { toLayoutGraph } from '../layout/layout-input.js';
import { layoutGraph } from '../layout/layout-graph.js';
import { getState as getAll, resetStore, setState } from '../store/store.js';
import { setNamespaceExpanded, setNamespaceFilter } from '../store/view-actions.js';
import { planCollapse } from './aggregate.js';
import { selectNamespacePlan, selectVisibleGraph } from './select-visible-graph.js';
import { deriveVisibleGraph, type ViewInput } from './derive-visible-graph.js';
import {
  nsGroupLines,
  planNamespaceCollapse,
  selectionNamespace,
  type NamespaceLimits,
} from './namespace-groups.js';

/** `count` namespaces of `services` Services with 3 pods each; ns-0 exposes `app-0` by a LoadBalancer. */
function cluster(count: number, services = 4): Graph {
  const parts: Graph[] = [{ revision: 1, nodes: [EXTERNAL], edges: [], findings: [] }];
  for (let n = 0; n < count; n++) {
    const ns = `ns-${n}`;
    for (let s = 0; s < services; s++) {
      const service = svc(ns, `app-${s}`, s === 1 ? { serviceType: 'NodePort' } : {});
      const pods = [0, 1, 2].map((p) =>
        pod(ns, `app-${s}-${p}`, p === 2 && s === 0 ? { ready: false } : {}),
      );
      const g: Graph = {
        revision: 1,
        nodes: [service, ...pods],
        edges: pods.map((p) => edge('endpoint', service.id, p.id, [tcp(80, 8080)], 'ready')),
        findings: [],
      };
      parts.push(g);
    }
  }
  const exposed: Graph = {
    revision: 1,
    nodes: [lb('ns-0', 'app-0', '192.0.2.10'), np('ns-0', 'app-1', 30007)],
    edges: [
      edge('client', EXTERNAL.id, 'lb:ns-0/app-0', [tcp(80, 80)]),
      edge('client', EXTERNAL.id, 'np:ns-0/app-1', [tcp(30007, 30007)]),
      edge('to-service', 'lb:ns-0/app-0', 'svc:ns-0/app-0', [tcp(80, 80)]),
      edge('to-service', 'np:ns-0/app-1', 'svc:ns-0/app-1', [tcp(30007, 80)]),
    ],
    findings: [
      {
        id: 'f1',
        code: 'NoReadyEndpoints',
        severity: 'error',
        message: 'm',
        objects: [],
        nodeIds: ['svc:ns-0/app-0', 'pod:ns-0/app-0-2'],
      },
      {
        id: 'f2',
        code: 'Warn',
        severity: 'warning',
        message: 'm',
        objects: [],
        nodeIds: ['svc:ns-1/app-0'],
      },
    ],
  };
  return mergeGraphs(...parts, exposed);
}

const maps = (g: Graph) => ({
  nodes: new Map<NodeId, GraphNode>(g.nodes.map((n) => [n.id, n])),
  edges: new Map<EdgeId, GraphEdge>(g.edges.map((e) => [e.id, e])),
  findings: new Map<string, Finding>(g.findings.map((f) => [f.id, f])),
});

/** Small limits, so the fixtures stay readable: > 5 namespaces and > 30 cards. */
const LIMITS: NamespaceLimits = { namespaces: 5, cards: 30 };

function plan(g: Graph, open: string[] = [], narrowed = false, limits = LIMITS) {
  const { nodes, edges, findings } = maps(g);
  const pods = planCollapse(nodes, edges, new Set());
  return planNamespaceCollapse(nodes, edges, findings, pods, new Set(open), narrowed, limits);
}

const view = (v: Partial<ViewInput> = {}): ViewInput => ({
  selection: null,
  namespace: null,
  search: '',
  focus: null,
  ...v,
});

describe('planNamespaceCollapse', () => {
  it('folds every namespace into one card above the threshold', () => {
    const p = plan(cluster(6));
    expect(p.groups.map((g) => g.id)).toEqual([
      'nsgroup:ns-0',
      'nsgroup:ns-1',
      'nsgroup:ns-2',
      'nsgroup:ns-3',
      'nsgroup:ns-4',
      'nsgroup:ns-5',
    ]);
    // Everything namespaced is folded; External clients stay.
    expect(p.hidden.has('svc:ns-3/app-2')).toBe(true);
    expect(p.hidden.has('pod:ns-3/app-2-1')).toBe(true);
    expect(p.hidden.has('lb:ns-0/app-0')).toBe(true);
    expect(p.hidden.has(EXTERNAL.id)).toBe(false);
  });

  it('folds nothing at or below the thresholds (namespaces, cards)', () => {
    expect(plan(cluster(5)).groups).toHaveLength(0);
    expect(plan(cluster(6), [], false, { namespaces: 5, cards: 1_000 }).groups).toHaveLength(0);
    // The real thresholds: the demo-sized graph stays as it is.
    const { nodes, edges, findings } = maps(cluster(6));
    expect(planNamespaceCollapse(nodes, edges, findings).groups).toHaveLength(0);
  });

  it('keeps an expanded (or selected) namespace open and folds nothing when narrowed', () => {
    const p = plan(cluster(6), ['ns-2']);
    expect(p.groups.map((g) => g.namespace)).not.toContain('ns-2');
    expect(p.groups).toHaveLength(5);
    expect(p.hidden.has('svc:ns-2/app-0')).toBe(false);
    expect(plan(cluster(6), [], true).groups).toHaveLength(0);
  });

  it('counts Services by type, entry points, pods by state and findings by severity', () => {
    const [ns0, ns1] = plan(cluster(6)).groups;
    expect(ns0?.serviceCount).toBe(4);
    expect(ns0?.services).toEqual({ ClusterIP: 3, NodePort: 1 });
    expect(ns0?.entries).toEqual({ loadbalancer: 1, nodeport: 1, ingress: 0, externalip: 0 });
    expect(ns0?.pods).toEqual({ ready: 11, notReady: 1, terminating: 0, pending: 0 });
    // One finding touching two nodes of ns-0 counts once.
    expect(ns0?.findings).toEqual({ error: 1, warning: 0, info: 0 });
    expect(ns0?.exposed).toBe(true);
    expect(ns1?.findings).toEqual({ error: 0, warning: 1, info: 0 });
    expect(ns1?.exposed).toBe(false);
    expect(nsGroupLines(ns0!)).toEqual({
      services: '4 Services',
      types: '3 ClusterIP · 1 NodePort',
      pods: '12 pods: ✓ 11 ready · ✗ 1 not ready',
      findings: '⛔ 1 error',
    });
  });

  it('finds the namespace of a selected node, pod group or edge', () => {
    const { nodes, edges } = maps(cluster(6));
    expect(selectionNamespace('pod:ns-4/app-1-1', nodes, edges)).toBe('ns-4');
    expect(selectionNamespace('podgroup:ns-3/app-1', nodes, edges)).toBe('ns-3');
    expect(selectionNamespace('svc:ns-0/app-0->pod:ns-0/app-0-1', nodes, edges)).toBe('ns-0');
    expect(selectionNamespace('nsgroup:ns-0', nodes, edges)).toBeUndefined();
    expect(selectionNamespace(null, nodes, edges)).toBeUndefined();
  });
});

describe('deriveVisibleGraph with folded namespaces', () => {
  function derive(open: string[], v: Partial<ViewInput> = {}) {
    const g = cluster(6);
    const m = maps(g);
    const nsPlan = plan(g, open);
    return deriveVisibleGraph({ ...m, highlights: new Map(), nsPlan }, view(v));
  }

  it('draws one card per folded namespace, named for assistive technology', () => {
    const v = derive([]);
    expect(v.nsGroups.map((g) => g.ariaLabel)).toContain('Namespace ns-3');
    expect(v.nodes.map((n) => n.node.id)).toEqual([EXTERNAL.id]);
  });

  it('draws an edge from External clients to an exposed folded namespace only', () => {
    const v = derive([]);
    const client = v.edges.filter((e) => e.edge.source === EXTERNAL.id);
    expect(client.map((e) => e.edge.target)).toEqual(['nsgroup:ns-0']);
    expect(client[0]?.ariaLabel).toBe(
      'External clients to Namespace ns-0: 80/TCP, 30007/TCP (2 entry points)',
    );
  });

  it('shows an expanded namespace card by card beside the folded ones', () => {
    const v = derive(['ns-0'], { selection: 'svc:ns-0/app-0' });
    expect(v.nsGroups).toHaveLength(5);
    expect(v.nodes.some((n) => n.node.id === 'lb:ns-0/app-0')).toBe(true);
    expect(v.edges.some((e) => e.edge.id === 'external:clients->lb:ns-0/app-0')).toBe(true);
    expect(v.edges.some((e) => e.edge.target === 'nsgroup:ns-0')).toBe(false);
  });

  it('lays out one card per folded namespace, exposed namespaces first', () => {
    const g = cluster(6);
    const m = maps(g);
    const nsPlan = plan(g, ['ns-3']);
    const positions = layoutGraph(toLayoutGraph(m.nodes, m.edges, undefined, nsPlan), new Map());
    expect(positions.has('nsgroup:ns-0')).toBe(true);
    expect(positions.has('svc:ns-0/app-0')).toBe(false);
    expect(positions.has('svc:ns-3/app-0')).toBe(true);
    const y = (id: string) => positions.get(id)?.y ?? NaN;
    expect(y('nsgroup:ns-0')).toBeLessThan(y('nsgroup:ns-1'));
    expect(positions.size).toBe(1 + 5 + 4 * 4);
  });
});

describe('selectNamespacePlan (store, real thresholds: > 5 namespaces, > 300 cards)', () => {
  beforeEach(() => {
    resetStore();
    setState(maps(cluster(6, 20))); // 6 x 20 Services x 4 cards = 480 cards
  });
  const folded = () => selectNamespacePlan(getAll()).groups.map((g) => g.namespace);

  it('folds all six namespaces of a large map', () => {
    expect(folded()).toEqual(['ns-0', 'ns-1', 'ns-2', 'ns-3', 'ns-4', 'ns-5']);
    expect(selectVisibleGraph(getAll()).nsGroups).toHaveLength(6);
  });

  it('keeps the namespace holding the selection open', () => {
    setState({ selection: 'pod:ns-4/app-3-1' });
    expect(folded()).not.toContain('ns-4');
    expect(folded()).toHaveLength(5);
  });

  it('keeps a namespace the user expanded open; folding it again closes it', () => {
    setNamespaceExpanded('ns-1', true);
    expect(folded()).not.toContain('ns-1');
    setNamespaceExpanded('ns-1', false);
    expect(folded()).toContain('ns-1');
  });

  it('folds nothing under a namespace filter, search or focus', () => {
    setNamespaceFilter('ns-2');
    expect(folded()).toEqual([]);
    setNamespaceFilter(null);
    setState({ search: 'app-1' });
    expect(folded()).toEqual([]);
    setState({ search: '', focus: 'svc:ns-0/app-0' });
    expect(folded()).toEqual([]);
  });
});
