/**
 * Benchmark: full rebuild and per-event patch time at cluster scale, each as
 * a ratio against parsing the same objects' JSON in the same run (so the
 * figures compare across machines). Prints figures; asserts nothing.
 *
 *   pnpm --filter @portolan/topology bench
 */
import { performance } from 'node:perf_hooks';
import type { ObjectEvent, SlimObject } from '../src/index.js';
import { TopologyEngine, slim } from '../src/index.js';

function cluster(services: number, podsPerService: number, nodes: number): unknown[] {
  const raw: unknown[] = [];
  for (let n = 0; n < nodes; n++) {
    raw.push({
      kind: 'Node',
      metadata: { name: `node-${n}` },
      status: {
        addresses: [{ type: 'InternalIP', address: `172.18.${n >> 8}.${n & 255}` }],
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    });
  }
  for (let s = 0; s < services; s++) {
    const ns = `ns-${s % 50}`;
    const app = `app-${s}`;
    const type = s % 10 === 0 ? 'LoadBalancer' : s % 5 === 0 ? 'NodePort' : 'ClusterIP';
    raw.push({
      kind: 'Service',
      metadata: {
        name: app,
        namespace: ns,
        uid: `u-${s}`,
        resourceVersion: '1',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"big":"' + 'x'.repeat(400) + '"}',
        },
      },
      spec: {
        type,
        selector: { app },
        clusterIP: `10.96.${s >> 8}.${s & 255}`,
        ports: [
          {
            name: 'http',
            port: 80,
            targetPort: 'http',
            nodePort: type === 'ClusterIP' ? undefined : 30000 + (s % 2767),
          },
        ],
      },
      status: {
        loadBalancer: { ingress: type === 'LoadBalancer' ? [{ ip: `192.0.2.${s & 255}` }] : [] },
      },
    });
    const endpoints = [];
    for (let p = 0; p < podsPerService; p++) {
      const name = `${app}-${p}`;
      const ip = `10.${(s >> 8) & 255}.${s & 255}.${p}`;
      raw.push({
        kind: 'Pod',
        metadata: {
          name,
          namespace: ns,
          uid: `p-${s}-${p}`,
          labels: { app, 'pod-template-hash': 'abc' },
          ownerReferences: [{ kind: 'ReplicaSet', name: `${app}-abc`, controller: true }],
        },
        spec: {
          nodeName: `node-${(s + p) % nodes}`,
          containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }],
        },
        status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: 'True' }] },
      });
      endpoints.push({
        addresses: [ip],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: `node-${(s + p) % nodes}`,
        targetRef: { kind: 'Pod', name, namespace: ns },
      });
    }
    raw.push({
      kind: 'EndpointSlice',
      metadata: { name: `${app}-x`, namespace: ns, labels: { 'kubernetes.io/service-name': app } },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints,
    });
  }
  return raw;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

function run(services: number, podCount: number, nodes: number): void {
  const raw = cluster(services, podCount / services, nodes);
  const text = raw.map((o) => JSON.stringify(o));
  const [parsed, parseMs] = time(() => text.map((t) => JSON.parse(t) as unknown));
  const [objects, slimMs] = time(() => parsed.map((o) => slim(o)));
  const engine = new TopologyEngine();
  const [, buildMs] = time(() =>
    engine.applyBatch(objects.map((object): ObjectEvent => ({ type: 'ADDED', object }))),
  );
  const counts = engine.counts();

  // Per-event patches: pod readiness flips (pod + its slice), as a rollout would cause.
  const pods = objects.filter((o): o is Extract<SlimObject, { kind: 'Pod' }> => o.kind === 'Pod');
  const slices = new Map(
    objects
      .filter((o) => o.kind === 'EndpointSlice')
      .map((o) => [`${o.metadata.namespace}/${(o as { serviceName?: string }).serviceName}`, o]),
  );
  const N = 2000;
  const events: ObjectEvent[] = [];
  for (let i = 0; i < N; i++) {
    const pod = pods[(i * 7919) % pods.length] as Extract<SlimObject, { kind: 'Pod' }>;
    events.push({
      type: 'MODIFIED',
      object: { ...pod, status: { ...pod.status, ready: i % 2 === 0 ? false : true } },
    });
    const app = pod.metadata.labels?.app ?? '';
    const slice = slices.get(`${pod.metadata.namespace}/${app}`) as Extract<
      SlimObject,
      { kind: 'EndpointSlice' }
    >;
    events.push({
      type: 'MODIFIED',
      object: {
        ...slice,
        endpoints: slice.endpoints.map((e) =>
          e.targetRef?.name === pod.metadata.name
            ? { ...e, conditions: { ready: i % 2 !== 0 } }
            : e,
        ),
      },
    });
  }
  const [, patchMs] = time(() => {
    for (const e of events) engine.apply(e);
  });
  const perEvent = patchMs / events.length;
  const parsePerObject = parseMs / raw.length;
  const mem = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(
    [
      `${services} services / ${podCount} pods / ${nodes} nodes (${raw.length} objects -> ${counts.nodes} graph nodes, ${counts.edges} edges)`,
      `  JSON.parse of all objects:  ${parseMs.toFixed(0)} ms`,
      `  slim projection:            ${slimMs.toFixed(0)} ms (${(slimMs / parseMs).toFixed(2)}x parse)`,
      `  full rebuild:               ${buildMs.toFixed(0)} ms (${(buildMs / parseMs).toFixed(2)}x parse)`,
      `  per-event patch:            ${(perEvent * 1000).toFixed(1)} us (${(perEvent / parsePerObject).toFixed(2)}x parsing one object), over ${events.length} events`,
      `  heap used after:            ${mem.toFixed(0)} MiB`,
    ].join('\n'),
  );
}

run(1000, 10_000, 50);
run(10_000, 100_000, 500);
