import { afterEach, describe, expect, it } from 'vitest';
import { startTestCluster } from '../../test/helpers.js';
import type { SimCluster, StoredObject } from '../index.js';

const template = (app: string, image = 'nginx:1') => ({
  metadata: { labels: { app } },
  spec: {
    containers: [
      {
        name: 'main',
        image,
        ports: [{ name: 'http', containerPort: 8080 }],
        readinessProbe: { httpGet: { path: '/', port: 'http' }, initialDelaySeconds: 1 },
      },
    ],
  },
});

const ready = (p: StoredObject) =>
  ((p.status as { conditions?: { type: string; status: string }[] }).conditions ?? []).some(
    (c) => c.type === 'Ready' && c.status === 'True',
  );

describe('workload controllers', () => {
  let sim: SimCluster;
  afterEach(() => sim.close());

  it('rolls a Deployment within maxSurge/maxUnavailable, waiting for readiness', async () => {
    sim = await startTestCluster({ readyDelayMs: 30 });
    sim.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 4,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template: template('web'),
      },
    });
    await sim.idle();
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' };
    const d = sim.get(ref)!;
    let maxPods = 0;
    let minReady = 4;
    const timer = setInterval(() => {
      const pods = sim.list('v1', 'Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
      maxPods = Math.max(maxPods, pods.length);
      minReady = Math.min(minReady, pods.filter(ready).length);
    }, 2);
    sim.replace({ ...d, spec: { ...(d.spec as object), template: template('web', 'nginx:2') } });
    await sim.idle();
    clearInterval(timer);
    expect(maxPods).toBe(5);
    expect(minReady).toBeGreaterThanOrEqual(4);
    const rs = sim.list('apps/v1', 'ReplicaSet', 'default');
    expect(rs.map((r) => (r.spec as { replicas: number }).replicas).sort()).toEqual([0, 4]);
    const status = sim.get(ref)!.status as Record<string, number>;
    expect(status).toMatchObject({
      replicas: 4,
      updatedReplicas: 4,
      readyReplicas: 4,
      availableReplicas: 4,
    });
    // Deleting the Deployment takes its ReplicaSets and pods with it.
    sim.delete(ref);
    await sim.idle();
    expect(sim.list('apps/v1', 'ReplicaSet', 'default')).toEqual([]);
    expect(sim.list('v1', 'Pod', 'default')).toEqual([]);
  });

  it('gives StatefulSet pods stable names and hostnames under the headless Service, in order', async () => {
    sim = await startTestCluster();
    sim.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'db', namespace: 'default' },
      spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] },
    });
    sim.create({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default' },
      spec: {
        replicas: 3,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: template('db'),
      },
    });
    await sim.idle();
    const pods = sim.list('v1', 'Pod', 'default');
    expect(pods.map((p) => p.metadata.name)).toEqual(['db-0', 'db-1', 'db-2']);
    expect(pods.map((p) => (p.spec as { hostname: string; subdomain: string }).subdomain)).toEqual([
      'db',
      'db',
      'db',
    ]);
    const slices = sim
      .list('discovery.k8s.io/v1', 'EndpointSlice', 'default')
      .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'db');
    const hostnames = slices.flatMap((s) =>
      (s.endpoints as { hostname?: string }[]).map((e) => e.hostname),
    );
    expect(hostnames.sort()).toEqual(['db-0', 'db-1', 'db-2']);
  });

  it('runs one DaemonSet pod per schedulable node, skipping the tainted control plane', async () => {
    sim = await startTestCluster();
    sim.create({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'kube-system' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: template('agent') },
    });
    await sim.idle();
    const nodes = sim
      .list('v1', 'Pod', 'kube-system')
      .map((p) => (p.spec as { nodeName: string }).nodeName);
    expect(nodes.sort()).toEqual(['portolan-worker', 'portolan-worker2']);
    const ds = sim.get({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      namespace: 'kube-system',
      name: 'agent',
    });
    expect(ds?.status).toMatchObject({ desiredNumberScheduled: 2, numberReady: 2 });
  });
});
