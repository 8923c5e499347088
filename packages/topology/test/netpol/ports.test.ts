/**
 * DOMAIN.md §2, sentence 7: ports[] with protocol (TCP by default), number or
 * name (resolved on the destination pod), endPort ranges.
 */
import { table } from './base.js';
import { np } from './world.js';

const web = { matchLabels: { app: 'web' } };
const ingressPorts = (ports: unknown[]) => np('prod/p', { podSelector: web, ingress: [{ ports }] });
const egressFrom = (app: string, to: unknown[], ports: unknown[]) =>
  np('prod/out', {
    podSelector: { matchLabels: { app } },
    policyTypes: ['Egress'],
    egress: [{ to, ports }],
  });
const anyWeb = [{ namespaceSelector: {}, podSelector: web }];
const anyPod = [{ namespaceSelector: {} }];
const range = [{ port: 8000, endPort: 8080 }];

// prettier-ignore
table('§2.7 ports: protocol (TCP default), number or named port, endPort', [
  { rule: 'protocol defaults to TCP (TCP allowed)', policies: [ingressPorts([{ port: 514 }])], src: 'prod/client', dst: 'prod/web', port: 514, expect: 'allowed' },
  { rule: 'protocol defaults to TCP (UDP on the same port denied)', policies: [ingressPorts([{ port: 514 }])], src: 'prod/client', dst: 'prod/web', port: 514, protocol: 'UDP', expect: 'denied' },
  { rule: 'a UDP entry allows UDP', policies: [ingressPorts([{ port: 514, protocol: 'UDP' }])], src: 'prod/client', dst: 'prod/web', port: 514, protocol: 'UDP', expect: 'allowed' },
  { rule: 'a UDP entry does not allow TCP', policies: [ingressPorts([{ port: 514, protocol: 'UDP' }])], src: 'prod/client', dst: 'prod/web', port: 514, expect: 'denied' },
  { rule: 'an SCTP entry allows SCTP', policies: [ingressPorts([{ port: 3868, protocol: 'SCTP' }])], src: 'prod/client', dst: 'prod/web', port: 3868, protocol: 'SCTP', expect: 'allowed' },
  { rule: 'an SCTP entry does not allow TCP', policies: [ingressPorts([{ port: 3868, protocol: 'SCTP' }])], src: 'prod/client', dst: 'prod/web', port: 3868, expect: 'denied' },
  { rule: 'a protocol without port allows every port of that protocol', policies: [ingressPorts([{ protocol: 'UDP' }])], src: 'prod/client', dst: 'prod/web', port: 9999, protocol: 'UDP', expect: 'allowed' },
  { rule: 'a protocol without port allows no other protocol', policies: [ingressPorts([{ protocol: 'UDP' }])], src: 'prod/client', dst: 'prod/web', port: 9999, expect: 'denied' },
  { rule: 'a numeric port matches exactly', policies: [ingressPorts([{ port: 8080 }])], src: 'prod/client', dst: 'prod/web', port: 8081, expect: 'denied' },
  { rule: 'named port resolves on destination (ingress)', policies: [ingressPorts([{ port: 'http' }])], src: 'prod/client', dst: 'prod/web', port: 8080, expect: 'allowed' },
  { rule: 'named port allows only its resolved number', policies: [ingressPorts([{ port: 'http' }])], src: 'prod/client', dst: 'prod/web', port: 9090, expect: 'denied' },
  { rule: 'named port resolves with matching protocol (a UDP name)', policies: [ingressPorts([{ port: 'syslog', protocol: 'UDP' }])], src: 'prod/client', dst: 'prod/web', port: 514, protocol: 'UDP', expect: 'allowed' },
  { rule: 'named port with the wrong protocol resolves to nothing', policies: [ingressPorts([{ port: 'syslog' }])], src: 'prod/client', dst: 'prod/web', port: 514, protocol: 'UDP', expect: 'denied' },
  { rule: 'an unresolved name matches nothing', policies: [ingressPorts([{ port: 'nope' }])], src: 'prod/client', dst: 'prod/web', port: 8080, expect: 'denied' },
  { rule: 'named port resolves per destination pod (egress, one destination)', policies: [egressFrom('client', anyWeb, [{ port: 'http' }])], src: 'prod/client', dst: 'prod/web', port: 8080, expect: 'allowed' },
  { rule: 'named port resolves per destination pod (egress, another number)', policies: [egressFrom('client', anyWeb, [{ port: 'http' }])], src: 'prod/client', dst: 'dev/web', port: 8081, expect: 'allowed' },
  { rule: 'named port resolves per destination pod (not the other pod number)', policies: [egressFrom('client', anyWeb, [{ port: 'http' }])], src: 'prod/client', dst: 'dev/web', port: 8080, expect: 'denied' },
  { rule: 'named port in egress resolves on the destination, not the source', policies: [egressFrom('web', anyPod, [{ port: 'http' }])], src: 'prod/web', dst: 'dev/web', port: 8080, expect: 'denied' },
  { rule: 'named port in egress: the destination has the name', policies: [egressFrom('web', anyPod, [{ port: 'pg' }])], src: 'prod/web', dst: 'prod/db', port: 5432, expect: 'allowed' },
  { rule: 'named port towards an IP destination matches nothing', policies: [egressFrom('client', [{ ipBlock: { cidr: '0.0.0.0/0' } }], [{ port: 'http' }])], src: 'prod/client', dst: '203.0.113.7', port: 8080, expect: 'denied' },
  { rule: 'endPort range inclusive (start)', policies: [ingressPorts(range)], src: 'prod/client', dst: 'prod/web', port: 8000, expect: 'allowed' },
  { rule: 'endPort range inclusive (end)', policies: [ingressPorts(range)], src: 'prod/client', dst: 'prod/web', port: 8080, expect: 'allowed' },
  { rule: 'endPort range: one past the end is denied', policies: [ingressPorts(range)], src: 'prod/client', dst: 'prod/web', port: 8081, expect: 'denied' },
  { rule: 'endPort range: one before the start is denied', policies: [ingressPorts(range)], src: 'prod/client', dst: 'prod/web', port: 7999, expect: 'denied' },
  { rule: 'endPort range keeps its protocol', policies: [ingressPorts([{ port: 8000, endPort: 8080, protocol: 'UDP' }])], src: 'prod/client', dst: 'prod/web', port: 8040, expect: 'denied' },
  { rule: 'endPort below port is invalid and matches nothing', policies: [ingressPorts([{ port: 8080, endPort: 8000 }])], src: 'prod/client', dst: 'prod/web', port: 8080, expect: 'denied' },
  { rule: 'endPort with a named port is invalid and matches nothing', policies: [ingressPorts([{ port: 'http', endPort: 9000 }])], src: 'prod/client', dst: 'prod/web', port: 8080, expect: 'denied' },
]);
