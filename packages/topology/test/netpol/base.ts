/**
 * The small world the semantics tables run in, and the table runner. Each
 * row names the rule it proves; the verdict, and where given the reason of
 * each side and the rules that allowed, must be exactly as stated.
 *
 * namespaces: prod {env: prod, team: shop}, dev {env: dev, team: shop},
 *             ops {team: ops}, bare (no labels of its own)
 * nodes:      n1 192.168.0.11, n2 192.168.0.12
 */
import { describe, expect, it } from 'vitest';
import type { Protocol, SideReason, SlimNetworkPolicy, Verdict } from '../../src/index.js';
import { ns, pod, World } from './world.js';

export const BASE = [
  ns('prod', { env: 'prod', team: 'shop' }),
  ns('dev', { env: 'dev', team: 'shop' }),
  ns('ops', { team: 'ops' }),
  ns('bare'),
  pod(
    'prod/web',
    { app: 'web', tier: 'front' },
    {
      ips: ['10.0.1.10'],
      node: 'n1',
      ports: [
        ['http', 8080],
        ['metrics', 9090],
        ['syslog', 514, 'UDP'],
        ['diameter', 3868, 'SCTP'],
      ],
    },
  ),
  pod('prod/db', { app: 'db' }, { ips: ['10.0.1.20'], node: 'n2', ports: [['pg', 5432]] }),
  pod('prod/client', { app: 'client' }, { ips: ['10.0.1.30'], node: 'n2' }),
  pod('prod/nolabel', {}, { ips: ['10.0.1.40'] }),
  pod('prod/monitor', { role: 'monitoring' }, { ips: ['10.0.1.60'] }),
  pod('prod/v6', { app: 'v6' }, { ips: ['10.0.1.50', 'fd00::50'] }),
  pod('prod/hostnet', { app: 'client' }, { ips: ['192.168.0.11'], node: 'n1', hostNetwork: true }),
  pod('dev/client', { app: 'client' }, { ips: ['10.0.2.30'] }),
  pod('dev/web', { app: 'web' }, { ips: ['10.0.2.10'], ports: [['http', 8081]] }),
  pod('ops/monitor', { role: 'monitoring' }, { ips: ['10.0.3.5'] }),
  pod('ops/plain', {}, { ips: ['10.0.3.6'] }),
  pod('bare/thing', { app: 'client' }, { ips: ['10.0.4.1'] }),
];

export interface Row {
  rule: string;
  policies: SlimNetworkPolicy[];
  src: string;
  dst: string;
  port?: number;
  protocol?: Protocol;
  expect: 'allowed' | 'denied';
  egress?: SideReason;
  ingress?: SideReason;
  /** `ns/name direction[i]` of every rule that allowed, both sides. */
  allowedBy?: string[];
}

export function allowedBy(v: Verdict): string[] {
  return [...v.egress.allowedBy, ...v.ingress.allowedBy].map(
    (r) => `${r.policy} ${r.direction}[${r.ruleIndex}]`,
  );
}

export function check(row: Row): Verdict {
  const world = new World([...BASE, ...row.policies]);
  return world.check(row.src, row.dst, row.port ?? 80, row.protocol);
}

export function table(title: string, rows: Row[]): void {
  describe(title, () => {
    it.each(rows)('$rule: $src -> $dst:$port/$protocol is $expect', (row) => {
      const v = check(row);
      expect(v.verdict).toBe(row.expect);
      if (row.egress) expect(v.egress.reason).toBe(row.egress);
      if (row.ingress) expect(v.ingress.reason).toBe(row.ingress);
      if (row.allowedBy) expect(allowedBy(v)).toEqual(row.allowedBy);
    });
  });
}
