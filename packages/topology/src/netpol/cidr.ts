/**
 * IPv4 and IPv6 addresses and CIDR ranges, by hand (no dependency): parse to
 * a bigint, compare prefixes. As Go's net package does, an IPv4-mapped IPv6
 * address (`::ffff:10.0.0.1`) is the IPv4 address it maps; an IPv4 address
 * never falls in an IPv6 range, nor the other way round.
 */

export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

export interface Cidr {
  family: 4 | 6;
  prefix: number;
  /** The network number (host bits cleared). */
  network: bigint;
}

const V4_MAPPED_PREFIX = 0xffffn << 32n;

function parseV4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

/** Groups of 16 bits; a trailing dotted IPv4 part counts as two. */
function groups(part: string, allowDotted: boolean): bigint[] | null {
  if (part === '') return [];
  const out: bigint[] = [];
  const items = part.split(':');
  for (const [i, item] of items.entries()) {
    if (item.includes('.')) {
      if (!allowDotted || i !== items.length - 1) return null;
      const v4 = parseV4(item);
      if (v4 === null) return null;
      out.push(v4 >> 16n, v4 & 0xffffn);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(item)) {
      out.push(BigInt(`0x${item}`));
    } else {
      return null;
    }
  }
  return out;
}

function parseV6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = groups(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? groups(halves[1] ?? '', true) : [];
  if (!head || !tail) return null;
  const count = head.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const all = [...head, ...Array<bigint>(8 - count).fill(0n), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

function parseRaw(text: string): IpAddress | null {
  if (text.includes(':')) {
    const value = parseV6(text);
    return value === null ? null : { family: 6, value };
  }
  const value = parseV4(text);
  return value === null ? null : { family: 4, value };
}

/** An address, or null when the text is not one. IPv4-mapped IPv6 becomes IPv4. */
export function parseIp(text: string): IpAddress | null {
  const ip = parseRaw(text.trim());
  if (ip && ip.family === 6 && ip.value >> 32n === V4_MAPPED_PREFIX >> 32n) {
    return { family: 4, value: ip.value & 0xffffffffn };
  }
  return ip;
}

const cidrCache = new Map<string, Cidr | null>();

/** `10.0.0.0/8`, `2001:db8::/32`; host bits are ignored (`10.1.2.3/8` is `10.0.0.0/8`). */
export function parseCidr(text: string): Cidr | null {
  const cached = cidrCache.get(text);
  if (cached !== undefined) return cached;
  const result = parseCidrUncached(text.trim());
  if (cidrCache.size > 10_000) cidrCache.clear();
  cidrCache.set(text, result);
  return result;
}

function parseCidrUncached(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const ip = parseRaw(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefixText)) return null;
  const bits = ip.family === 4 ? 32 : 128;
  const prefix = Number(prefixText);
  if (prefix > bits) return null;
  const hostBits = BigInt(bits - prefix);
  return { family: ip.family, prefix, network: (ip.value >> hostBits) << hostBits };
}

function bitsOf(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.family !== ip.family) return false;
  const hostBits = BigInt(bitsOf(cidr.family) - cidr.prefix);
  return ip.value >> hostBits === cidr.network >> hostBits;
}

/** Whether every address of `inner` is in `outer`. */
export function cidrWithin(inner: Cidr, outer: Cidr): boolean {
  return (
    inner.family === outer.family &&
    inner.prefix >= outer.prefix &&
    cidrContains(outer, { family: inner.family, value: inner.network })
  );
}

/**
 * An ipBlock's answer for one address: in `cidr` and in none of `except`.
 * A block with an unparsable cidr or except matches nothing (the API server
 * would have rejected it; `validatePolicy` reports it).
 */
export function ipBlockContains(block: { cidr: string; except?: string[] }, ip: string): boolean {
  const address = parseIp(ip);
  const range = parseCidr(block.cidr);
  if (!address || !range || !cidrContains(range, address)) return false;
  for (const text of block.except ?? []) {
    const hole = parseCidr(text);
    if (!hole || cidrContains(hole, address)) return false;
  }
  return true;
}
