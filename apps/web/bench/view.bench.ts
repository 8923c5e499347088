/**
 * Benchmark of the browser's view pipeline at cluster scale: layout (first,
 * and per update with previous positions), pod grouping, deriveVisibleGraph
 * (plain, with a search, with a trace) and the React Flow mapping, at
 * 1,000 / 10,000 Services with 10 pods each and at 10,000 Services with
 * 100,000 pods. Each figure also as a ratio to JSON.parse of the same graph
 * in the same run, so runs on different machines compare. Prints; asserts
 * nothing.
 *
 *   pnpm --filter @portolan/web bench
 */
import { performance } from 'node:perf_hooks';
import type { EdgeId, Graph, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import { layoutGraph } from '../src/layout/layout-graph.js';
import { toLayoutGraph } from '../src/layout/layout-input.js';
import { edge, lb, np, pod, svc, tcp, EXTERNAL } from '../src/test-support/graph-builders.js';
import { planCollapse } from '../src/view/aggregate.js';
import { deriveVisibleGraph, type ViewInput } from '../src/view/derive-visible-graph.js';
import { planNamespaceCollapse } from '../src/view/namespace-groups.js';
import { createFlowMapper } from '../src/view/to-flow.js';

function cluster(services: number, podsPer: number): Graph {
  const nodes: GraphNode[] = [EXTERNAL];
  const edges: GraphEdge[] = [];
  for (let s = 0; s < services; s++) {
    const ns = `ns-${s % 50}`;
    const name = `app-${s}`;
    const service = svc(ns, name, { clusterIPs: [`10.96.${(s >> 8) & 255}.${s & 255}`] });
    nodes.push(service);
    if (s % 10 === 0) {
      nodes.push(
        lb(ns, name, `192.0.${(s >> 8) & 255}.${s & 255}`),
        np(ns, name, 30000 + (s % 2000)),
      );
      edges.push(
        edge('client', EXTERNAL.id, `lb:${ns}/${name}`, [tcp(80, 80)]),
        edge('lb-nodeport', `lb:${ns}/${name}`, `np:${ns}/${name}`, [tcp(80, 30080)]),
        edge('to-service', `np:${ns}/${name}`, service.id, [tcp(30080, 80)]),
      );
    }
    for (let p = 0; p < podsPer; p++) {
      const po = pod(ns, `${name}-${p}`, {
        labels: { app: name },
        podIPs: [`10.${(s >> 8) & 255}.${s & 255}.${p}`],
        ready: p % 7 !== 0,
      });
      nodes.push(po);
      edges.push(
        edge('endpoint', service.id, po.id, [tcp(80, 8080)], po.ready ? 'ready' : 'not-ready'),
      );
    }
  }
  return { revision: 1, nodes, edges, findings: [] };
}

function time<T>(fn: () => T, runs = 3): { ms: number; result: T } {
  let best = Infinity;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, result: result as T };
}

const view = (v: Partial<ViewInput> = {}): ViewInput => ({
  selection: null,
  namespace: null,
  search: '',
  focus: null,
  ...v,
});

function run(services: number, podsPer: number): void {
  const g = cluster(services, podsPer);
  const json = JSON.stringify(g);
  const parse = time(() => JSON.parse(json) as Graph).ms;
  const nodes = new Map<NodeId, GraphNode>(g.nodes.map((n) => [n.id, n]));
  const edges = new Map<EdgeId, GraphEdge>(g.edges.map((e) => [e.id, e]));
  const plan = time(() => planCollapse(nodes, edges, new Set()));
  const layoutInput = toLayoutGraph(nodes, edges, plan.result);
  const first = time(() => layoutGraph(layoutInput, new Map()), 2);
  // One new pod on a laid-out map (what a delta costs).
  const extra = pod('ns-0', 'app-0-new', { labels: { app: 'app-0' } });
  const nodes2 = new Map(nodes).set(extra.id, extra);
  const e2 = edge('endpoint', 'svc:ns-0/app-0', extra.id, [tcp(80, 8080)], 'ready');
  const edges2 = new Map(edges).set(e2.id, e2);
  const update = time(
    () =>
      layoutGraph(
        toLayoutGraph(nodes2, edges2, planCollapse(nodes2, edges2, new Set())),
        first.result,
      ),
    2,
  );
  const input = { nodes, edges, findings: new Map(), highlights: new Map(), plan: plan.result };
  const derive = time(() => deriveVisibleGraph(input, view()));
  const search = time(() => deriveVisibleGraph(input, view({ search: 'app=app-4242' })));
  const trace = time(() => deriveVisibleGraph(input, view({ selection: 'lb:ns-0/app-0' })));
  const flow = time(() => createFlowMapper()(derive.result, first.result), 1);
  // Cluster scale with namespaces folded (50 namespaces here): plan, layout, view, mapping.
  const findings = new Map();
  const nsPlan = time(() => planNamespaceCollapse(nodes, edges, findings, plan.result));
  const nsLayout = time(
    () => layoutGraph(toLayoutGraph(nodes, edges, plan.result, nsPlan.result), new Map()),
    2,
  );
  const nsInput = { ...input, nsPlan: nsPlan.result };
  const nsDerive = time(() => deriveVisibleGraph(nsInput, view()));
  const nsFlow = time(() => createFlowMapper()(nsDerive.result, nsLayout.result), 1);
  const row = (label: string, ms: number, extraText = ''): void =>
    console.log(
      `  ${label.padEnd(34)} ${ms.toFixed(1).padStart(9)} ms  ${(ms / parse).toFixed(2).padStart(6)}x parse${extraText}`,
    );
  console.log(
    `\n${services.toLocaleString('en')} services, ${(services * podsPer).toLocaleString('en')} pods: ${g.nodes.length.toLocaleString('en')} nodes, ${g.edges.length.toLocaleString('en')} edges`,
  );
  row('baseline: JSON.parse of the graph', parse);
  row('planCollapse (pod groups)', plan.ms, `  (${plan.result.groups.length} groups)`);
  row('layout, first', first.ms, `  (${first.result.size.toLocaleString('en')} cards placed)`);
  row('layout, one pod added', update.ms);
  row(
    'deriveVisibleGraph',
    derive.ms,
    `  (${derive.result.nodes.length + derive.result.groups.length} cards)`,
  );
  row('deriveVisibleGraph + search', search.ms, `  (${search.result.nodes.length} cards)`);
  row(
    'deriveVisibleGraph + trace',
    trace.ms,
    `  (${trace.result.nodes.filter((n) => n.traced).length} traced)`,
  );
  row(
    'to React Flow elements',
    flow.ms,
    `  (${flow.result.nodes.length.toLocaleString('en')} nodes)`,
  );
  row('planNamespaceCollapse', nsPlan.ms, `  (${nsPlan.result.groups.length} namespaces folded)`);
  row('layout, first, folded', nsLayout.ms, `  (${nsLayout.result.size} cards placed)`);
  row(
    'deriveVisibleGraph, folded',
    nsDerive.ms,
    `  (${nsDerive.result.nodes.length + nsDerive.result.nsGroups.length} cards)`,
  );
  row('to React Flow elements, folded', nsFlow.ms, `  (${nsFlow.result.nodes.length} nodes)`);
}

console.log('Portolan web view pipeline (best of runs; Node', process.version + ')');
run(1_000, 10);
run(10_000, 10);
run(10_000, 10); // warm
run(2_000, 50);
