/**
 * Properties over random small clusters and policies (fast-check):
 * - union: once a pod is isolated in a direction, adding a policy never
 *   takes away what it allowed (and a policy not selecting it changes nothing);
 * - the per-namespace index answers exactly what a scan of all policies would;
 * - the order policies arrive in does not change any verdict;
 * - the incrementality hook is sound: a policy change only changes verdicts
 *   of connections with an affected pod at one end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Peer, Protocol, SlimNetworkPolicy, SlimPod } from '../../src/index.js';
import {
  clusterView,
  evaluate,
  objectKey,
  podPeer,
  podsAffectedByPolicyChange,
  policyHasType,
  PolicyIndex,
  policySelectsPod,
} from '../../src/index.js';
import { np, pod } from './world.js';

const NS_LABELS: Record<string, Record<string, string>> = {
  n1: { team: 'x' },
  n2: { team: 'y' },
  n3: {},
};
const nsArb = fc.constantFrom('n1', 'n2', 'n3');
const labelsArb = fc.record(
  { app: fc.constantFrom('a', 'b'), tier: fc.constantFrom('f', 'b') },
  { requiredKeys: [] },
);
const selectorArb = fc.oneof(
  fc.constant({}),
  labelsArb.map((matchLabels) => ({ matchLabels })),
  fc
    .record({
      key: fc.constantFrom('app', 'tier', 'team'),
      operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'),
      values: fc.subarray(['a', 'b', 'f', 'x']),
    })
    .map((e) => ({
      matchExpressions: [e.operator.endsWith('ists') ? { key: e.key, operator: e.operator } : e],
    })),
);
const cidrArb = fc.constantFrom('10.0.0.0/8', '10.0.1.0/24', '10.0.2.0/23', '0.0.0.0/0');
const peerArb = fc.oneof(
  selectorArb.map((podSelector) => ({ podSelector })),
  selectorArb.map((namespaceSelector) => ({ namespaceSelector })),
  fc
    .tuple(selectorArb, selectorArb)
    .map(([podSelector, namespaceSelector]) => ({ podSelector, namespaceSelector })),
  fc
    .tuple(cidrArb, fc.subarray(['10.0.1.0/25', '10.0.3.1/32']))
    .map(([cidr, except]) => ({ ipBlock: { cidr, except } })),
);
const portArb = fc.record(
  {
    port: fc.constantFrom<number | string>(80, 81, 'http', 'dns'),
    protocol: fc.constantFrom('TCP', 'UDP'),
    endPort: fc.constant(81),
  },
  { requiredKeys: ['port'] },
);
const ruleArb = (key: 'from' | 'to') =>
  fc.record({
    [key]: fc.option(fc.array(peerArb, { maxLength: 2 }), { nil: undefined }),
    ports: fc.option(fc.array(portArb, { maxLength: 2 }), { nil: undefined }),
  });
const policyArb = fc
  .record({
    ns: nsArb,
    name: fc.constantFrom('p1', 'p2', 'p3'),
    podSelector: selectorArb,
    policyTypes: fc.option(fc.subarray(['Ingress', 'Egress'], { minLength: 1 }), {
      nil: undefined,
    }),
    ingress: fc.option(fc.array(ruleArb('from'), { maxLength: 2 }), { nil: undefined }),
    egress: fc.option(fc.array(ruleArb('to'), { maxLength: 2 }), { nil: undefined }),
  })
  .map(({ ns, name, ...spec }) =>
    np(`${ns}/${name}`, JSON.parse(JSON.stringify(spec)) as Record<string, unknown>),
  );
const podsArb = fc
  .array(fc.record({ ns: nsArb, labels: labelsArb, http: fc.constantFrom(80, 81) }), {
    minLength: 1,
    maxLength: 5,
  })
  .map((specs) =>
    specs.map((s, i) =>
      pod(`${s.ns}/pod${i}`, s.labels, {
        ips: [`10.0.${i}.1`],
        ports: [
          ['http', s.http],
          ['dns', 53, 'UDP'],
        ],
      }),
    ),
  );
const PROBES: [number, Protocol][] = [
  [80, 'TCP'],
  [81, 'TCP'],
  [53, 'UDP'],
];

function peers(pods: SlimPod[]): Peer[] {
  return [
    ...pods.map((p) => podPeer(p, NS_LABELS[p.metadata.namespace ?? ''])),
    { kind: 'ip', ip: '10.0.1.9' },
    { kind: 'ip', ip: '192.0.2.1' },
  ];
}
function* connections(pods: SlimPod[]) {
  const ends = peers(pods);
  for (const src of ends)
    for (const dst of ends)
      for (const [port, protocol] of PROBES) yield { src, dst, port, protocol };
}
const keyOf = (p: Peer) => (p.kind === 'pod' ? objectKey(p.pod) : p.ip);

describe('NetworkPolicy engine properties', () => {
  it('union: adding a policy never denies what an already-isolated side allowed', () => {
    fc.assert(
      fc.property(
        podsArb,
        fc.array(policyArb, { maxLength: 4 }),
        policyArb,
        (pods, policies, extra) => {
          const before = new PolicyIndex(policies);
          if (before.get(extra.metadata.namespace ?? '', extra.metadata.name)) return; // a replacement, not an addition
          const after = new PolicyIndex([...policies, extra]);
          for (const q of connections(pods)) {
            const [v0, v1] = [evaluate(before, q), evaluate(after, q)];
            for (const side of ['egress', 'ingress'] as const) {
              if (v0[side].isolated && v0[side].allowed) expect(v1[side].allowed).toBe(true);
              const self = side === 'egress' ? q.src : q.dst;
              const selects =
                self.kind === 'pod' &&
                policySelectsPod(extra, self.pod) &&
                policyHasType(extra, side);
              if (!selects) expect(v1[side].allowed).toBe(v0[side].allowed);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the namespace index finds exactly the policies a scan of all would', () => {
    fc.assert(
      fc.property(
        podsArb,
        fc.array(fc.tuple(policyArb, fc.boolean()), { maxLength: 8 }),
        (pods, ops) => {
          const index = new PolicyIndex();
          const all = new Map<string, SlimNetworkPolicy>();
          for (const [p, remove] of ops) {
            if (remove) {
              index.remove(p.metadata.namespace ?? '', p.metadata.name);
              all.delete(objectKey(p));
            } else {
              index.upsert(p);
              all.set(objectKey(p), p);
            }
          }
          expect(index.size).toBe(all.size);
          for (const p of pods) {
            for (const dir of ['ingress', 'egress'] as const) {
              const scan = [...all.values()]
                .filter((x) => policySelectsPod(x, p) && policyHasType(x, dir))
                .map((x) => objectKey(x))
                .sort();
              expect(index.selecting(p, dir).map((x) => objectKey(x))).toEqual(scan);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the order policies arrive in changes no verdict', () => {
    fc.assert(
      fc.property(podsArb, fc.array(policyArb, { maxLength: 4 }), (pods, policies) => {
        const forward = new PolicyIndex(policies);
        const backward = new PolicyIndex(
          [...policies]
            .reverse()
            .filter((p) => forward.get(p.metadata.namespace ?? '', p.metadata.name) === p),
        );
        for (const q of connections(pods))
          expect(evaluate(backward, q)).toEqual(evaluate(forward, q));
      }),
      { numRuns: 100 },
    );
  });

  it('a policy change only changes connections with an affected pod at one end', () => {
    fc.assert(
      fc.property(
        podsArb,
        fc.array(policyArb, { maxLength: 3 }),
        fc.option(policyArb, { nil: undefined }),
        policyArb,
        fc.boolean(),
        (pods, others, maybeBefore, next, deleted) => {
          const ns = next.metadata.namespace ?? '';
          const before = maybeBefore && {
            ...maybeBefore,
            metadata: { ...maybeBefore.metadata, namespace: ns, name: next.metadata.name },
          };
          const after = deleted ? undefined : next;
          const base = others.filter((p) => objectKey(p) !== objectKey(next));
          const old = new PolicyIndex(before ? [...base, before] : base);
          const now = new PolicyIndex(after ? [...base, after] : base);
          const affected = new Set(
            podsAffectedByPolicyChange(before, after, clusterView({ pods })).map((p) =>
              objectKey(p),
            ),
          );
          for (const q of connections(pods)) {
            if (evaluate(old, q).verdict === evaluate(now, q).verdict) continue;
            expect(affected.has(keyOf(q.src)) || affected.has(keyOf(q.dst))).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
