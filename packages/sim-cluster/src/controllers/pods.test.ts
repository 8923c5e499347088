import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, openWatch, pod, startTestCluster } from '../../test/helpers.js';
import type { SimCluster } from '../index.js';
import type { Node, Pod } from '../types.js';

const podRef = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', namespace: 'default', name });
const node = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  ...extra,
});

describe('scheduler and kubelet', () => {
  let sim: SimCluster;
  beforeEach(async () => {
    sim = await startTestCluster({ readyDelayMs: 30 });
  });
  afterEach(() => sim.close());

  it('takes a pod from Pending to Running and Ready, in order, with an IP from its node', async () => {
    const w = await openWatch(
      sim,
      `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${sim.resourceVersion()}`,
    );
    sim.create(pod('p', { app: 'x' }));
    await sim.idle();
    w.close();
    const phases = w.events.map((e) => {
      const p = e.object as unknown as Pod;
      const ready = p.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? '-';
      return `${e.type} ${p.status?.phase} node=${p.spec?.nodeName ? 'yes' : 'no'} ip=${p.status?.podIP ? 'yes' : 'no'} ready=${ready}`;
    });
    expect(phases).toEqual([
      'ADDED Pending node=no ip=no ready=-',
      'MODIFIED Pending node=yes ip=no ready=-',
      'MODIFIED Pending node=yes ip=yes ready=False',
      'MODIFIED Running node=yes ip=yes ready=True',
    ]);
    const p = sim.get(podRef('p')) as Pod;
    const n = sim.get({ apiVersion: 'v1', kind: 'Node', name: p.spec?.nodeName ?? '' }) as Node;
    expect(p.status?.podIP?.split('.').slice(0, 3).join('.')).toBe(
      n.spec?.podCIDR?.split('.').slice(0, 3).join('.'),
    );
    expect(p.status?.hostIP).toBe(
      n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address,
    );
  });

  it('spreads pods over the schedulable nodes and keeps off the tainted control plane', async () => {
    for (let i = 0; i < 6; i++) sim.create(pod(`p${i}`, {}));
    sim.create({
      ...pod('tolerant', {}),
      spec: {
        containers: [{ name: 'c', image: 'i' }],
        tolerations: [
          {
            key: 'node-role.kubernetes.io/control-plane',
            operator: 'Exists',
            effect: 'NoSchedule',
          },
        ],
        nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
      },
    });
    await sim.idle();
    const nodes = (sim.list('v1', 'Pod', 'default') as Pod[])
      .filter((p) => p.metadata.name !== 'tolerant')
      .map((p) => p.spec?.nodeName);
    expect(nodes.filter((n) => n === 'portolan-worker')).toHaveLength(3);
    expect(nodes.filter((n) => n === 'portolan-worker2')).toHaveLength(3);
    expect((sim.get(podRef('tolerant')) as Pod).spec?.nodeName).toBe('portolan-control-plane');
    const ips = (sim.list('v1', 'Pod', 'default') as Pod[]).map((p) => p.status?.podIP);
    expect(new Set(ips).size).toBe(ips.length);
  });

  it('leaves a pod no node fits Pending with PodScheduled=False, and schedules it when a node joins', async () => {
    sim.create({
      ...pod('picky', {}),
      spec: { containers: [{ name: 'c', image: 'i' }], nodeSelector: { disk: 'ssd' } },
    });
    await sim.idle();
    const pending = sim.get(podRef('picky')) as Pod;
    expect(pending.status?.phase).toBe('Pending');
    expect(pending.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
    });
    sim.create(node('fast', { metadata: { name: 'fast', labels: { disk: 'ssd' } } }));
    await sim.idle();
    const placed = sim.get(podRef('picky')) as Pod;
    const fast = sim.get({ apiVersion: 'v1', kind: 'Node', name: 'fast' }) as Node;
    expect(fast.spec?.podCIDR).toBe('10.244.3.0/24'); // next free /24 after the scenario's nodes
    expect(placed.spec?.nodeName).toBe('fast');
    expect(placed.status?.podIP).toMatch(/^10\.244\.3\.\d+$/);
    expect(placed.status?.phase).toBe('Running');
  });

  it('turns readiness with the sim.portolan.dev/ready annotation', async () => {
    sim.create(pod('flaky', {}, [], { annotations: { 'sim.portolan.dev/ready': 'false' } }));
    await sim.idle();
    const ready = () =>
      (sim.get(podRef('flaky')) as Pod).status?.conditions?.find((c) => c.type === 'Ready')?.status;
    expect(ready()).toBe('False');
    await api(
      sim,
      'PATCH',
      '/api/v1/namespaces/default/pods/flaky',
      { metadata: { annotations: { 'sim.portolan.dev/ready': null } } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    await sim.idle();
    expect(ready()).toBe('True');
  });

  it('deletes gracefully: Terminating first, gone after the termination delay; grace 0 is immediate', async () => {
    const slow = await startTestCluster({ terminationDelayMs: 50 });
    try {
      slow.create(pod('t', {}));
      await slow.idle();
      const res = slow.delete(podRef('t'));
      expect(res.metadata.deletionTimestamp).toBeTruthy();
      expect(slow.get(podRef('t'))).toBeDefined();
      await slow.idle();
      expect(slow.get(podRef('t'))).toBeUndefined();
      slow.create(pod('now', {}));
      await slow.idle();
      slow.delete(podRef('now'), { gracePeriodSeconds: 0 });
      expect(slow.get(podRef('now'))).toBeUndefined();
    } finally {
      await slow.close();
    }
  });
});
