/**
 * DOMAIN.md §2, sentences 5-6: a rule is any peer AND any port; an empty
 * `from` is every source; what each kind of peer matches.
 */
import { table } from './base.js';
import { np } from './world.js';

const ingressFrom = (from: unknown[] | null | undefined, ports?: unknown[]) =>
  np('prod/p', {
    podSelector: { matchLabels: { app: 'web' } },
    ingress: [{ ...(from === undefined ? {} : { from }), ...(ports ? { ports } : {}) }],
  });
const clients = { podSelector: { matchLabels: { app: 'client' } } };
const p8080 = [{ port: 8080 }];

// prettier-ignore
table('§2.5 a rule allows traffic matching any of its peers AND any of its ports', [
  { rule: 'peer and port both match', policies: [ingressFrom([clients], p8080)], src: 'prod/client', dst: 'prod/web', port: 8080, expect: 'allowed', allowedBy: ['prod/p ingress[0]'] },
  { rule: 'peer matches, port does not: denied (a near miss)', policies: [ingressFrom([clients], p8080)], src: 'prod/client', dst: 'prod/web', port: 9090, expect: 'denied', ingress: 'no-rule-matched' },
  { rule: 'port matches, peer does not: denied', policies: [ingressFrom([clients], p8080)], src: 'prod/db', dst: 'prod/web', port: 8080, expect: 'denied' },
  { rule: 'any of the ports', policies: [ingressFrom([clients], [{ port: 8080 }, { port: 9090 }])], src: 'prod/client', dst: 'prod/web', port: 9090, expect: 'allowed' },
  { rule: 'no ports listed = all ports', policies: [ingressFrom([clients])], src: 'prod/client', dst: 'prod/web', port: 31337, expect: 'allowed' },
  { rule: 'ports: [] = all ports', policies: [ingressFrom([clients], [])], src: 'prod/client', dst: 'prod/web', port: 31337, expect: 'allowed' },
  { rule: 'empty from = every source (a pod of another namespace)', policies: [ingressFrom([])], src: 'bare/thing', dst: 'prod/web', expect: 'allowed' },
  { rule: 'empty from = every source (an external address)', policies: [ingressFrom([])], src: '203.0.113.7', dst: 'prod/web', expect: 'allowed' },
  { rule: 'from: null = every source', policies: [ingressFrom(null)], src: 'ops/plain', dst: 'prod/web', expect: 'allowed' },
  { rule: 'absent from = every source, ports still apply', policies: [ingressFrom(undefined, p8080)], src: '203.0.113.7', dst: 'prod/web', port: 8080, expect: 'allowed' },
  { rule: 'absent from = every source, ports still apply (other port denied)', policies: [ingressFrom(undefined, p8080)], src: '203.0.113.7', dst: 'prod/web', port: 22, expect: 'denied' },
]);

const teamOps = { namespaceSelector: { matchLabels: { team: 'ops' } } };
const monitoring = { podSelector: { matchLabels: { role: 'monitoring' } } };
const nsExpr = (key: string, operator: string, values?: string[]) => ({
  namespaceSelector: { matchExpressions: [{ key, operator, values }] },
});
const podExpr = (key: string, operator: string) => ({
  podSelector: { matchExpressions: [{ key, operator }] },
});
const block = (cidr: string, except?: string[]) => ({ ipBlock: { cidr, except } });

// prettier-ignore
table('§2.6 peers: podSelector, namespaceSelector, both (AND), separate (OR), full LabelSelectors', [
  { rule: 'podSelector alone = pods of the policy namespace', policies: [ingressFrom([clients])], src: 'prod/client', dst: 'prod/web', expect: 'allowed' },
  { rule: 'podSelector alone never matches another namespace', policies: [ingressFrom([clients])], src: 'dev/client', dst: 'prod/web', expect: 'denied' },
  { rule: 'podSelector {} alone = every pod of the policy namespace', policies: [ingressFrom([{ podSelector: {} }])], src: 'prod/nolabel', dst: 'prod/web', expect: 'allowed' },
  { rule: 'podSelector {} alone = no pod of another namespace', policies: [ingressFrom([{ podSelector: {} }])], src: 'dev/client', dst: 'prod/web', expect: 'denied' },
  { rule: 'namespaceSelector alone = all pods in matching namespaces', policies: [ingressFrom([teamOps])], src: 'ops/plain', dst: 'prod/web', expect: 'allowed' },
  { rule: 'namespaceSelector alone excludes other namespaces, its own included', policies: [ingressFrom([teamOps])], src: 'prod/client', dst: 'prod/web', expect: 'denied' },
  { rule: 'namespaceSelector {} = every pod of every namespace', policies: [ingressFrom([{ namespaceSelector: {} }])], src: 'bare/thing', dst: 'prod/web', expect: 'allowed' },
  { rule: 'namespaceSelector {} matches no external address', policies: [ingressFrom([{ namespaceSelector: {} }])], src: '203.0.113.7', dst: 'prod/web', expect: 'denied' },
  { rule: 'namespaceSelector: null is absent (podSelector means the own namespace)', policies: [ingressFrom([{ namespaceSelector: null, ...monitoring }])], src: 'ops/monitor', dst: 'prod/web', expect: 'denied' },
  { rule: 'podSelector and namespaceSelector in one element AND (both match)', policies: [ingressFrom([{ ...teamOps, ...monitoring }])], src: 'ops/monitor', dst: 'prod/web', expect: 'allowed' },
  { rule: 'podSelector and namespaceSelector in one element AND (namespace only)', policies: [ingressFrom([{ ...teamOps, ...monitoring }])], src: 'ops/plain', dst: 'prod/web', expect: 'denied' },
  { rule: 'podSelector and namespaceSelector in one element AND (pod only)', policies: [ingressFrom([{ ...teamOps, ...monitoring }])], src: 'prod/monitor', dst: 'prod/web', expect: 'denied' },
  { rule: 'separate elements OR (the namespace element)', policies: [ingressFrom([teamOps, monitoring])], src: 'ops/plain', dst: 'prod/web', expect: 'allowed' },
  { rule: 'separate elements OR (the pod element, own namespace)', policies: [ingressFrom([teamOps, monitoring])], src: 'prod/monitor', dst: 'prod/web', expect: 'allowed' },
  { rule: 'separate elements OR (neither)', policies: [ingressFrom([teamOps, monitoring])], src: 'dev/client', dst: 'prod/web', expect: 'denied' },
  { rule: 'the automatic kubernetes.io/metadata.name label names a namespace', policies: [ingressFrom([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'bare' } } }])], src: 'bare/thing', dst: 'prod/web', expect: 'allowed' },
  { rule: 'matchExpressions In', policies: [ingressFrom([nsExpr('env', 'In', ['dev', 'qa'])])], src: 'dev/client', dst: 'prod/web', expect: 'allowed' },
  { rule: 'In on a missing key does not match', policies: [ingressFrom([nsExpr('env', 'In', ['dev'])])], src: 'ops/plain', dst: 'prod/web', expect: 'denied' },
  { rule: 'NotIn on a missing key matches', policies: [ingressFrom([nsExpr('team', 'NotIn', ['shop'])])], src: 'bare/thing', dst: 'prod/web', expect: 'allowed' },
  { rule: 'NotIn on a listed value does not match', policies: [ingressFrom([nsExpr('team', 'NotIn', ['shop'])])], src: 'dev/client', dst: 'prod/web', expect: 'denied' },
  { rule: 'Exists', policies: [ingressFrom([podExpr('role', 'Exists')])], src: 'prod/monitor', dst: 'prod/web', expect: 'allowed' },
  { rule: 'DoesNotExist', policies: [ingressFrom([podExpr('app', 'DoesNotExist')])], src: 'prod/nolabel', dst: 'prod/web', expect: 'allowed' },
  { rule: 'DoesNotExist on a present key does not match', policies: [ingressFrom([podExpr('app', 'DoesNotExist')])], src: 'prod/client', dst: 'prod/web', expect: 'denied' },
  { rule: 'a peer with no field is invalid and matches nothing', policies: [ingressFrom([{}])], src: 'prod/client', dst: 'prod/web', expect: 'denied' },
]);

// prettier-ignore
table('§2.6 peers: ipBlock {cidr, except[]} (IPv4 and IPv6)', [
  { rule: 'ipBlock matches an address in its cidr', policies: [ingressFrom([block('203.0.113.0/24')])], src: '203.0.113.7', dst: 'prod/web', expect: 'allowed' },
  { rule: 'ipBlock does not match outside its cidr', policies: [ingressFrom([block('203.0.113.0/24')])], src: '198.51.100.7', dst: 'prod/web', expect: 'denied' },
  { rule: 'except carves out of cidr', policies: [ingressFrom([block('203.0.113.0/24', ['203.0.113.0/28'])])], src: '203.0.113.7', dst: 'prod/web', expect: 'denied' },
  { rule: 'except leaves the rest of cidr', policies: [ingressFrom([block('203.0.113.0/24', ['203.0.113.0/28'])])], src: '203.0.113.77', dst: 'prod/web', expect: 'allowed' },
  { rule: 'ipBlock matches pod IPs (mainstream CNI behaviour)', policies: [ingressFrom([block('10.0.3.0/24')])], src: 'ops/plain', dst: 'prod/web', expect: 'allowed' },
  { rule: 'ipBlock except also carves pod IPs out', policies: [ingressFrom([block('10.0.0.0/8', ['10.0.3.0/24'])])], src: 'ops/plain', dst: 'prod/web', expect: 'denied' },
  { rule: 'IPv6 ipBlock matches an IPv6 address', policies: [ingressFrom([block('2001:db8::/32')])], src: '2001:db8:0:1::7', dst: 'prod/web', expect: 'allowed' },
  { rule: 'IPv6 except carves out', policies: [ingressFrom([block('2001:db8::/32', ['2001:db8:0:1::/64'])])], src: '2001:db8:0:1::7', dst: 'prod/web', expect: 'denied' },
  { rule: 'a dual-stack pod matches by its IPv6 address', policies: [ingressFrom([block('fd00::/64')])], src: 'prod/v6', dst: 'prod/web', expect: 'allowed' },
  { rule: 'an IPv4 address never matches an IPv6 block', policies: [ingressFrom([block('::/0')])], src: '203.0.113.7', dst: 'prod/web', expect: 'denied' },
  { rule: 'an IPv6 address never matches an IPv4 block', policies: [ingressFrom([block('0.0.0.0/0')])], src: '2001:db8::1', dst: 'prod/web', expect: 'denied' },
  { rule: 'an IPv4-mapped IPv6 address is its IPv4 address', policies: [ingressFrom([block('203.0.113.0/24')])], src: '::ffff:203.0.113.7', dst: 'prod/web', expect: 'allowed' },
  { rule: 'an ipBlock beside a selector is invalid and matches nothing', policies: [ingressFrom([{ ...block('0.0.0.0/0'), ...clients }])], src: 'prod/client', dst: 'prod/web', expect: 'denied' },
  { rule: 'an unparsable cidr matches nothing', policies: [ingressFrom([block('203.0.113.0/33')])], src: '203.0.113.7', dst: 'prod/web', expect: 'denied' },
]);
