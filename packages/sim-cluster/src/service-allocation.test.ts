import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, service, startTestCluster } from '../test/helpers.js';
import type { SimCluster } from './index.js';

interface Svc {
  metadata: { name: string };
  spec: {
    type: string;
    clusterIP?: string;
    clusterIPs?: string[];
    ports: { nodePort?: number; port: number }[];
    healthCheckNodePort?: number;
  };
  status: { loadBalancer: { ingress?: { ip: string }[] } };
}

const create = (sim: SimCluster, name: string, spec: Record<string, unknown>) =>
  api<Svc>(sim, 'POST', '/api/v1/namespaces/default/services', service(name, spec));
const get = async (sim: SimCluster, name: string) =>
  (await api<Svc>(sim, 'GET', `/api/v1/namespaces/default/services/${name}`)).body;

describe('Service allocation', () => {
  let sim: SimCluster;
  beforeEach(async () => {
    sim = await startTestCluster({
      nodePortRange: [30000, 30019],
      loadBalancerPool: ['192.0.2.10-192.0.2.12'],
    });
  });
  afterEach(() => sim.close());

  it('gives every Service its own ClusterIP from the service CIDR; headless stays None, ExternalName gets none', async () => {
    const ips = new Set<string>(['10.96.0.1']); // the kubernetes Service
    for (let i = 0; i < 20; i++) {
      const res = await create(sim, `s${i}`, { ports: [{ port: 80 }] });
      const ip = res.body.spec.clusterIP ?? '';
      expect(ip).toMatch(/^10\.96\.\d+\.\d+$/);
      expect(res.body.spec.clusterIPs).toEqual([ip]);
      ips.add(ip);
    }
    expect(ips.size).toBe(21);
    expect(
      (await create(sim, 'headless', { clusterIP: 'None', selector: { app: 'db' } })).body.spec
        .clusterIPs,
    ).toEqual(['None']);
    const ext = (
      await create(sim, 'ext', { type: 'ExternalName', externalName: 'my.database.example.com' })
    ).body;
    expect(ext.spec.clusterIP).toBeUndefined();
  });

  it('respects a requested ClusterIP and refuses a taken or out-of-range one with 422', async () => {
    expect(
      (await create(sim, 'a', { clusterIP: '10.96.0.10', ports: [{ port: 53 }] })).body.spec
        .clusterIP,
    ).toBe('10.96.0.10');
    const taken = await create(sim, 'b', { clusterIP: '10.96.0.10', ports: [{ port: 53 }] });
    expect(taken.status).toBe(422);
    expect(taken.body).toMatchObject({
      reason: 'Invalid',
      message: expect.stringContaining('provided IP is already allocated'),
    });
    const outside = await create(sim, 'c', { clusterIP: '10.0.0.1', ports: [{ port: 53 }] });
    expect(outside.body).toMatchObject({
      code: 422,
      message: expect.stringContaining('The range of valid IPs is 10.96.0.0/16'),
    });
  });

  it('allocates NodePorts in range without clashes, honours requested ones, and rejects a clash with 422', async () => {
    const requested = await create(sim, 'seed', {
      type: 'NodePort',
      ports: [{ port: 80, targetPort: 8080, nodePort: 30007 }],
    });
    expect(requested.body.spec.ports[0]?.nodePort).toBe(30007);
    const ports = new Set<number>([30007]);
    for (let i = 0; i < 9; i++) {
      const res = await create(sim, `np${i}`, {
        type: 'NodePort',
        ports: [
          { name: 'a', port: 80 },
          { name: 'b', port: 81 },
        ],
      });
      for (const p of res.body.spec.ports) {
        expect(p.nodePort).toBeGreaterThanOrEqual(30000);
        expect(p.nodePort).toBeLessThanOrEqual(30019);
        ports.add(p.nodePort as number);
      }
    }
    expect(ports.size).toBe(19);
    const clash = await create(sim, 'clash', {
      type: 'NodePort',
      ports: [{ port: 80, nodePort: 30007 }],
    });
    expect(clash.status).toBe(422);
    expect(clash.body).toMatchObject({
      kind: 'Status',
      reason: 'Invalid',
      message:
        'Service "clash" is invalid: spec.ports[0].nodePort: Invalid value: 30007: provided port is already allocated',
      details: { causes: [{ field: 'spec.ports[0].nodePort', reason: 'FieldValueInvalid' }] },
    });
    expect((await api(sim, 'GET', '/api/v1/namespaces/default/services/clash')).status).toBe(404);
    // One port left; a two-port service cannot fit and must not leak its ClusterIP or the port it got.
    const full = await create(sim, 'full', {
      type: 'NodePort',
      ports: [
        { name: 'a', port: 80 },
        { name: 'b', port: 81 },
      ],
    });
    expect(full.body).toMatchObject({
      code: 500,
      reason: 'InternalError',
      message: expect.stringContaining('failed to allocate a nodePort: range is full'),
    });
    expect((await create(sim, 'fits', { type: 'NodePort', ports: [{ port: 80 }] })).status).toBe(
      201,
    );
  });

  it('rejects an out-of-range nodePort, and a nodePort on a ClusterIP Service', async () => {
    const out = await create(sim, 'out', {
      type: 'NodePort',
      ports: [{ port: 80, nodePort: 40000 }],
    });
    expect(out.body).toMatchObject({
      code: 422,
      message: expect.stringContaining(
        'provided port is not in the valid range. The range of valid ports is 30000-30019',
      ),
    });
    const forbidden = await create(sim, 'cip', {
      type: 'ClusterIP',
      ports: [{ port: 80, nodePort: 30001 }],
    });
    expect(forbidden.body).toMatchObject({
      code: 422,
      details: { causes: [{ reason: 'FieldValueForbidden', field: 'spec.ports[0].nodePort' }] },
    });
  });

  it('frees NodePorts and the ClusterIP when a Service is deleted', async () => {
    const a = await create(sim, 'a', {
      type: 'NodePort',
      clusterIP: '10.96.0.20',
      ports: [{ port: 80, nodePort: 30010 }],
    });
    expect(a.status).toBe(201);
    await api(sim, 'DELETE', '/api/v1/namespaces/default/services/a');
    const b = await create(sim, 'b', {
      type: 'NodePort',
      clusterIP: '10.96.0.20',
      ports: [{ port: 80, nodePort: 30010 }],
    });
    expect(b.status).toBe(201);
  });

  it('keeps allocations across a PUT that omits them, and frees NodePorts when the type goes back to ClusterIP', async () => {
    const created = (await create(sim, 'np', { type: 'NodePort', ports: [{ port: 80 }] })).body;
    const nodePort = created.spec.ports[0]?.nodePort as number;
    const bare = { ...created, spec: { type: 'NodePort', ports: [{ port: 80 }] } };
    const replaced = await api<Svc>(sim, 'PUT', '/api/v1/namespaces/default/services/np', bare);
    expect(replaced.body.spec.clusterIP).toBe(created.spec.clusterIP);
    expect(replaced.body.spec.ports[0]?.nodePort).toBe(nodePort);
    const toClusterIP = await api<Svc>(sim, 'PUT', '/api/v1/namespaces/default/services/np', {
      ...replaced.body,
      spec: { ...replaced.body.spec, type: 'ClusterIP' },
    });
    expect(toClusterIP.status).toBe(200);
    expect(toClusterIP.body.spec.ports[0]?.nodePort).toBeUndefined();
    expect(
      (await create(sim, 'reuse', { type: 'NodePort', ports: [{ port: 80, nodePort }] })).status,
    ).toBe(201);
    const changeIP = await api<Svc>(sim, 'PUT', '/api/v1/namespaces/default/services/np', {
      ...toClusterIP.body,
      spec: { ...toClusterIP.body.spec, clusterIP: '10.96.0.99', clusterIPs: ['10.96.0.99'] },
    });
    expect(changeIP.status).toBe(422);
  });

  it('gives LoadBalancers NodePorts and a pool address each; pending when the pool is empty', async () => {
    const names = ['lb1', 'lb2', 'lb3', 'lb4'];
    for (const name of names)
      await create(sim, name, {
        type: 'LoadBalancer',
        selector: { app: name },
        ports: [{ port: 80 }],
      });
    await sim.idle();
    const lbs = await Promise.all(names.map((n) => get(sim, n)));
    expect(lbs.map((s) => s.status.loadBalancer.ingress?.[0]?.ip)).toEqual([
      '192.0.2.10',
      '192.0.2.11',
      '192.0.2.12',
      undefined,
    ]);
    expect(lbs.every((s) => typeof s.spec.ports[0]?.nodePort === 'number')).toBe(true);
    // Freeing an address lets the pending one have it.
    await api(sim, 'DELETE', '/api/v1/namespaces/default/services/lb2');
    await api(
      sim,
      'PATCH',
      '/api/v1/namespaces/default/services/lb4',
      { metadata: { labels: { poke: 'yes' } } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    await sim.idle();
    expect((await get(sim, 'lb4')).status.loadBalancer.ingress?.[0]?.ip).toBe('192.0.2.11');
  });

  it('honours allocateLoadBalancerNodePorts: false and allocates a health-check port for externalTrafficPolicy Local', async () => {
    const noNp = (
      await create(sim, 'lb', {
        type: 'LoadBalancer',
        allocateLoadBalancerNodePorts: false,
        ports: [{ port: 80 }],
      })
    ).body;
    expect(noNp.spec.ports[0]?.nodePort).toBeUndefined();
    const local = (
      await create(sim, 'local', {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        ports: [{ port: 80 }],
      })
    ).body;
    expect(local.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(local.spec.healthCheckNodePort).not.toBe(local.spec.ports[0]?.nodePort);
  });
});
