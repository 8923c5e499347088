/**
 * ahmetb/kubernetes-network-policy-recipes (shared/corpus/netpol/netpol-recipes):
 * each recipe's YAML, read from its markdown as written, against what the
 * recipe says happens in its "Try it out" section (quoted in each case).
 * The pods are the recipe's `kubectl run` commands: `--labels` as given, or
 * the default `run=<name>` label. Recipe 14's prose claims the pod still
 * reaches `web`, but its own policy allows only DNS: as the corpus README
 * says, we trust the YAML (the case says so).
 */
import { describe, expect, it } from 'vitest';
import type { Labels, Protocol, SlimNetworkPolicy, SlimObject } from '../../src/index.js';
import { corpusFiles, corpusText } from './corpus.js';
import { fencedBlocks, fragmentsIn, policiesIn } from './markdown.js';
import { np, ns, pod, World } from './world.js';

const DIR = 'netpol/netpol-recipes/';
const md = (file: string) => corpusText(`${DIR}${file}`);
const yamlOf = (file: string) => policiesIn(md(file));

type Case = [
  says: string,
  src: string,
  dst: string,
  port: number,
  expect: 'allowed' | 'denied',
  protocol?: Protocol,
];
const covered = new Set<string>();

function recipe(
  file: string,
  title: string,
  objects: SlimObject[],
  policies: SlimNetworkPolicy[],
  cases: Case[],
): void {
  covered.add(file);
  describe(`${file}: ${title}`, () => {
    const world = new World([...NAMESPACES, ...objects, ...policies]);
    it.each(cases)('%s: %s -> %s:%i is %s', (_says, src, dst, port, expected, protocol) => {
      expect(world.check(src, dst, port, protocol).verdict).toBe(expected);
    });
  });
}

const NAMESPACES = [
  ...['default', 'foo', 'secondary', 'bar', 'kube-system'].map((n) => ns(n)),
  ns('dev', { purpose: 'testing' }),
  ns('prod', { purpose: 'production' }),
  ns('other', { team: 'operations' }),
];
/** `kubectl run <name> --labels=...` in `namespace`; without --labels, run=<name>. */
const run = (key: string, labels?: Labels, ports?: [string | undefined, number, Protocol?][]) =>
  pod(key, labels ?? { run: key.split('/')[1] ?? '' }, { ports: ports ?? [] });
const web = run('default/web', { app: 'web' }, [[undefined, 80]]);
const kubeDns = run('kube-system/kube-dns', { 'k8s-app': 'kube-dns' }, [
  ['dns', 53, 'UDP'],
  ['dns-tcp', 53, 'TCP'],
]);
const foo = run('default/foo', { app: 'foo' });
const EXAMPLE_COM = '93.184.216.34';
const EXT = '203.0.113.7';
const f01 = '01-deny-all-traffic-to-an-application.md';
const f03 = '03-deny-all-non-whitelisted-traffic-in-the-namespace.md';
const f05 = '05-allow-traffic-from-all-namespaces.md';
const f07 = '07-allow-traffic-from-some-pods-in-another-namespace.md';
const f08 = '08-allow-external-traffic.md';
const f09 = '09-allow-traffic-only-to-a-port.md';
const f11 = '11-deny-egress-traffic-from-an-application.md';
const webPolicy = (key: string, rest: Record<string, unknown>) =>
  np(key, { podSelector: { matchLabels: { app: 'web' } }, ...rest });

// prettier-ignore
recipe(f01, 'DENY all traffic to an application', [web, run('default/test')], [], [['It works (before the policy)', 'default/test', 'default/web', 80, 'allowed']]);
// prettier-ignore
recipe(f01, 'DENY all traffic to an application', [web, run('default/test')], yamlOf(f01), [['Traffic dropped!', 'default/test', 'default/web', 80, 'denied']]);

// prettier-ignore
recipe('02-limit-traffic-to-an-application.md', 'LIMIT traffic to an application', [run('default/apiserver', { app: 'bookstore', role: 'api' }, [[undefined, 80]]), run('default/test'), run('default/frontend', { app: 'bookstore', role: 'frontend' })], yamlOf('02-limit-traffic-to-an-application.md'), [
  ['Traffic is blocked! (a Pod without the app=bookstore label)', 'default/test', 'default/apiserver', 80, 'denied'],
  ['Traffic is allowed. (a Pod with the app=bookstore label)', 'default/frontend', 'default/apiserver', 80, 'allowed'],
]);

// prettier-ignore
recipe('02a-allow-all-traffic-to-an-application.md', 'ALLOW all traffic to an application, web-deny-all applied too', [web, run('default/test'), run('secondary/test')], [...yamlOf('02a-allow-all-traffic-to-an-application.md'), ...yamlOf(f01)], [
  ['Traffic is allowed.', 'default/test', 'default/web', 80, 'allowed'],
  ['allow all traffic to it from its namespace and other namespaces', 'secondary/test', 'default/web', 80, 'allowed'],
]);

const deny03 = (rest: Record<string, unknown>) =>
  np('default/default-deny-all', { podSelector: {}, ...rest });
for (const [variant, policies] of [
  ['as written', yamlOf(f03)],
  ['"you can just omit the ingress field"', [deny03({})]],
  ['"or leave it empty like `ingress:`"', [deny03({ ingress: null })]],
] as const) {
  // prettier-ignore
  recipe(f03, `DENY all non-whitelisted traffic to a namespace, ${variant}`, [web, run('default/test'), run('foo/test')], [...policies], [
    ['incoming traffic to be dropped to the selected (=all) pods', 'default/test', 'default/web', 80, 'denied'],
    ['incoming traffic to be dropped (from another namespace too)', 'foo/test', 'default/web', 80, 'denied'],
    ['enforced to ALL pods in the default namespace (and only there)', 'default/web', 'foo/test', 80, 'allowed'],
  ]);
}

// prettier-ignore
recipe('04-deny-traffic-from-other-namespaces.md', 'DENY all traffic from other namespaces', [web, run('default/test'), run('foo/test')], yamlOf('04-deny-traffic-from-other-namespaces.md'), [
  ['It blocks the traffic from foo namespace!', 'foo/test', 'default/web', 80, 'denied'],
  ['Any pod in default namespace should work fine', 'default/test', 'default/web', 80, 'allowed'],
]);

// prettier-ignore
recipe(f05, 'ALLOW traffic to an application from all namespaces', [web, run('secondary/test'), run('bar/test')], yamlOf(f05), [
  ['query this web service ... from secondary: <!DOCTYPE html>', 'secondary/test', 'default/web', 80, 'allowed'],
  ['it also works if you query it from any pod deployed to bar', 'bar/test', 'default/web', 80, 'allowed'],
]);
// prettier-ignore
recipe(f05, 'variant: "if you omit specifying a namespaceSelector"', [web, run('secondary/test'), run('default/test')], [webPolicy('default/web-allow-all-namespaces', { ingress: [{ from: [{ podSelector: {} }] }] })], [
  ['it does not select any namespaces', 'secondary/test', 'default/web', 80, 'denied'],
  ['allow traffic only from the namespace the NetworkPolicy is deployed to', 'default/test', 'default/web', 80, 'allowed'],
]);
// prettier-ignore
recipe(f05, 'variant: "Dropping all selectors from the spec.ingress.from item"', [web, run('secondary/test')], [webPolicy('default/web-allow-all-namespaces', { ingress: [{ from: null }] })], [
  ['has the same effect of matching all pods in all namespaces', 'secondary/test', 'default/web', 80, 'allowed'],
]);

// prettier-ignore
recipe('06-allow-traffic-from-a-namespace.md', 'ALLOW all traffic from a namespace', [web, run('dev/test'), run('prod/test')], yamlOf('06-allow-traffic-from-a-namespace.md'), [
  ['Query this web server from dev namespace, observe it is blocked', 'dev/test', 'default/web', 80, 'denied'],
  ['Query it from prod namespace, observe it is allowed', 'prod/test', 'default/web', 80, 'allowed'],
]);

const pods07 = [
  web,
  run('default/test'),
  run('default/monitoring', { type: 'monitoring' }),
  run('other/test'),
  run('other/monitoring', { type: 'monitoring' }),
];
// prettier-ignore
recipe(f07, 'ALLOW traffic from some pods in another namespace (one element: AND)', pods07, yamlOf(f07), [
  ['from default namespace, *without* labelling the application ... blocked', 'default/test', 'default/web', 80, 'denied'],
  ['from default namespace, labelling the application type=monitoring ... blocked', 'default/monitoring', 'default/web', 80, 'denied'],
  ['from other namespace, *without* labelling the application ... blocked', 'other/test', 'default/web', 80, 'denied'],
  ['from other namespace ... labelling the application type=monitoring ... allowed', 'other/monitoring', 'default/web', 80, 'allowed'],
]);
// prettier-ignore
recipe(f07, 'the remark: "that example below is OR condition" (two elements)', pods07, [webPolicy('default/web-allow-all-ns-monitoring', fragmentsIn(md(f07))[0] ?? {})], [
  ['see remark below how to use OR ..., so this example will work as well', 'other/test', 'default/web', 80, 'allowed'],
  ['OR: pods with type=monitoring of the policy namespace', 'default/monitoring', 'default/web', 80, 'allowed'],
  ['OR: neither element', 'default/test', 'default/web', 80, 'denied'],
]);

// prettier-ignore
recipe(f08, 'ALLOW traffic from external clients, in a namespace denying all', [web], [...yamlOf(f08), ...yamlOf(f03)], [
  ['Visit the http://[EXTERNAL-IP] ... again and verify it still works', EXT, 'default/web', 80, 'allowed'],
]);
// prettier-ignore
recipe(f08, 'the remark: "To restrict external access only to port 80"', [web], [webPolicy('default/web-allow-external', fragmentsIn(md(f08))[0] ?? {})], [
  ['only to port 80 (80)', EXT, 'default/web', 80, 'allowed'],
  ['only to port 80 (443)', EXT, 'default/web', 443, 'denied'],
]);

// prettier-ignore
recipe(f09, 'ALLOW traffic only to a port of an application', [run('default/apiserver', { app: 'apiserver' }, [['http', 8000], ['metrics', 5000]]), run('default/test'), run('default/monitoring', { role: 'monitoring' })], yamlOf(f09), [
  ['Run a pod with no custom labels, observe the traffic to ports 5000 ... blocked', 'default/test', 'default/apiserver', 5000, 'denied'],
  ['Run a pod with no custom labels, observe the traffic to ports ... 8000 are blocked', 'default/test', 'default/apiserver', 8000, 'denied'],
  ['Run a pod with role=monitoring label, observe the traffic to port 5000 is allowed', 'default/monitoring', 'default/apiserver', 5000, 'allowed'],
  ['but port 8000 is still not accessible', 'default/monitoring', 'default/apiserver', 8000, 'denied'],
]);
const [namedIngress, podSpec] = fragmentsIn(md(f09));
const specPorts = (
  (podSpec?.containers ?? []) as { ports: { name: string; containerPort: number }[] }[]
).flatMap((c) => c.ports.map((p): [string, number] => [p.name, p.containerPort]));
// prettier-ignore
recipe(f09, 'the named port example, on the pod spec it shows', [run('default/apiserver', { app: 'apiserver' }, [...specPorts, ['http', 8000]]), run('default/test')], [np('default/api-allow-5000', { podSelector: { matchLabels: { app: 'apiserver' } }, ...namedIngress })], [
  ['port: api-port (containerPort 5000)', 'default/test', 'default/apiserver', 5000, 'allowed'],
  ['port: api-port (and not 8000)', 'default/test', 'default/apiserver', 8000, 'denied'],
]);

// prettier-ignore
recipe('10-allowing-traffic-with-multiple-selectors.md', 'ALLOW traffic from apps using multiple selectors', [run('default/db', { app: 'bookstore', role: 'db' }, [[undefined, 6379]]), run('default/search', { app: 'bookstore', role: 'search' }), run('default/api', { app: 'bookstore', role: 'api' }), run('default/catalog', { app: 'inventory', role: 'web' }), run('default/other', { app: 'other' })], yamlOf('10-allowing-traffic-with-multiple-selectors.md'), [
  ['Run a pod that looks like the "catalog" microservice ... open', 'default/catalog', 'default/db', 6379, 'allowed'],
  ['the microservices table: search', 'default/search', 'default/db', 6379, 'allowed'],
  ['the microservices table: api', 'default/api', 'default/db', 6379, 'allowed'],
  ['Pods with labels not matching these microservices will not be able to connect', 'default/other', 'default/db', 6379, 'denied'],
]);

const [denyEgress, denyEgressButDns] = yamlOf(f11);
// prettier-ignore
recipe(f11, 'DENY egress traffic from an application', [web, foo, kubeDns], denyEgress ? [denyEgress] : [], [
  ['The pod is failing to resolve the address (kube-dns)', 'default/foo', 'kube-system/kube-dns', 53, 'denied', 'UDP'],
  ['wget http://web:80/ fails', 'default/foo', 'default/web', 80, 'denied'],
  ['wget http://www.example.com/ fails', 'default/foo', EXAMPLE_COM, 80, 'denied'],
]);
// prettier-ignore
recipe(f11, 'DENY egress traffic from an application, DNS allowed', [web, foo, kubeDns], denyEgressButDns ? [denyEgressButDns] : [], [
  ['we actually see the IP addresses are resolved (53/udp)', 'default/foo', 'kube-system/kube-dns', 53, 'allowed', 'UDP'],
  ['allow all outbound traffic on DNS ports (53/tcp)', 'default/foo', 'kube-system/kube-dns', 53, 'allowed'],
  ['but the traffic is blocked (web)', 'default/foo', 'default/web', 80, 'denied'],
  ['but the traffic is blocked (www.example.com)', 'default/foo', EXAMPLE_COM, 80, 'denied'],
]);

// prettier-ignore
recipe('12-deny-all-non-whitelisted-traffic-from-the-namespace.md', 'DENY all non-whitelisted traffic from a namespace', [web, run('default/test'), run('foo/test'), kubeDns], yamlOf('12-deny-all-non-whitelisted-traffic-from-the-namespace.md'), [
  ['all traffic (including DNS resolution) to be dropped', 'default/test', 'kube-system/kube-dns', 53, 'denied', 'UDP'],
  ['blocking all outgoing (egress) traffic from a namespace (to a pod)', 'default/test', 'default/web', 80, 'denied'],
  ['blocking all outgoing (egress) traffic from a namespace (outside)', 'default/web', EXAMPLE_COM, 443, 'denied'],
  ['from a namespace: pods of other namespaces keep their egress', 'foo/test', EXAMPLE_COM, 443, 'allowed'],
]);

// prettier-ignore
recipe('14-deny-external-egress-traffic.md', 'DENY external egress traffic (the YAML, not the prose)', [web, foo, kubeDns], yamlOf('14-deny-external-egress-traffic.md'), [
  ['allows all outbound traffic on ports 53/udp ... to the kube-dns pods', 'default/foo', 'kube-system/kube-dns', 53, 'allowed', 'UDP'],
  ['... and 53/tcp', 'default/foo', 'kube-system/kube-dns', 53, 'allowed'],
  ['wget http://www.example.com: (connection is blocked)', 'default/foo', EXAMPLE_COM, 80, 'denied'],
  ['TRUST THE YAML: the prose says web is reached "(connection is allowed)", the policy allows only DNS', 'default/foo', 'default/web', 80, 'denied'],
]);

describe('the recipes corpus', () => {
  it('every recipe with YAML has a test above', () => {
    const withYaml = corpusFiles(DIR).filter(
      (f) =>
        f.endsWith('.md') &&
        f !== 'upstream-README.md' &&
        fencedBlocks(md(f)).some((b) => b.lang === 'yaml'),
    );
    expect(withYaml.length).toBe(14);
    expect(withYaml.filter((f) => !covered.has(f))).toEqual([]);
  });
  it('every covered recipe has a NetworkPolicy in its YAML', () => {
    for (const f of covered) expect(yamlOf(f).length).toBeGreaterThan(0);
  });
});
