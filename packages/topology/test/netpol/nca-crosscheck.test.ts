/**
 * The same cyclonus policies as analysed by a second tool, np-guard's
 * network-config-analyzer (corpus nca-crosscheck/): only namespace y, three
 * pods pod-a/b/c (labels pod=a/b/c, owned by DaemonSets a/b/c), and the
 * outside world as IP ranges. Its expected connectivity map lists the allowed
 * connections as rules (`src_pods: [pod!=c]`, `dst_ip_block: [0.0.0.0/0]`,
 * ...); everything else is denied. We check every pod pair and a few
 * external addresses on three protocols against it.
 *
 * Two adjustments, both about the fixture and not the policies: its pod list
 * is a reused dump whose pods are hostNetwork, which the analyzer ignores but
 * Portolan honours (policies do not apply to host-network pods), so the flag
 * is cleared here; and the analyzer leaves a pod's connection to itself out
 * of the map, so self pairs are skipped.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Peer, SlimNamespace, SlimPod } from '../../src/index.js';
import {
  evaluate,
  ipBlockContains,
  ipPeer,
  objectKey,
  PolicyIndex,
  podPeer,
  slim,
} from '../../src/index.js';
import { loadYaml } from '../load.js';
import { corpusFiles, corpusText } from './corpus.js';

const DIR = 'netpol/cyclonus-simple-example/';

interface NcaRule {
  src_ns?: string[];
  src_pods?: string[];
  src_ip_block?: string[];
  dst_ns?: string[];
  dst_pods?: string[];
  dst_ip_block?: string[];
  connection: string[];
}

const items = (file: string) =>
  (JSON.parse(corpusText(`${DIR}nca-crosscheck/input/${file}`)) as { items: unknown[] }).items;
const namespaces = items('cyclonus_ns_list.json').map((i) => slim(i, 'Namespace') as SlimNamespace);
const pods = items('cyclonus_pod_list.json').map((i) => {
  const pod = slim(i, 'Pod') as SlimPod;
  return { ...pod, spec: { ...pod.spec, hostNetwork: false } };
});
const index = new PolicyIndex(
  corpusFiles(`${DIR}input/policies`)
    .flatMap((f) => loadYaml(corpusText(`${DIR}input/policies/${f}`)))
    .filter((o) => o.kind === 'NetworkPolicy'),
);
const [query] = parse(
  corpusText(`${DIR}nca-crosscheck/expected/cyclonus-simple-example-scheme_output.yaml`),
) as { explanation: { rules: NcaRule[] }[] }[];
const rules = query?.explanation.flatMap((e) => e.rules) ?? [];

type End = { peer: Peer; pod?: SlimPod; ip?: string; name: string };
const ends: End[] = [
  ...pods.map((pod) => ({
    pod,
    name: objectKey(pod),
    peer: podPeer(
      pod,
      namespaces.find((n) => n.metadata.name === pod.metadata.namespace)?.metadata.labels,
    ),
  })),
  ...['0.0.0.7', '8.8.8.8', '172.16.0.1'].map((ip) => ({ ip, name: ip, peer: ipPeer(ip) })),
];

function podToken(token: string, pod: SlimPod): boolean {
  const ne = /^(.+)!=(.+)$/.exec(token);
  if (ne) return pod.metadata.labels?.[ne[1] ?? ''] !== ne[2];
  return pod.metadata.ownerReferences?.[0]?.name === token;
}

function covers(side: 'src' | 'dst', rule: NcaRule, end: End): boolean {
  const block = rule[`${side}_ip_block`];
  if (block)
    return (
      end.ip !== undefined && block.some((cidr) => ipBlockContains({ cidr }, end.ip as string))
    );
  const nsList = rule[`${side}_ns`] ?? [];
  const podList = rule[`${side}_pods`];
  if (!end.pod || !nsList.includes(end.pod.metadata.namespace ?? '')) return false;
  return !podList || podList.some((t) => podToken(t, end.pod as SlimPod));
}

describe('network-config-analyzer crosscheck of the cyclonus example', () => {
  it('reads its four allowed-connection rules, all for all connections', () => {
    expect(rules).toHaveLength(4);
    for (const r of rules) expect(r.connection).toEqual(['All connections']);
  });
  const pairs = ends.flatMap((src) =>
    ends.filter((dst) => dst !== src && (src.pod || dst.pod)).map((dst) => [src, dst] as const),
  );
  it.each(pairs.map(([s, d]) => [s.name, d.name, s, d] as const))(
    '%s -> %s as the analyzer says',
    (_s, _d, src, dst) => {
      const expected = rules.some((r) => covers('src', r, src) && covers('dst', r, dst));
      for (const [port, protocol] of [
        [80, 'TCP'],
        [53, 'UDP'],
        [9999, 'SCTP'],
      ] as const) {
        const v = evaluate(index, { src: src.peer, dst: dst.peer, port, protocol });
        expect(v.verdict === 'allowed').toBe(expected);
      }
    },
  );
});
