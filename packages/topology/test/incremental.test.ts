/**
 * The incremental contract: applying any sequence of watch events as patches
 * gives exactly the graph a full rebuild gives, and a browser that applies
 * the emitted deltas ends with that same graph.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ObjectEvent, SlimObject } from '../src/index.js';
import { TopologyEngine, WATCHED_KINDS, applyDelta, buildGraph, slim } from '../src/index.js';

const NS = ['default', 'shop'];
const name = (prefix: string) => fc.integer({ min: 0, max: 2 }).map((i) => `${prefix}${i}`);
const labels = fc.record(
  { app: fc.constantFrom('a', 'b'), tier: fc.constantFrom('x', 'y') },
  { requiredKeys: [] },
);

const nodeArb = name('n').chain((n) =>
  fc.constantFrom('10.0.0.1', '10.0.0.2').map((ip) =>
    slim({
      kind: 'Node',
      metadata: { name: n },
      status: { addresses: [{ type: 'InternalIP', address: ip }] },
    }),
  ),
);
const podArb = fc
  .tuple(
    name('p'),
    fc.constantFrom(...NS),
    labels,
    fc.boolean(),
    name('n'),
    fc.constantFrom('http', 'web'),
  )
  .map(([n, ns, l, ready, node, portName]) =>
    slim({
      kind: 'Pod',
      metadata: { name: n, namespace: ns, labels: l },
      spec: {
        nodeName: node,
        containers: [
          {
            name: 'c',
            ports: [{ name: portName, containerPort: portName === 'http' ? 8080 : 9090 }],
          },
        ],
      },
      status: {
        phase: 'Running',
        podIP: `10.244.0.${n.slice(1)}`,
        conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      },
    }),
  );
const serviceArb = fc
  .tuple(
    name('s'),
    fc.constantFrom(...NS),
    labels,
    fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'),
    fc.boolean(),
    fc.constantFrom('Cluster', 'Local'),
    fc.constantFrom('Cluster', 'Local'),
  )
  .map(([n, ns, sel, type, lbReady, etp, itp]) =>
    slim({
      kind: 'Service',
      metadata: { name: n, namespace: ns },
      spec: {
        type,
        selector: sel,
        clusterIP: '10.96.0.1',
        externalName: type === 'ExternalName' ? 'x.example.com' : undefined,
        externalTrafficPolicy: etp,
        internalTrafficPolicy: itp,
        ports: [
          {
            name: 'http',
            port: 80,
            targetPort: 'http',
            nodePort: type === 'ClusterIP' ? undefined : 30080,
          },
        ],
      },
      status: {
        loadBalancer: { ingress: lbReady && type === 'LoadBalancer' ? [{ ip: '192.0.2.1' }] : [] },
      },
    }),
  );
const sliceArb = fc
  .tuple(
    name('s'),
    fc.constantFrom(...NS),
    fc.integer({ min: 0, max: 1 }),
    fc.uniqueArray(name('p'), { maxLength: 3 }),
    fc.boolean(),
  )
  .map(([svc, ns, i, pods, ready]) =>
    slim({
      kind: 'EndpointSlice',
      metadata: {
        name: `${svc}-${i}`,
        namespace: ns,
        labels: { 'kubernetes.io/service-name': svc },
      },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: pods.map((p) => ({
        addresses: [`10.244.0.${p.slice(1)}`],
        conditions: { ready },
        nodeName: 'n0',
        targetRef: { kind: 'Pod', name: p, namespace: ns },
      })),
    }),
  );
const ingressArb = fc
  .tuple(
    name('i'),
    fc.constantFrom(...NS),
    fc.uniqueArray(name('s'), { maxLength: 2 }),
    fc.constantFrom(80, 81),
    fc.constantFrom(undefined, 'nginx', 'traefik'),
    fc.boolean(),
  )
  .map(([n, ns, svcs, port, ingressClassName, admitted]) =>
    slim({
      kind: 'Ingress',
      metadata: { name: n, namespace: ns },
      spec: {
        ...(ingressClassName ? { ingressClassName } : {}),
        rules: [
          {
            host: 'a.example.com',
            http: {
              paths: svcs.map((s) => ({
                path: `/${s}`,
                pathType: 'Prefix',
                backend: { service: { name: s, port: { number: port } } },
              })),
            },
          },
        ],
      },
      // The address of the LoadBalancer Services below: they are its controller's.
      status: { loadBalancer: { ingress: admitted ? [{ ip: '192.0.2.1' }] : [] } },
    }),
  );

const ingressClassArb = fc
  .tuple(fc.constantFrom('nginx', 'traefik'), fc.boolean())
  .map(([n, isDefault]) =>
    slim({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        name: n,
        annotations: isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : {},
      },
      spec: { controller: `example.com/${n}` },
    }),
  );

const policyArb = fc
  .tuple(
    name('np'),
    fc.constantFrom(...NS),
    labels,
    fc.constantFrom('Ingress', 'Egress', 'both'),
    labels,
    fc.constantFrom(8080, 'http', undefined),
    fc.constantFrom('namespace', 'pod', 'ipBlock'),
  )
  .map(([n, ns, sel, types, from, port, byNs]) =>
    slim({
      kind: 'NetworkPolicy',
      metadata: { name: n, namespace: ns },
      spec: {
        podSelector: { matchLabels: sel },
        policyTypes: types === 'both' ? ['Ingress', 'Egress'] : [types],
        ingress: [
          {
            from: [
              byNs === 'namespace'
                ? { namespaceSelector: { matchLabels: { team: 'a' } } }
                : byNs === 'ipBlock'
                  ? { ipBlock: { cidr: '198.51.100.0/24' } }
                  : { podSelector: { matchLabels: from } },
            ],
            ports: port === undefined ? undefined : [{ port }],
          },
        ],
        egress:
          types === 'Ingress'
            ? undefined
            : [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 'http' }] }],
      },
    }),
  );
const namespaceArb = fc
  .tuple(fc.constantFrom(...NS), fc.constantFrom('a', 'b'))
  .map(([n, team]) => slim({ kind: 'Namespace', metadata: { name: n, labels: { team } } }));
const controllerArb = fc.tuple(fc.boolean(), fc.boolean()).map(([ready, controller]) =>
  slim({
    kind: 'Pod',
    metadata: {
      name: 'ingress-ctl',
      namespace: 'default',
      labels: controller
        ? { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' }
        : { app: 'a' },
    },
    spec: { nodeName: 'n1', containers: [{ name: 'c', ports: [] }] },
    status: {
      phase: 'Running',
      podIP: '10.244.9.9',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  }),
);

const objectArb: fc.Arbitrary<SlimObject> = fc.oneof(
  policyArb,
  namespaceArb,
  controllerArb,
  nodeArb,
  podArb,
  podArb,
  serviceArb,
  sliceArb,
  sliceArb,
  ingressArb,
  ingressClassArb,
);
const eventArb: fc.Arbitrary<ObjectEvent> = fc
  .tuple(fc.constantFrom('ADDED', 'MODIFIED', 'DELETED' as const), objectArb)
  .map(([type, object]) => ({ type, object }));

function allObjects(engine: TopologyEngine): SlimObject[] {
  return WATCHED_KINDS.flatMap((kind) => [...engine.store.mapOf(kind).values()]);
}

describe('incremental engine', () => {
  it('equals a full rebuild after any sequence of events, and its deltas replay to the same graph', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 40 }), (events) => {
        const engine = new TopologyEngine();
        let replica = engine.graph();
        for (const e of events) {
          const d = engine.apply(e);
          if (d.revision !== d.fromRevision) {
            expect(d.fromRevision).toBe(replica.revision);
            replica = applyDelta(replica, d);
          }
        }
        const full = buildGraph(allObjects(engine));
        const strip = (g: typeof full) => ({ ...g, revision: 0 });
        expect(strip(engine.graph())).toEqual(strip(full));
        expect(strip(replica)).toEqual(strip(full));
      }),
      { numRuns: 1000, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
    );
  });

  it('emits no delta (and keeps the revision) for an event that changes nothing drawn', () => {
    const engine = new TopologyEngine();
    const pod = slim({
      kind: 'Pod',
      metadata: { name: 'a', namespace: 'default' },
      spec: { containers: [] },
      status: { phase: 'Running' },
    });
    engine.apply({ type: 'ADDED', object: pod });
    const rev = engine.revision;
    const d = engine.apply({ type: 'MODIFIED', object: pod });
    expect(d.revision).toBe(rev);
    expect(d.upsertNodes).toEqual([]);
  });
});
