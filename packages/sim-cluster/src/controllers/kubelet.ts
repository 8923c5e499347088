/**
 * The kubelets of all nodes in one: for each pod bound to a node it
 * allocates an IP from the node's podCIDR (host-local IPAM style, from .2),
 * reports the pod Pending with its IPs, then Running and Ready after
 * `readyDelayMs`. A pod being deleted stays as it is (terminating, still
 * serving) and is removed after `min(grace period, terminationDelayMs)`.
 *
 * The annotation `sim.portolan.dev/ready: "false"` makes a pod's readiness
 * probe fail: it runs but never becomes Ready (until the annotation goes).
 */
import { randomBytes } from 'node:crypto';
import { Allocator, formatIPv4, hostRange, parseCidr } from '../ip.js';
import { timestamp } from '../json.js';
import type { Registry } from '../registry.js';
import { R } from '../resources.js';
import { objectKey, type StoreEvent } from '../store.js';
import type { Node, Pod, PodCondition, StoredObject } from '../types.js';
import { setCondition } from './scheduler.js';
import { WorkQueue, type Controller } from './workqueue.js';

export const READY_ANNOTATION = 'sim.portolan.dev/ready';

export interface KubeletOptions {
  readyDelayMs: number;
  /** Multiplier of readiness probes' initialDelaySeconds (0 = ignore them). */
  probeDelayScale?: number;
  terminationDelayMs: number;
}

type SimPod = Pod & StoredObject;

export class Kubelet implements Controller {
  readonly name = 'kubelet';
  private readonly queue: WorkQueue;
  private readonly ipam = new Map<string, Allocator>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly started = new Set<string>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly registry: Registry,
    private readonly options: KubeletOptions,
    onError: (err: unknown, key: string) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.queue = new WorkQueue((key) => this.reconcile(key), onError);
    this.unsubscribe = registry.store.subscribe((e) => this.observe(e));
  }

  idle(): boolean {
    return this.queue.idle && this.timers.size === 0;
  }

  stop(): void {
    this.unsubscribe();
    this.queue.stop();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private observe(e: StoreEvent): void {
    if (e.resource !== R.pods) return;
    const pod = e.object as SimPod;
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    if (e.type === 'DELETED') {
      this.forget(key, pod);
      return;
    }
    if (pod.spec?.nodeName) this.queue.add(key);
  }

  private forget(key: string, pod: Pod): void {
    for (const k of [key, `${key}#delete`]) {
      const timer = this.timers.get(k);
      if (timer) clearTimeout(timer);
      this.timers.delete(k);
    }
    this.started.delete(key);
    const node = pod.spec?.nodeName;
    const ip = pod.status?.podIP;
    if (node && ip) {
      const [a = 0, b = 0, c = 0, d = 0] = ip.split('.').map(Number);
      this.ipam.get(node)?.release(((a * 256 + b) * 256 + c) * 256 + d, key);
    }
  }

  private later(key: string, ms: number, fn: () => void): void {
    const old = this.timers.get(key);
    if (old) clearTimeout(old);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        fn();
      }, ms),
    );
  }

  private reconcile(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const pod = this.registry.store.get(R.pods, namespace, name) as SimPod | undefined;
    if (!pod?.spec?.nodeName) return;
    const now = timestamp(this.now());
    if (pod.metadata.deletionTimestamp) return this.terminate(key, pod);
    if (!pod.status?.podIP) return this.sandbox(key, pod, now);
    if (this.started.has(key)) {
      this.writeRunning(pod, now);
    } else if (!this.timers.has(key)) {
      this.later(key, this.readyDelay(pod), () => {
        this.started.add(key);
        this.queue.add(key);
      });
    }
  }

  private readyDelay(pod: SimPod): number {
    const scale = this.options.probeDelayScale ?? 0;
    const probes = (pod.spec?.containers ?? []).map(
      (c) =>
        (c.readinessProbe as { initialDelaySeconds?: number } | undefined)?.initialDelaySeconds ??
        0,
    );
    return this.options.readyDelayMs + Math.max(0, ...probes) * 1000 * scale;
  }

  /** Network sandbox up: the pod has its IP and waits for its containers. */
  private sandbox(key: string, pod: SimPod, now: string): void {
    const node = this.registry.store.get(R.nodes, undefined, pod.spec?.nodeName ?? '') as
      Node | undefined;
    if (!node) return;
    const ip = this.allocator(node)?.allocate(key);
    if (ip === undefined) return;
    const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    let conditions: PodCondition[] = pod.status?.conditions ?? [];
    conditions = setCondition(conditions, 'PodReadyToStartContainers', 'True', now);
    conditions = setCondition(conditions, 'Initialized', 'True', now);
    conditions = setCondition(conditions, 'Ready', 'False', now, {
      reason: 'ContainersNotReady',
      message: 'containers with unready status',
    });
    conditions = setCondition(conditions, 'ContainersReady', 'False', now, {
      reason: 'ContainersNotReady',
      message: 'containers with unready status',
    });
    conditions = setCondition(conditions, 'PodScheduled', 'True', now);
    const podIP = formatIPv4(ip);
    this.registry.writeStatus(R.pods, pod, {
      ...pod.status,
      phase: 'Pending',
      conditions,
      ...(hostIP ? { hostIP, hostIPs: [{ ip: hostIP }] } : {}),
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: now,
      containerStatuses: (pod.spec?.containers ?? []).map((c) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: false,
        started: false,
        restartCount: 0,
        state: { waiting: { reason: 'ContainerCreating' } },
      })),
    });
  }

  private writeRunning(pod: SimPod, now: string): void {
    const ready = pod.metadata.annotations?.[READY_ANNOTATION] !== 'false';
    const previous = (pod.status?.containerStatuses ?? []) as {
      name: string;
      containerID?: string;
      state?: { running?: { startedAt: string } };
    }[];
    let conditions = pod.status?.conditions ?? [];
    const notReady = { reason: 'ContainersNotReady', message: 'containers with unready status' };
    conditions = setCondition(
      conditions,
      'Ready',
      ready ? 'True' : 'False',
      now,
      ready ? {} : notReady,
    );
    conditions = setCondition(
      conditions,
      'ContainersReady',
      ready ? 'True' : 'False',
      now,
      ready ? {} : notReady,
    );
    this.registry.writeStatus(R.pods, pod, {
      ...pod.status,
      phase: 'Running',
      conditions,
      containerStatuses: (pod.spec?.containers ?? []).map((c) => {
        const before = previous.find((p) => p.name === c.name);
        return {
          name: c.name,
          image: c.image,
          imageID: `${String(c.image)}@sha256:${'0'.repeat(64)}`,
          containerID: before?.containerID ?? `containerd://${randomBytes(32).toString('hex')}`,
          ready,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: before?.state?.running?.startedAt ?? now } },
        };
      }),
    });
  }

  /**
   * Graceful termination: the pod keeps its readiness (probes keep passing
   * while the app drains, so its endpoint is terminating but serving) and is
   * gone after the grace period, shortened to `terminationDelayMs`.
   */
  private terminate(key: string, pod: SimPod): void {
    if (this.timers.has(`${key}#delete`)) return;
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
    this.later(`${key}#delete`, Math.min(grace, this.options.terminationDelayMs), () => {
      const current = this.registry.store.get(R.pods, pod.metadata.namespace, pod.metadata.name);
      if (current && current.metadata.uid === pod.metadata.uid)
        this.registry.remove(R.pods, current);
    });
  }

  private allocator(node: Node): Allocator | undefined {
    const name = node.metadata.name ?? '';
    let alloc = this.ipam.get(name);
    const cidrText = node.spec?.podCIDRs?.[0] ?? node.spec?.podCIDR;
    if (!alloc && cidrText) {
      const [lo, hi] = hostRange(parseCidr(cidrText));
      // .1 is the node's bridge/gateway address in host-local IPAM.
      alloc = new Allocator(Math.min(lo + 1, hi), hi);
      this.ipam.set(name, alloc);
    }
    return alloc;
  }
}
