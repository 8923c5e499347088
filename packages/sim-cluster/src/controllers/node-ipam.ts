/**
 * Node IPAM, as kube-controller-manager's `--allocate-node-cidrs` does it:
 * a Node created without `spec.podCIDR` gets the next free /24 of the
 * cluster CIDR (10.244.0.0/16 by default), so pods scheduled there get IPs.
 * CIDRs that nodes bring along are respected and never handed out twice.
 */
import { Allocator, formatIPv4, parseCidr } from '../ip.js';
import type { Registry } from '../registry.js';
import { R } from '../resources.js';
import type { StoreEvent } from '../store.js';
import type { Node, StoredObject } from '../types.js';
import { WorkQueue, type Controller } from './workqueue.js';

const NODE_PREFIX = 24;
const BLOCK_SIZE = 2 ** (32 - NODE_PREFIX);

export class NodeIpam implements Controller {
  readonly name = 'node-ipam-controller';
  private readonly queue: WorkQueue;
  /** Block i is the i-th /24 of the cluster CIDR. */
  private readonly blocks: Allocator;
  private readonly base: number;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly registry: Registry,
    clusterCidr: string,
    onError: (err: unknown, key: string) => void,
  ) {
    const cidr = parseCidr(clusterCidr);
    if (cidr.prefix > NODE_PREFIX) {
      throw new Error(`cluster CIDR ${clusterCidr} is smaller than a /${NODE_PREFIX}`);
    }
    this.base = cidr.network;
    this.blocks = new Allocator(0, 2 ** (NODE_PREFIX - cidr.prefix) - 1);
    this.queue = new WorkQueue((name) => this.reconcile(name), onError);
    this.unsubscribe = registry.store.subscribe((e) => this.observe(e));
  }

  private format(block: number): string {
    return `${formatIPv4(this.base + block * BLOCK_SIZE)}/${NODE_PREFIX}`;
  }

  private blockOf(text: string | undefined): number | undefined {
    if (!text) return undefined;
    const c = parseCidr(text);
    const i = (c.network - this.base) / BLOCK_SIZE;
    return c.prefix === NODE_PREFIX && Number.isInteger(i) && this.blocks.inRange(i)
      ? i
      : undefined;
  }

  idle(): boolean {
    return this.queue.idle;
  }

  stop(): void {
    this.unsubscribe();
    this.queue.stop();
  }

  private observe(e: StoreEvent): void {
    if (e.resource !== R.nodes) return;
    const node = e.object as Node;
    const name = node.metadata.name ?? '';
    const block = this.blockOf(node.spec?.podCIDRs?.[0] ?? node.spec?.podCIDR);
    if (e.type === 'DELETED') {
      this.blocks.releaseAll(name);
    } else if (block !== undefined) {
      this.blocks.claim(block, name);
    } else if (!node.spec?.podCIDR) {
      this.queue.add(name);
    }
  }

  private reconcile(name: string): void {
    const node = this.registry.store.get(R.nodes, undefined, name) as
      (Node & StoredObject) | undefined;
    if (!node || node.spec?.podCIDR) return;
    const block = this.blocks.allocate(name);
    if (block === undefined) throw new Error('no free pod CIDR left in the cluster CIDR');
    const cidr = this.format(block);
    const next = structuredClone(node);
    next.spec = { ...next.spec, podCIDR: cidr, podCIDRs: [cidr] };
    this.registry.writeSystem(R.nodes, next);
  }
}
