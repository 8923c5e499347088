/**
 * DOMAIN.md §2, sentences 1-4: which pods a policy selects, policyTypes
 * defaulting, isolation and union, allow-all and deny-all. Tables keep one
 * row per line (prettier-ignore) so each reads as the rule it proves.
 */
import { describe, expect, it } from 'vitest';
import type { SlimPod } from '../../src/index.js';
import { isolation, objectKey, PolicyIndex } from '../../src/index.js';
import { BASE, table } from './base.js';
import { np } from './world.js';

const app = (name: string) => ({ matchLabels: { app: name } });
const denyWeb = np('prod/deny-web', { podSelector: app('web'), ingress: [] });
const denyAllProd = np('prod/deny-all', { podSelector: {} });
const notFront = { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] };

// prettier-ignore
table('§2.1 a policy selects pods in its own namespace by podSelector ({} = all)', [
  { rule: 'podSelector selects matching pods', policies: [denyWeb], src: 'prod/client', dst: 'prod/web', expect: 'denied', ingress: 'no-rule-matched' },
  { rule: 'podSelector leaves other pods alone', policies: [denyWeb], src: 'prod/client', dst: 'prod/db', expect: 'allowed', ingress: 'not-isolated' },
  { rule: 'a policy never selects pods of another namespace', policies: [denyWeb], src: 'dev/client', dst: 'dev/web', expect: 'allowed', ingress: 'not-isolated' },
  { rule: '{} selects every pod of its namespace', policies: [denyAllProd], src: 'prod/client', dst: 'prod/nolabel', expect: 'denied' },
  { rule: '{} selects no pod of another namespace', policies: [denyAllProd], src: 'prod/client', dst: 'dev/web', expect: 'allowed' },
  { rule: 'matchLabels: null (empty) selects every pod', policies: [np('prod/p', { podSelector: { matchLabels: null } })], src: 'ops/plain', dst: 'prod/db', expect: 'denied' },
  { rule: 'NotIn on a missing key matches', policies: [np('prod/p', { podSelector: notFront })], src: 'prod/client', dst: 'prod/db', expect: 'denied' },
  { rule: 'NotIn on a present, listed value does not match', policies: [np('prod/p', { podSelector: notFront })], src: 'prod/client', dst: 'prod/web', expect: 'allowed' },
  { rule: 'matchLabels and matchExpressions AND', policies: [np('prod/p', { podSelector: { ...app('web'), matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] } })], src: 'prod/client', dst: 'prod/web', expect: 'allowed' },
]);

// prettier-ignore
table('§2.2 policyTypes defaults to [Ingress], plus Egress if egress rules are present', [
  { rule: 'no policyTypes, no egress: Ingress only (ingress denied)', policies: [denyAllProd], src: 'ops/plain', dst: 'prod/web', expect: 'denied' },
  { rule: 'no policyTypes, no egress: Ingress only (egress untouched)', policies: [denyAllProd], src: 'prod/web', dst: 'ops/plain', expect: 'allowed', egress: 'not-isolated' },
  { rule: 'egress rules present: Egress too (egress restricted)', policies: [np('prod/p', { podSelector: app('client'), egress: [{ to: [{ podSelector: app('db') }] }] })], src: 'prod/client', dst: 'prod/web', expect: 'denied', egress: 'no-rule-matched' },
  { rule: 'egress rules present: Ingress too (no ingress rules: denied)', policies: [np('prod/p', { podSelector: app('client'), egress: [{}] })], src: 'ops/plain', dst: 'prod/client', expect: 'denied', ingress: 'no-rule-matched' },
  { rule: 'egress: [] without policyTypes adds no Egress', policies: [np('prod/p', { podSelector: app('client'), ingress: [{}], egress: [] })], src: 'prod/client', dst: 'ops/plain', expect: 'allowed', egress: 'not-isolated' },
  { rule: 'policyTypes [Egress] ignores ingress rules and leaves ingress open', policies: [np('prod/p', { podSelector: app('web'), policyTypes: ['Egress'], ingress: [{ from: [{ podSelector: app('db') }] }] })], src: 'prod/client', dst: 'prod/web', expect: 'allowed', ingress: 'not-isolated' },
  { rule: 'policyTypes [Egress] with no egress rules denies all egress', policies: [np('prod/p', { podSelector: app('web'), policyTypes: ['Egress'] })], src: 'prod/web', dst: 'prod/db', expect: 'denied', egress: 'no-rule-matched' },
  { rule: 'policyTypes [Ingress] ignores egress rules', policies: [np('prod/p', { podSelector: app('web'), policyTypes: ['Ingress'], ingress: [{}], egress: [{ to: [{ ipBlock: { cidr: '1.1.1.1/32' } }] }] })], src: 'prod/web', dst: '8.8.8.8', expect: 'allowed', egress: 'not-isolated' },
]);

const fromClients = np('prod/from-clients', {
  podSelector: app('web'),
  ingress: [{ from: [{ podSelector: app('client') }] }],
});
const fromMonitoring = np('prod/from-monitoring', {
  podSelector: app('web'),
  ingress: [
    {
      from: [
        {
          namespaceSelector: { matchLabels: { team: 'ops' } },
          podSelector: { matchLabels: { role: 'monitoring' } },
        },
      ],
    },
  ],
});
const egressTo = (name: string, target: string) =>
  np(name, {
    podSelector: app('client'),
    policyTypes: ['Egress'],
    egress: [{ to: [{ podSelector: app(target) }] }],
  });
const egressToDb = egressTo('prod/to-db', 'db');
const egressToWeb = egressTo('prod/to-web', 'web');

// prettier-ignore
table('§2.3 isolated once selected; allowed = union of all selecting policies; unselected allows all', [
  { rule: 'a pod no policy selects allows everything', policies: [], src: '203.0.113.7', dst: 'prod/web', expect: 'allowed', egress: 'not-a-pod', ingress: 'not-isolated' },
  { rule: 'union: the first policy allows its source', policies: [fromClients, fromMonitoring], src: 'prod/client', dst: 'prod/web', expect: 'allowed', allowedBy: ['prod/from-clients ingress[0]'] },
  { rule: 'union: the second policy allows its source', policies: [fromClients, fromMonitoring], src: 'ops/monitor', dst: 'prod/web', expect: 'allowed', allowedBy: ['prod/from-monitoring ingress[0]'] },
  { rule: 'union: what neither allows is denied', policies: [fromClients, fromMonitoring], src: 'prod/db', dst: 'prod/web', expect: 'denied' },
  { rule: 'union: a deny-all policy takes nothing away', policies: [denyAllProd, fromClients], src: 'prod/client', dst: 'prod/web', expect: 'allowed' },
  { rule: 'same for egress: the first egress policy allows', policies: [egressToDb, egressToWeb], src: 'prod/client', dst: 'prod/db', port: 5432, expect: 'allowed', allowedBy: ['prod/to-db egress[0]'] },
  { rule: 'same for egress: the second egress policy allows', policies: [egressToDb, egressToWeb], src: 'prod/client', dst: 'prod/web', expect: 'allowed', allowedBy: ['prod/to-web egress[0]'] },
  { rule: 'same for egress: what neither allows is denied', policies: [egressToDb, egressToWeb], src: 'prod/client', dst: 'ops/plain', expect: 'denied' },
  { rule: 'an egress-only policy does not isolate for ingress', policies: [egressToDb], src: 'ops/plain', dst: 'prod/client', expect: 'allowed', ingress: 'not-isolated' },
]);

// prettier-ignore
table('§2.4 ingress: [{}] allows all; type Ingress with no rules denies all', [
  { rule: 'ingress: [{}] allows pods of any namespace', policies: [np('prod/p', { podSelector: {}, ingress: [{}] })], src: 'bare/thing', dst: 'prod/web', expect: 'allowed', allowedBy: ['prod/p ingress[0]'] },
  { rule: 'ingress: [{}] allows external addresses', policies: [np('prod/p', { podSelector: {}, ingress: [{}] })], src: '203.0.113.7', dst: 'prod/web', port: 12345, expect: 'allowed' },
  { rule: 'ingress: [] with type Ingress denies all', policies: [np('prod/p', { podSelector: {}, policyTypes: ['Ingress'], ingress: [] })], src: 'prod/client', dst: 'prod/web', expect: 'denied' },
  { rule: 'ingress absent with type Ingress denies all', policies: [np('prod/p', { podSelector: {}, policyTypes: ['Ingress'] })], src: '203.0.113.7', dst: 'prod/web', expect: 'denied' },
  { rule: 'egress: [{}] allows all egress', policies: [np('prod/p', { podSelector: {}, egress: [{}] })], src: 'prod/web', dst: '8.8.8.8', port: 443, expect: 'allowed' },
  { rule: 'type Egress with no rules denies all egress, DNS included', policies: [np('prod/p', { podSelector: {}, policyTypes: ['Egress'] })], src: 'prod/web', dst: 'ops/plain', port: 53, protocol: 'UDP', expect: 'denied' },
]);

describe('isolation(pod)', () => {
  const index = new PolicyIndex([fromClients, egressToDb, denyAllProd]);
  const pods = new Map(
    BASE.filter((o): o is SlimPod => o.kind === 'Pod').map((p) => [objectKey(p), p]),
  );
  const iso = (key: string) => isolation(index, pods.get(key) as SlimPod);
  it('lists the policies isolating a pod, per direction', () => {
    expect(iso('prod/web')).toEqual({
      pod: 'prod/web',
      hostNetwork: false,
      ingress: { isolated: true, policies: ['prod/deny-all', 'prod/from-clients'] },
      egress: { isolated: false, policies: [] },
    });
    expect(iso('prod/client').egress).toEqual({ isolated: true, policies: ['prod/to-db'] });
  });
  it('a pod of another namespace is not isolated', () => {
    expect(iso('dev/web').ingress).toEqual({ isolated: false, policies: [] });
  });
  it('a hostNetwork pod is never isolated, though the selecting policies are listed', () => {
    expect(iso('prod/hostnet')).toMatchObject({
      hostNetwork: true,
      ingress: { isolated: false, policies: ['prod/deny-all'] },
      egress: { isolated: false, policies: ['prod/to-db'] },
    });
  });
});
