/** The hand-written IPv4/IPv6 and CIDR math under ipBlock. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrContains, cidrWithin, ipBlockContains, parseCidr, parseIp } from '../../src/index.js';

// prettier-ignore
const PARSE: [text: string, family: 4 | 6 | null, value?: bigint][] = [
  ['10.0.0.1', 4, 0x0a000001n],
  ['255.255.255.255', 4, 0xffffffffn],
  ['0.0.0.0', 4, 0n],
  ['256.0.0.1', null],
  ['10.0.0', null],
  ['10.0.0.1.2', null],
  ['a.b.c.d', null],
  ['::', 6, 0n],
  ['::1', 6, 1n],
  ['2001:db8::1', 6, 0x20010db8000000000000000000000001n],
  ['2001:DB8:0:0:0:0:0:1', 6, 0x20010db8000000000000000000000001n],
  ['fe80::', 6, 0xfe800000000000000000000000000000n],
  ['::ffff:10.0.0.1', 4, 0x0a000001n], // IPv4-mapped: the IPv4 address, as Go's net package says
  ['64:ff9b::10.0.0.1', 6, 0x0064ff9b00000000000000000a000001n],
  ['1:2:3:4:5:6:7:8', 6, 0x00010002000300040005000600070008n],
  ['1:2:3:4:5:6:7', null],
  ['1:2:3:4:5:6:7:8:9', null],
  ['1::2::3', null],
  ['12345::', null],
  ['fe80::1%eth0', null],
  ['10.0.0.1::', null],
];

describe('parseIp', () => {
  it.each(PARSE)('%s', (text, family, value) => {
    const ip = parseIp(text);
    if (family === null) expect(ip).toBeNull();
    else expect(ip).toEqual({ family, value });
  });
});

describe('parseCidr and containment', () => {
  // prettier-ignore
  it.each([
    ['10.0.0.0/8', '10.255.255.255', true],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['10.1.2.3/8', '10.9.9.9', true], // host bits are ignored
    ['0.0.0.0/0', '203.0.113.7', true],
    ['203.0.113.7/32', '203.0.113.7', true],
    ['203.0.113.7/32', '203.0.113.8', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::/0', '::1', true],
    ['::/0', '10.0.0.1', false],
    ['0.0.0.0/0', '::1', false],
    ['fd00::50/128', 'fd00::50', true],
  ])('%s contains %s: %s', (cidr, ip, expected) => {
    const c = parseCidr(cidr);
    const a = parseIp(ip);
    expect(c && a && cidrContains(c, a)).toBe(expected);
  });
  it.each(['10.0.0.0/33', '10.0.0.0', '10.0.0.0/', '10.0.0.0/-1', '::/129', 'x/8'])(
    'rejects %s',
    (t) => {
      expect(parseCidr(t)).toBeNull();
    },
  );
  it('knows when one range lies inside another', () => {
    const c = (t: string) => parseCidr(t) as NonNullable<ReturnType<typeof parseCidr>>;
    expect(cidrWithin(c('10.1.0.0/16'), c('10.0.0.0/8'))).toBe(true);
    expect(cidrWithin(c('10.0.0.0/8'), c('10.1.0.0/16'))).toBe(false);
    expect(cidrWithin(c('11.0.0.0/16'), c('10.0.0.0/8'))).toBe(false);
    expect(cidrWithin(c('2001:db8::/48'), c('2001:db8::/32'))).toBe(true);
  });
  it('ipBlock: in cidr and in no except; an unparsable except voids the block', () => {
    const block = { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.4/32'] };
    expect(ipBlockContains(block, '10.3.0.1')).toBe(true);
    expect(ipBlockContains(block, '10.1.9.9')).toBe(false);
    expect(ipBlockContains(block, '10.2.3.4')).toBe(false);
    expect(ipBlockContains(block, '10.2.3.5')).toBe(true);
    expect(ipBlockContains({ cidr: '10.0.0.0/8', except: ['bogus'] }, '10.3.0.1')).toBe(false);
    expect(ipBlockContains(block, 'not-an-ip')).toBe(false);
  });
});

describe('CIDR properties', () => {
  const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
  it('an IPv4 address is in every prefix of itself, and a /n holds exactly the addresses sharing n bits', () => {
    fc.assert(
      fc.property(v4, v4, fc.integer({ min: 0, max: 32 }), (a, b, n) => {
        const [ta, tb] = [a.join('.'), b.join('.')];
        const c = parseCidr(`${ta}/${n}`);
        const [ia, ib] = [parseIp(ta), parseIp(tb)];
        if (!c || !ia || !ib) throw new Error('unparsable');
        expect(cidrContains(c, ia)).toBe(true);
        const bits = (x: number[]) => x.map((o) => o.toString(2).padStart(8, '0')).join('');
        expect(cidrContains(c, ib)).toBe(bits(a).slice(0, n) === bits(b).slice(0, n));
      }),
    );
  });
  it('an IPv6 address reads the same written in full or with its longest zero run compressed', () => {
    const group = fc.oneof(fc.constant(0), fc.nat(0xffff));
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
        const hex = groups.map((g) => g.toString(16));
        const full = hex.join(':');
        let best = [-1, 0];
        for (let i = 0; i < 8; i++) {
          let j = i;
          while (j < 8 && groups[j] === 0) j++;
          if (j - i > (best[1] ?? 0)) best = [i, j - i];
        }
        const [start = -1, len = 0] = best;
        const short =
          len > 1 ? `${hex.slice(0, start).join(':')}::${hex.slice(start + len).join(':')}` : full;
        const expected = groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
        const mapped = expected >> 32n === 0xffffn;
        if (mapped) return; // ::ffff:a.b.c.d reads as IPv4 by design
        expect(parseIp(full)).toEqual({ family: 6, value: expected });
        expect(parseIp(short)).toEqual({ family: 6, value: expected });
      }),
    );
  });
});
