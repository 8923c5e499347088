import { afterEach, describe, expect, it } from 'vitest';
import { startTestCluster } from '../test/helpers.js';
import type { SimCluster } from './index.js';

describe('scale scenario and churn', () => {
  let sim: SimCluster;
  afterEach(() => sim.close());

  it('scale:20x3 makes 20 Deployments and Services with 3 ready endpoints each', async () => {
    sim = await startTestCluster({ scenario: 'scale:20x3' });
    await sim.idle(20_000);
    const services = sim.list('v1', 'Service').filter((s) => s.metadata.namespace === 'scale-000');
    expect(services).toHaveLength(20);
    expect(services.filter((s) => (s.spec as { type: string }).type === 'NodePort')).toHaveLength(
      1,
    );
    const ready = sim
      .list('discovery.k8s.io/v1', 'EndpointSlice', 'scale-000')
      .flatMap((s) => s.endpoints as { conditions: { ready: boolean } }[])
      .filter((e) => e.conditions.ready);
    expect(ready).toHaveLength(60);
  });

  it('brings nodes enough for its pods: more pods than two workers have IPs for all run, spread over zones', async () => {
    sim = await startTestCluster({ scenario: 'scale:60x10' });
    await sim.idle(60_000);
    const pods = sim.list('v1', 'Pod').filter((p) => p.metadata.namespace === 'scale-000');
    expect(pods).toHaveLength(600);
    const status = (p: (typeof pods)[number]) => p.status as { phase?: string; podIP?: string };
    expect(pods.filter((p) => status(p).phase === 'Running' && status(p).podIP)).toHaveLength(600);
    const nodes = sim.list('v1', 'Node').filter((n) => n.metadata.name?.startsWith('scale-node-'));
    expect(nodes).toHaveLength(3);
    expect(new Set(nodes.map((n) => n.metadata.labels?.['topology.kubernetes.io/zone'])).size).toBe(
      3,
    );
  });

  it('churn scales, restarts, kills pods and edits Services, and the cluster keeps converging', async () => {
    sim = await startTestCluster({ scenario: 'scale:5x2' });
    await sim.idle();
    const before = sim.resourceVersion();
    sim.churn.start({ rate: 200, seed: 7 });
    // A bounded wait for enough changes of each kind, not a fixed time: the machine may be busy.
    const enough = () => {
      const c = sim.churn.stats().counts;
      return Object.values(c).reduce((a, b) => a + b, 0) > 10 && c.killPod > 0;
    };
    for (const end = Date.now() + 20_000; !enough() && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 20));
    sim.churn.stop();
    const stats = sim.churn.stats();
    expect(stats.running).toBe(false);
    expect(Object.values(stats.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    expect(stats.counts.killPod).toBeGreaterThan(0);
    await sim.idle(20_000);
    expect(sim.resourceVersion()).toBeGreaterThan(before);
    for (const d of sim.list('apps/v1', 'Deployment', 'scale-000')) {
      const want = (d.spec as { replicas: number }).replicas;
      expect(d.status).toMatchObject({
        replicas: want,
        readyReplicas: want,
        updatedReplicas: want,
      });
    }
  });
});
