import { describe, expect, it } from 'vitest';
import type { Graph } from '@portolan/topology';
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
import { COL_W, ROW_H } from './geometry.js';
import { layoutGraph } from './layout-graph.js';

function demo(): Graph {
  const frontend = serviceWithPods('default', 'frontend', [
    'frontend-a',
    'frontend-b',
    'frontend-c',
  ]);
  const backend = serviceWithPods('default', 'backend', ['backend-a']);
  const shop = serviceWithPods('shop', 'cart', ['cart-a', 'cart-b']);
  const entry: Graph = {
    revision: 1,
    nodes: [EXTERNAL, lb('default', 'frontend', '192.0.2.10'), np('default', 'frontend', 30080)],
    edges: [
      edge('client', EXTERNAL.id, 'lb:default/frontend', [tcp(80, 80)]),
      edge('lb-nodeport', 'lb:default/frontend', 'np:default/frontend', [tcp(80, 30080)]),
      edge('to-service', 'np:default/frontend', 'svc:default/frontend', [tcp(30080, 80)]),
    ],
    findings: [],
  };
  return mergeGraphs(entry, frontend, backend, shop);
}

const withPod = (g: Graph, service: string, name: string, ns = 'default'): Graph => {
  const p = pod(ns, name);
  return {
    ...g,
    nodes: [...g.nodes, p],
    edges: [...g.edges, edge('endpoint', `svc:${ns}/${service}`, p.id, [tcp(80, 8080)], 'ready')],
  };
};

describe('layoutGraph', () => {
  it('puts each lane in its own column, left to right', () => {
    const pos = layoutGraph(demo(), new Map());
    expect(pos.get('external:clients')?.x).toBe(0);
    expect(pos.get('lb:default/frontend')?.x).toBe(COL_W);
    expect(pos.get('np:default/frontend')?.x).toBe(2 * COL_W);
    expect(pos.get('svc:default/frontend')?.x).toBe(3 * COL_W);
    expect(pos.get('pod:default/frontend-a')?.x).toBe(4 * COL_W);
  });

  it('gives a service, its entry points and its first pod one row, pods stacked by name', () => {
    const pos = layoutGraph(demo(), new Map());
    const y = (id: string) => pos.get(id)?.y ?? NaN;
    expect(y('lb:default/frontend')).toBe(y('svc:default/frontend'));
    expect(y('np:default/frontend')).toBe(y('svc:default/frontend'));
    expect(y('pod:default/frontend-a')).toBe(y('svc:default/frontend'));
    expect(y('pod:default/frontend-b')).toBe(y('pod:default/frontend-a') + ROW_H);
    expect(y('pod:default/frontend-c')).toBe(y('pod:default/frontend-b') + ROW_H);
  });

  it('groups by namespace, exposed bands first, then service name', () => {
    const pos = layoutGraph(demo(), new Map());
    const y = (id: string) => pos.get(id)?.y ?? NaN;
    // frontend has a LoadBalancer: before backend (ClusterIP), and its namespace before shop
    expect(y('svc:default/frontend')).toBeLessThan(y('svc:default/backend'));
    expect(y('svc:default/backend')).toBeLessThan(y('svc:shop/cart'));
    // the frontend band ends below its last pod, before the next namespace
    expect(y('pod:default/frontend-c')).toBeLessThan(y('pod:shop/cart-a'));
  });

  it('is deterministic whatever the input order', () => {
    const g = demo();
    const reversed = { ...g, nodes: [...g.nodes].reverse(), edges: [...g.edges].reverse() };
    expect([...layoutGraph(reversed, new Map())].sort()).toEqual(
      [...layoutGraph(g, new Map())].sort(),
    );
  });

  it('does not move any existing node when a pod is added', () => {
    const before = layoutGraph(demo(), new Map());
    const after = layoutGraph(withPod(demo(), 'backend', 'backend-b'), before);
    for (const [id, p] of before) expect(after.get(id), id).toEqual(p);
  });

  it('places a new pod next to its siblings: below the last one, or beside them when that row is taken', () => {
    const before = layoutGraph(demo(), new Map());
    // nothing below cart's last pod: the new one goes right below it
    const a = layoutGraph(withPod(demo(), 'cart', 'cart-c', 'shop'), before);
    expect(a.get('pod:shop/cart-c')).toEqual({
      x: 4 * COL_W,
      y: (before.get('pod:shop/cart-b')?.y ?? 0) + ROW_H,
    });
    // the row below frontend's last pod is backend's: overflow to the right, same band
    const b = layoutGraph(withPod(demo(), 'frontend', 'frontend-d'), before);
    const bPos = b.get('pod:default/frontend-d');
    expect(bPos?.x).toBeGreaterThan(4 * COL_W);
    expect(bPos?.y).toBeGreaterThanOrEqual(before.get('pod:default/frontend-a')?.y ?? 0);
    expect(bPos?.y).toBeLessThanOrEqual(before.get('pod:default/frontend-c')?.y ?? 0);
  });

  it('never puts two cards on top of each other', () => {
    let pos = layoutGraph(demo(), new Map());
    let g = demo();
    for (const name of ['backend-b', 'backend-c', 'backend-d']) {
      g = withPod(g, 'backend', name);
      pos = layoutGraph(g, pos);
    }
    const seen = new Set<string>();
    for (const p of pos.values()) {
      const key = `${p.x},${p.y}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('leaves a gap for a removed node, and a tidy layout closes it', () => {
    const g = demo();
    const before = layoutGraph(g, new Map());
    const removed: Graph = {
      ...g,
      nodes: g.nodes.filter((n) => n.id !== 'pod:default/frontend-b'),
      edges: g.edges.filter((e) => e.target !== 'pod:default/frontend-b'),
    };
    const after = layoutGraph(removed, before);
    expect(after.has('pod:default/frontend-b')).toBe(false);
    expect(after.get('pod:default/frontend-c')).toEqual(before.get('pod:default/frontend-c'));
    const tidy = layoutGraph(removed, new Map());
    expect(tidy.get('pod:default/frontend-c')?.y).toBe(
      (tidy.get('pod:default/frontend-a')?.y ?? 0) + ROW_H,
    );
  });

  it('puts a new service below everything without moving others', () => {
    const before = layoutGraph(demo(), new Map());
    const g = mergeGraphs(demo(), serviceWithPods('default', 'aaa', ['aaa-1']));
    const after = layoutGraph(g, before);
    for (const [id, p] of before) expect(after.get(id)).toEqual(p);
    const maxBefore = Math.max(...[...before.values()].map((p) => p.y));
    expect(after.get('svc:default/aaa')?.y).toBeGreaterThan(maxBefore);
  });

  it('keeps a pod no service selects in its namespace, after the services', () => {
    const g = mergeGraphs(demo(), {
      revision: 1,
      nodes: [pod('default', 'lonely'), svc('default', 'zzz')],
      edges: [],
      findings: [],
    });
    const pos = layoutGraph(g, new Map());
    expect(pos.get('pod:default/lonely')?.y).toBeGreaterThan(pos.get('svc:default/zzz')?.y ?? 0);
    expect(pos.get('pod:default/lonely')?.y).toBeLessThan(pos.get('svc:shop/cart')?.y ?? 0);
  });

  it('puts exposed namespaces first and system namespaces last', () => {
    const g = mergeGraphs(
      serviceWithPods('default', 'kubernetes', []),
      serviceWithPods('kube-system', 'kube-dns', ['coredns-1']),
      serviceWithPods('aaa', 'internal', ['internal-1']),
      {
        revision: 1,
        nodes: [EXTERNAL, np('zzz', 'web', 30007), svc('zzz', 'web')],
        edges: [edge('to-service', 'np:zzz/web', 'svc:zzz/web', [tcp(30007, 80)])],
        findings: [],
      },
    );
    const pos = layoutGraph(g, new Map());
    const y = (id: string) => pos.get(id)?.y ?? NaN;
    expect(y('svc:zzz/web')).toBeLessThan(y('svc:aaa/internal'));
    expect(y('svc:aaa/internal')).toBeLessThan(y('svc:default/kubernetes'));
    expect(y('svc:aaa/internal')).toBeLessThan(y('svc:kube-system/kube-dns'));
  });

  it('orders bands by exposure: LoadBalancer, Ingress-routed, NodePort, ClusterIP, headless', () => {
    const g = mergeGraphs(
      {
        ...serviceWithPods('ns', 'a-headless', []),
        nodes: [svc('ns', 'a-headless', { headless: true })],
      },
      serviceWithPods('ns', 'b-clusterip', []),
      {
        revision: 1,
        nodes: [
          np('ns', 'c-nodeport', 30001),
          svc('ns', 'c-nodeport'),
          ingress('ns', 'web'),
          svc('ns', 'd-routed'),
          lb('ns', 'e-lb', '192.0.2.1'),
          svc('ns', 'e-lb'),
        ],
        edges: [edge('to-service', 'ing:ns/web', 'svc:ns/d-routed', [tcp(80, 80)])],
        findings: [],
      },
    );
    const pos = layoutGraph(g, new Map());
    const order = ['e-lb', 'd-routed', 'c-nodeport', 'b-clusterip', 'a-headless'].map(
      (n) => pos.get(`svc:ns/${n}`)?.y ?? NaN,
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('puts a pod two Services select in the band of the more exposed one (frontend-external over frontend)', () => {
    const shared = pod('default', 'frontend-1');
    const g = mergeGraphs(serviceWithPods('default', 'frontend', []), {
      revision: 1,
      nodes: [
        lb('default', 'frontend-external', '192.0.2.10'),
        np('default', 'frontend-external', 31500),
        svc('default', 'frontend-external'),
        shared,
      ],
      edges: [
        edge('lb-nodeport', 'lb:default/frontend-external', 'np:default/frontend-external'),
        edge('to-service', 'np:default/frontend-external', 'svc:default/frontend-external'),
        edge('endpoint', 'svc:default/frontend', shared.id, [tcp(80, 8080)], 'ready'),
        edge('endpoint', 'svc:default/frontend-external', shared.id, [tcp(80, 8080)], 'ready'),
      ],
      findings: [],
    });
    const pos = layoutGraph(g, new Map());
    expect(pos.get(shared.id)?.y).toBe(pos.get('svc:default/frontend-external')?.y);
    expect(pos.get('svc:default/frontend')?.y).toBeGreaterThan(pos.get(shared.id)?.y ?? Infinity);
  });
});
