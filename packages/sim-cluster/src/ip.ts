/**
 * IPv4 arithmetic and number allocators (ClusterIPs, NodePorts,
 * LoadBalancer IPs, pod IPs). Addresses are only data here: nothing is ever
 * bound or contacted.
 */

export function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255) || m.slice(1).some((p) => p.length > 1 && p.startsWith('0')))
    return undefined;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export interface Cidr {
  text: string;
  network: number;
  prefix: number;
  size: number;
}

export function parseCidr(text: string): Cidr {
  const [addr = '', prefixText = ''] = text.split('/');
  const ip = parseIPv4(addr);
  const prefix = Number(prefixText);
  if (ip === undefined || !/^\d+$/.test(prefixText) || prefix > 32)
    throw new Error(`invalid IPv4 CIDR "${text}"`);
  const size = 2 ** (32 - prefix);
  return { text, network: ip - (ip % size), prefix, size };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  return ip >= cidr.network && ip < cidr.network + cidr.size;
}

/** Usable host addresses of a CIDR: without the network and broadcast addresses when there is room. */
export function hostRange(cidr: Cidr): [number, number] {
  if (cidr.size <= 2) return [cidr.network, cidr.network + cidr.size - 1];
  return [cidr.network + 1, cidr.network + cidr.size - 2];
}

/** A range `a.b.c.d-e.f.g.h` or a CIDR, as MetalLB pools are written. */
export function parseRange(text: string): [number, number] {
  if (text.includes('-')) {
    const [a = '', b = ''] = text.split('-').map((s) => s.trim());
    const lo = parseIPv4(a);
    const hi = parseIPv4(b);
    if (lo === undefined || hi === undefined || hi < lo)
      throw new Error(`invalid IPv4 range "${text}"`);
    return [lo, hi];
  }
  return hostRange(parseCidr(text));
}

/** A small deterministic PRNG (mulberry32) so "random" allocations repeat run to run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Hands out numbers from [min, max], each to one owner. `random` picks like
 * the API server's allocators do; without it the lowest free number is used
 * (as MetalLB and host-local IPAM do). `staticBand` keeps the lowest numbers
 * for explicit requests as long as others are free, as upstream's ClusterIP
 * and NodePort allocators do (KEP-3070, KEP-3668), so a random pick rarely
 * takes a number somebody asks for by name (like nodePort 30007).
 */
export class Allocator {
  private readonly owners = new Map<number, string>();

  constructor(
    readonly min: number,
    readonly max: number,
    private readonly random?: () => number,
    private readonly staticBand = 0,
  ) {}

  get free(): number {
    return this.max - this.min + 1 - this.owners.size;
  }

  inRange(n: number): boolean {
    return Number.isInteger(n) && n >= this.min && n <= this.max;
  }

  ownerOf(n: number): string | undefined {
    return this.owners.get(n);
  }

  /** Claim a specific number; false when out of range or owned by someone else. */
  claim(n: number, owner: string): boolean {
    if (!this.inRange(n)) return false;
    const current = this.owners.get(n);
    if (current !== undefined && current !== owner) return false;
    this.owners.set(n, owner);
    return true;
  }

  allocate(owner: string): number | undefined {
    const dynamicMin = Math.min(this.min + this.staticBand, this.max);
    const n = this.pick(dynamicMin, this.max) ?? this.pick(this.min, this.max);
    if (n !== undefined) this.owners.set(n, owner);
    return n;
  }

  private pick(min: number, max: number): number | undefined {
    const span = max - min + 1;
    let start = 0;
    if (this.random) {
      for (let tries = 0; tries < 32; tries++) {
        const n = min + Math.floor(this.random() * span);
        if (!this.owners.has(n)) return n;
      }
      start = Math.floor(this.random() * span);
    }
    for (let i = 0; i < span; i++) {
      const n = min + ((start + i) % span);
      if (!this.owners.has(n)) return n;
    }
    return undefined;
  }

  release(n: number, owner?: string): void {
    if (owner === undefined || this.owners.get(n) === owner) this.owners.delete(n);
  }

  /** Release everything `owner` holds, except `keep`. */
  releaseAll(owner: string, keep?: number): void {
    for (const [n, o] of this.owners) if (o === owner && n !== keep) this.owners.delete(n);
  }
}
