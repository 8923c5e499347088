/**
 * cyclonus' simple example (shared/corpus/netpol/cyclonus-simple-example):
 * 7 policies in namespace y, 9 pods x/a..z/c each serving TCP 80 and 81.
 * `expected/analyze-probe.txt` is cyclonus' simulated probe for TCP 80, 81
 * and 82, in that order: Ingress, Egress and Combined 9x9 tables (rows are
 * sources, columns destinations; `.` allowed, `X` blocked). For 82, no pod
 * serves the port, so cyclonus prints `N` (invalid port/protocol, not a
 * policy verdict) and `?` (egress not computed). A fourth, empty set of
 * tables follows. Cyclonus' tables are the policies' answer, loopback
 * included; Portolan's final verdict also applies the Kubernetes rule that a
 * pod cannot block access to itself, so it is compared through `byPolicy`,
 * and the diagonal difference is asserted on its own.
 */
import { describe, expect, it } from 'vitest';
import type { Protocol, SlimNamespace, SlimPod, Verdict } from '../../src/index.js';
import { evaluate, objectKey, PolicyIndex, podPeer, slim } from '../../src/index.js';
import { loadYaml } from '../load.js';
import { parseTrafficAnswers, parseTruthTables } from './ascii-tables.js';
import { corpusFiles, corpusText } from './corpus.js';

const DIR = 'netpol/cyclonus-simple-example/';

interface ProbeModel {
  Probes: { Protocol: string; Port: number }[];
  Resources: {
    Namespaces: Record<string, Record<string, string>>;
    Pods: {
      Namespace: string;
      Name: string;
      Labels: Record<string, string>;
      IP: string;
      Containers: { Name: string; Port: number; PortName: string; Protocol: string }[];
    }[];
  };
}

const model = JSON.parse(corpusText(`${DIR}input/probe-model.json`)) as ProbeModel;
const namespaces = Object.entries(model.Resources.Namespaces).map(
  ([name, labels]) => slim({ kind: 'Namespace', metadata: { name, labels } }) as SlimNamespace,
);
const nsLabels = new Map(namespaces.map((n) => [n.metadata.name, n.metadata.labels]));
const pods = model.Resources.Pods.map(
  (p) =>
    slim({
      kind: 'Pod',
      metadata: { name: p.Name, namespace: p.Namespace, labels: p.Labels },
      spec: {
        containers: p.Containers.map((c) => ({
          name: c.Name,
          ports: [{ name: c.PortName, containerPort: c.Port, protocol: c.Protocol.toUpperCase() }],
        })),
      },
      status: { phase: 'Running', podIP: p.IP },
    }) as SlimPod,
);
const policies = corpusFiles(`${DIR}input/policies`).flatMap((f) =>
  loadYaml(corpusText(`${DIR}input/policies/${f}`)),
);
const index = new PolicyIndex(policies.filter((o) => o.kind === 'NetworkPolicy'));
const podByKey = new Map(pods.map((p) => [objectKey(p), p]));
const tables = parseTruthTables(corpusText(`${DIR}expected/analyze-probe.txt`));

function verdict(from: string, to: string, port: number, protocol: Protocol): Verdict {
  const src = podByKey.get(from);
  const dst = podByKey.get(to);
  if (!src || !dst) throw new Error(`unknown pod ${from} or ${to}`);
  return evaluate(index, {
    src: podPeer(src, nsLabels.get(src.metadata.namespace ?? '')),
    dst: podPeer(dst, nsLabels.get(dst.metadata.namespace ?? '')),
    port,
    protocol,
  });
}

const serves = (pod: SlimPod, port: number, protocol: Protocol) =>
  pod.spec.containers.some((c) =>
    c.ports.some((p) => p.containerPort === port && p.protocol === protocol),
  );

describe('cyclonus simple example: probe truth tables', () => {
  it('has the 7 policies, 9 pods, and one Ingress/Egress/Combined set per probe', () => {
    expect(index.size).toBe(7);
    expect(pods).toHaveLength(9);
    expect(tables.length).toBeGreaterThanOrEqual(model.Probes.length * 3);
    for (const t of tables.slice(model.Probes.length * 3)) expect(t.cells.size).toBe(0);
  });

  model.Probes.forEach((probe, i) => {
    const protocol = probe.Protocol as Protocol;
    const [ingress, egress, combined] = tables.slice(i * 3, i * 3 + 3);
    const sides = [
      ['Ingress', ingress, (v: Verdict) => v.ingress.allowed],
      ['Egress', egress, (v: Verdict) => v.egress.allowed],
      ['Combined', combined, (v: Verdict) => v.byPolicy === 'allowed'],
    ] as const;
    for (const [title, table, answer] of sides) {
      it(`${protocol}/${probe.Port} ${title}: every one of the 81 cells matches`, () => {
        expect(table?.title).toBe(title);
        const mismatches: string[] = [];
        let compared = 0;
        for (const [from, row] of table?.cells ?? []) {
          for (const [to, cell] of row) {
            const dst = podByKey.get(to);
            if (!dst) throw new Error(`unknown pod ${to}`);
            if (cell === 'N' || cell === '?') {
              // Not a policy verdict: the destination does not serve this port.
              expect(serves(dst, probe.Port, protocol)).toBe(false);
              compared++;
              continue;
            }
            const ours = answer(verdict(from, to, probe.Port, protocol));
            if (ours !== (cell === '.')) mismatches.push(`${from} -> ${to}: ${cell}`);
            compared++;
          }
        }
        expect(mismatches).toEqual([]);
        expect(compared).toBe(81);
      });
    }
  });

  it('the final verdict differs only on the diagonal, where a pod cannot block itself', () => {
    const differing: string[] = [];
    const blockedSelf: string[] = [];
    model.Probes.forEach((probe, i) => {
      for (const [from, row] of tables[i * 3 + 2]?.cells ?? []) {
        for (const [to, cell] of row) {
          if (cell !== '.' && cell !== 'X') continue;
          const v = verdict(from, to, probe.Port, probe.Protocol as Protocol);
          if ((v.verdict === 'allowed') !== (cell === '.')) differing.push(`${probe.Port} ${from}`);
          if (from === to && cell === 'X') blockedSelf.push(`${probe.Port} ${from}`);
        }
      }
    });
    expect(blockedSelf.length).toBeGreaterThan(0);
    expect(differing).toEqual(blockedSelf);
  });
});

describe('cyclonus simple example: traffic queries', () => {
  interface End {
    IP?: string;
    Internal?: {
      PodLabels: Record<string, string>;
      NamespaceLabels: Record<string, string>;
      Namespace: string;
    };
  }
  interface Query {
    Source: End;
    Destination: End;
    Protocol: Protocol;
    ResolvedPort: number;
    ResolvedPortName?: string;
  }
  const queries = JSON.parse(corpusText(`${DIR}input/traffic-queries.json`)) as Query[];
  const answers = parseTrafficAnswers(corpusText(`${DIR}expected/analyze-query-traffic.txt`));

  const end = (e: End, name: string, q: Query) =>
    e.Internal
      ? podPeer(
          slim({
            kind: 'Pod',
            metadata: { name, namespace: e.Internal.Namespace, labels: e.Internal.PodLabels },
            spec: {
              containers: [
                {
                  name: 'c',
                  ports: q.ResolvedPortName
                    ? [
                        {
                          name: q.ResolvedPortName,
                          containerPort: q.ResolvedPort,
                          protocol: q.Protocol,
                        },
                      ]
                    : [],
                },
              ],
            },
            status: { podIP: e.IP },
          }) as SlimPod,
          e.Internal.NamespaceLabels,
        )
      : ({ kind: 'ip', ip: e.IP ?? '' } as const);

  it('has one answer per query', () => {
    expect(answers).toHaveLength(queries.length);
  });
  queries.forEach((q, i) => {
    it(`query ${i + 1}: same verdict, same isolation and side answers`, () => {
      const answer = answers[i];
      const v = evaluate(index, {
        src: end(q.Source, 'src', q),
        dst: end(q.Destination, 'dst', q),
        port: q.ResolvedPort,
        protocol: q.Protocol,
      });
      expect(v.verdict === 'allowed').toBe(answer?.allowed);
      for (const [side, ours] of [
        ['Ingress', v.ingress],
        ['Egress', v.egress],
      ] as const) {
        const actions = answer?.actions[side] ?? [];
        expect(ours.isolated).toBe(actions.length > 0);
        expect(ours.allowed).toBe(actions.length === 0 || actions.includes('Allow'));
      }
    });
  });
});
