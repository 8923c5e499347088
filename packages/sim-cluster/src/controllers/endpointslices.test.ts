import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, openWatch, pod, service, startTestCluster } from '../../test/helpers.js';
import type { SimCluster } from '../index.js';
import type { EndpointSlice } from '../types.js';

const sliceRef = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' };
const slicesOf = (sim: SimCluster, svc: string) =>
  (sim.list(sliceRef.apiVersion, sliceRef.kind, 'default') as EndpointSlice[]).filter(
    (s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc,
  );
const endpointsOf = (sim: SimCluster, svc: string) =>
  slicesOf(sim, svc)
    .flatMap((s) =>
      s.endpoints.map((e) => ({
        pod: e.targetRef?.name,
        ...e.conditions,
        ports: s.ports.map((p) => p.port),
      })),
    )
    .sort((a, b) => String(a.pod).localeCompare(String(b.pod)));

describe('EndpointSlice controller', () => {
  let sim: SimCluster;
  beforeEach(async () => {
    sim = await startTestCluster();
  });
  afterEach(() => sim.close());

  it('selects pods carrying ALL selector labels in the Service namespace', async () => {
    sim.create(
      service('web', {
        selector: { app: 'web', tier: 'front' },
        ports: [{ port: 80, targetPort: 8080 }],
      }),
    );
    sim.create(pod('both', { app: 'web', tier: 'front', extra: 'ignored' }));
    sim.create(pod('only-app', { app: 'web' }));
    sim.create(pod('only-tier', { tier: 'front' }));
    sim.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    sim.create(pod('other-ns', { app: 'web', tier: 'front' }, [], { namespace: 'other' }));
    await sim.idle();
    expect(endpointsOf(sim, 'web').map((e) => e.pod)).toEqual(['both']);
  });

  it('labels, owns and fills slices the way the upstream controller does', async () => {
    const svc = sim.create(
      service('web', {
        selector: { app: 'web' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      }),
    );
    const p = sim.create(pod('web-1', { app: 'web' }));
    await sim.idle();
    const [slice] = slicesOf(sim, 'web');
    expect(slice?.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slice?.metadata.labels).toMatchObject({
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice?.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'web',
        uid: svc.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(slice?.addressType).toBe('IPv4');
    expect(slice?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    const current = sim.get({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: 'default',
      name: 'web-1',
    }) as unknown as { status: { podIP: string }; spec: { nodeName: string } };
    expect(slice?.endpoints).toEqual([
      {
        addresses: [current.status.podIP],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: current.spec.nodeName,
        zone: current.spec.nodeName === 'portolan-worker' ? 'zone-b' : 'zone-c',
        targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: p.metadata.uid },
      },
    ]);
    expect(current.status.podIP).toMatch(
      current.spec.nodeName === 'portolan-worker' ? /^10\.244\.1\./ : /^10\.244\.2\./,
    );
  });

  it('reports readiness, publishNotReadyAddresses and terminating pods in endpoint conditions', async () => {
    sim.create(service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    sim.create(
      service('peers', {
        selector: { app: 'web' },
        clusterIP: 'None',
        publishNotReadyAddresses: true,
        ports: [{ port: 80 }],
      }),
    );
    sim.create(pod('ready', { app: 'web' }));
    sim.create(
      pod('failing', { app: 'web' }, [], { annotations: { 'sim.portolan.dev/ready': 'false' } }),
    );
    await sim.idle();
    expect(endpointsOf(sim, 'web')).toEqual([
      { pod: 'failing', ready: false, serving: false, terminating: false, ports: [80] },
      { pod: 'ready', ready: true, serving: true, terminating: false, ports: [80] },
    ]);
    expect(endpointsOf(sim, 'peers').map((e) => e.ready)).toEqual([true, true]);

    // A pod being deleted is terminating: not ready, still serving while its readiness holds.
    const s2 = await startTestCluster({ terminationDelayMs: 60_000 });
    try {
      s2.create(service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
      s2.create(pod('going', { app: 'web' }));
      await s2.idle();
      s2.delete({ apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'going' });
      await new Promise((r) => setTimeout(r, 30));
      const slice = (
        s2.list(sliceRef.apiVersion, sliceRef.kind, 'default') as EndpointSlice[]
      ).find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web');
      expect(slice?.endpoints[0]?.conditions).toEqual({
        ready: false,
        serving: true,
        terminating: true,
      });
    } finally {
      await s2.close();
    }
  });

  it('resolves a named targetPort per pod and splits different resolutions into separate slices', async () => {
    sim.create(
      service('web', {
        selector: { app: 'web' },
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      }),
    );
    sim.create(pod('a', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]));
    sim.create(pod('b', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]));
    sim.create(pod('canary', { app: 'web' }, [{ name: 'http', containerPort: 9090 }]));
    sim.create(pod('unnamed', { app: 'web' }, [{ containerPort: 8080 }]));
    await sim.idle();
    const slices = slicesOf(sim, 'web')
      .map((s) => ({ ports: s.ports, pods: s.endpoints.map((e) => e.targetRef?.name) }))
      .sort(
        (x, y) =>
          x.pods.length - y.pods.length || String(x.pods[0]).localeCompare(String(y.pods[0])),
      );
    // `unnamed` has no port called http: it is an endpoint without that port, as upstream.
    expect(slices).toEqual([
      { ports: [{ name: 'http', port: 9090, protocol: 'TCP' }], pods: ['canary'] },
      { ports: [], pods: ['unnamed'] },
      { ports: [{ name: 'http', port: 8080, protocol: 'TCP' }], pods: ['a', 'b'] },
    ]);
  });

  it('keeps one empty slice for a selector with no pods, none for selectorless or ExternalName Services', async () => {
    sim.create(service('lonely', { selector: { app: 'nobody' }, ports: [{ port: 80 }] }));
    sim.create(service('manual', { ports: [{ port: 80 }] }));
    sim.create(
      service('ext', {
        type: 'ExternalName',
        externalName: 'example.com',
        selector: { app: 'web' },
      }),
    );
    sim.create(pod('web', { app: 'web' }));
    await sim.idle();
    expect(slicesOf(sim, 'lonely').map((s) => s.endpoints)).toEqual([[]]);
    expect(slicesOf(sim, 'manual')).toEqual([]);
    expect(slicesOf(sim, 'ext')).toEqual([]);
  });

  it('writes a slice only when its content changes, and deletes slices with their Service', async () => {
    sim.create(service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    sim.create(pod('web-1', { app: 'web' }));
    sim.create(pod('unrelated', { app: 'db' }));
    await sim.idle();
    const w = await openWatch(
      sim,
      `/apis/discovery.k8s.io/v1/endpointslices?watch=true&resourceVersion=${sim.resourceVersion()}`,
    );
    // Unrelated churn: relabelling a pod the Service does not select, twice.
    const other = sim.get({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: 'default',
      name: 'unrelated',
    });
    const relabelled = sim.replace({
      ...structuredClone(other!),
      metadata: { ...structuredClone(other!.metadata), labels: { app: 'db', v: '2' } },
    });
    sim.replace({
      ...structuredClone(relabelled),
      metadata: { ...structuredClone(relabelled.metadata), labels: { app: 'db', v: '3' } },
    });
    await sim.idle();
    expect(w.events).toEqual([]);
    // A selected pod joins: exactly one MODIFIED (with the not-ready endpoint), then one when it turns ready.
    sim.create(pod('web-2', { app: 'web' }));
    await sim.idle();
    expect(w.events.map((e) => e.type)).toEqual(expect.arrayContaining(['MODIFIED']));
    expect(w.events.length).toBeLessThanOrEqual(3);
    const before = w.events.length;
    sim.delete({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'web' });
    await sim.idle();
    w.close();
    expect(w.events.slice(before).map((e) => e.type)).toEqual(['DELETED']);
    expect(slicesOf(sim, 'web')).toEqual([]);
  });

  it('puts at most maxEndpointsPerSlice endpoints in a slice', async () => {
    const small = await startTestCluster({ maxEndpointsPerSlice: 2 });
    try {
      small.create(service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
      for (const n of ['a', 'b', 'c', 'd', 'e']) small.create(pod(n, { app: 'web' }));
      await small.idle();
      const slices = (
        small.list(sliceRef.apiVersion, sliceRef.kind, 'default') as EndpointSlice[]
      ).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web');
      expect(slices.map((s) => s.endpoints.length).sort()).toEqual([1, 2, 2]);
    } finally {
      await small.close();
    }
  });

  it('serves the slices over HTTP with a label selector, as clients look them up', async () => {
    sim.create(service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    sim.create(pod('web-1', { app: 'web' }));
    await sim.idle();
    const res = await api<{ items: EndpointSlice[] }>(
      sim,
      'GET',
      '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dweb',
    );
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]?.kind).toBe('EndpointSlice');
  });
});
