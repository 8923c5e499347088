/**
 * DOMAIN.md §2, sentences 8-9: both sides must allow; replies are implicit;
 * external sources and SNAT (a node IP with externalTrafficPolicy Cluster,
 * the client IP with Local); and the exceptions the Kubernetes docs state (a
 * pod cannot block itself, nor its own node; hostNetwork pods are the node).
 */
import { describe, expect, it } from 'vitest';
import { verdictText } from '../../src/index.js';
import { check, table } from './base.js';
import { np } from './world.js';

const clientToDbOnly = np('prod/client-out', {
  podSelector: { matchLabels: { app: 'client' } },
  policyTypes: ['Egress'],
  egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }],
});
const webOpen = np('prod/web-open', {
  podSelector: { matchLabels: { app: 'web' } },
  ingress: [{}],
});
const webClosed = np('prod/web-closed', { podSelector: { matchLabels: { app: 'web' } } });
const webSilent = np('prod/web-silent', {
  podSelector: { matchLabels: { app: 'web' } },
  policyTypes: ['Egress'],
});
const webFromClients = np('prod/web-from-lb', {
  podSelector: { matchLabels: { app: 'web' } },
  ingress: [{ from: [{ ipBlock: { cidr: '203.0.113.0/24' } }] }],
});
const fromClientPods = np('prod/db-from-clients', {
  podSelector: { matchLabels: { app: 'db' } },
  ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }] }],
});
const fromNodes = np('prod/db-from-nodes', {
  podSelector: { matchLabels: { app: 'db' } },
  ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/24' } }] }],
});
const denyAll = np('prod/deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

// prettier-ignore
table('§2.8 allowed iff the source egress allows AND the destination ingress allows', [
  { rule: 'egress needs its own allowance', policies: [clientToDbOnly, webOpen], src: 'prod/client', dst: 'prod/web', expect: 'denied', egress: 'no-rule-matched', ingress: 'allowed-by-rule' },
  { rule: 'ingress needs its own allowance', policies: [webClosed], src: 'prod/client', dst: 'prod/web', expect: 'denied', egress: 'not-isolated', ingress: 'no-rule-matched' },
  { rule: 'both sides allow', policies: [clientToDbOnly, fromClientPods], src: 'prod/client', dst: 'prod/db', expect: 'allowed', allowedBy: ['prod/client-out egress[0]', 'prod/db-from-clients ingress[0]'] },
  { rule: 'replies are implicit: a destination that may send nothing still accepts', policies: [webSilent], src: 'prod/client', dst: 'prod/web', expect: 'allowed', ingress: 'not-isolated' },
  { rule: 'a pod cannot block access to itself', policies: [denyAll], src: 'prod/web', dst: 'prod/web', expect: 'allowed', egress: 'no-rule-matched', ingress: 'no-rule-matched' },
  { rule: 'between two IPs no policy applies', policies: [denyAll], src: '203.0.113.7', dst: '198.51.100.1', expect: 'allowed', egress: 'not-a-pod', ingress: 'not-a-pod' },
]);

// prettier-ignore
table('§2.9 external traffic and SNAT', [
  { rule: 'externalTrafficPolicy Local: the pod sees the client IP, the ipBlock allows it', policies: [webFromClients], src: '203.0.113.7', dst: 'prod/web', expect: 'allowed' },
  { rule: 'externalTrafficPolicy Cluster: the pod sees a node IP, the same ipBlock denies it', policies: [webFromClients], src: '192.168.0.12@n2', dst: 'prod/web', expect: 'denied', ingress: 'no-rule-matched' },
  { rule: 'traffic from the pod own node is always allowed', policies: [webFromClients], src: '192.168.0.11@n1', dst: 'prod/web', expect: 'allowed', ingress: 'resident-node' },
  { rule: 'a hostNetwork pod is not matched by pod selectors', policies: [fromClientPods], src: 'prod/hostnet', dst: 'prod/db', expect: 'denied' },
  { rule: 'a hostNetwork pod is matched by an ipBlock on its node IP', policies: [fromClientPods, fromNodes], src: 'prod/hostnet', dst: 'prod/db', expect: 'allowed', allowedBy: ['prod/db-from-nodes ingress[0]'] },
  { rule: 'a hostNetwork pod reaches pods of its own node', policies: [denyAll], src: 'prod/hostnet', dst: 'prod/web', expect: 'allowed', ingress: 'resident-node' },
  { rule: 'policies do not apply to a hostNetwork pod', policies: [denyAll], src: 'prod/hostnet', dst: '8.8.8.8', expect: 'allowed', egress: 'host-network' },
]);

describe('verdict reasons', () => {
  it('say which policies isolate each side and which rule decided, or that none did', () => {
    const v = check({
      rule: '',
      policies: [clientToDbOnly, webOpen],
      src: 'prod/client',
      dst: 'prod/web',
      expect: 'denied',
    });
    expect(v).toMatchObject({
      verdict: 'denied',
      byPolicy: 'denied',
      loopback: false,
      port: 80,
      protocol: 'TCP',
      egress: {
        pod: 'prod/client',
        isolated: true,
        policies: ['prod/client-out'],
        allowedBy: [],
        allowed: false,
      },
      ingress: {
        pod: 'prod/web',
        isolated: true,
        policies: ['prod/web-open'],
        allowedBy: [{ policy: 'prod/web-open', direction: 'ingress', ruleIndex: 0 }],
        allowed: true,
      },
    });
    expect(verdictText(v)).toBe(
      'Denied on TCP/80. egress: pod prod/client is isolated by prod/client-out and no rule allows this traffic. ingress: pod prod/web is isolated by prod/web-open; allowed by prod/web-open ingress[0].',
    );
  });
  it('name the near misses: rules whose peer matched but not the port', () => {
    const p = np('prod/p', {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [{ ports: [{ port: 443 }] }],
    });
    const v = check({
      rule: '',
      policies: [p],
      src: 'prod/client',
      dst: 'prod/web',
      port: 80,
      expect: 'denied',
    });
    expect(v.ingress.portMismatch).toEqual([
      { policy: 'prod/p', direction: 'ingress', ruleIndex: 0 },
    ]);
    expect(verdictText(v)).toContain('prod/p ingress[0] match the peer but not the port');
  });
  it('keep what the policies say apart from the loopback exception', () => {
    const v = check({
      rule: '',
      policies: [denyAll],
      src: 'prod/web',
      dst: 'prod/web',
      expect: 'allowed',
    });
    expect([v.verdict, v.byPolicy, v.loopback]).toEqual(['allowed', 'denied', true]);
    expect(verdictText(v)).toContain('cannot block access to itself');
  });
});
