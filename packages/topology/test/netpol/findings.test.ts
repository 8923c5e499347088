/**
 * Findings (policy selecting no pods, unresolved named ports, what the API
 * would reject), the incrementality hook, and the per-port summary.
 */
import { describe, expect, it } from 'vitest';
import type { SlimPod } from '../../src/index.js';
import {
  clusterView,
  netpolFindings,
  objectKey,
  podsAffectedByPolicyChange,
  policyFindings,
  summarizePorts,
  validatePolicy,
} from '../../src/index.js';
import { BASE } from './base.js';
import { np, World } from './world.js';

const pods = BASE.filter((o): o is SlimPod => o.kind === 'Pod');
const namespaces = BASE.filter((o) => o.kind === 'Namespace');
const view = clusterView({ pods, namespaces });
const codes = (p: Parameters<typeof policyFindings>[0]) =>
  policyFindings(p, view).map((f) => f.code);
const app = (name: string) => ({ matchLabels: { app: name } });

describe('NETPOL_SELECTS_NO_PODS', () => {
  it('is raised, with a sentence a user can act on, when the podSelector matches no pod', () => {
    const [f] = policyFindings(np('prod/typo', { podSelector: app('wbe'), ingress: [{}] }), view);
    expect(f).toEqual({
      id: 'NETPOL_SELECTS_NO_PODS:prod/typo',
      code: 'NETPOL_SELECTS_NO_PODS',
      severity: 'warning',
      message:
        "NetworkPolicy prod/typo selects no pods: no pod of namespace prod matches its podSelector {app=wbe}, so it restricts nothing. Check spec.podSelector against the pods' labels; a policy only selects pods of its own namespace.",
      objects: [{ kind: 'NetworkPolicy', namespace: 'prod', name: 'typo' }],
    });
  });
  it('counts only pods of the policy namespace', () => {
    expect(codes(np('ops/web', { podSelector: app('web') }))).toEqual(['NETPOL_SELECTS_NO_PODS']);
  });
  it('says so when only hostNetwork pods match', () => {
    const [f] = policyFindings(
      np('prod/h', { podSelector: app('client') }),
      clusterView({ pods: pods.filter((p) => objectKey(p) === 'prod/hostnet') }),
    );
    expect(f?.message).toContain('use the host network');
  });
  it('is not raised for a policy selecting pods', () => {
    expect(codes(np('prod/ok', { podSelector: app('web') }))).toEqual([]);
  });
});

describe('NETPOL_NAMED_PORT_UNRESOLVED', () => {
  it('ingress: the name is on no selected pod (with that protocol)', () => {
    const p = np('prod/p', {
      podSelector: app('web'),
      ingress: [{ ports: [{ port: 'http' }, { port: 'syslog' }, { port: 'nope' }] }],
    });
    const found = policyFindings(p, view);
    expect(found.map((f) => f.id)).toEqual([
      'NETPOL_NAMED_PORT_UNRESOLVED:prod/p:ingress[0].ports[1]',
      'NETPOL_NAMED_PORT_UNRESOLVED:prod/p:ingress[0].ports[2]',
    ]);
    expect(found[0]?.message).toBe(
      'NetworkPolicy prod/p ingress rule 0 allows the port named "syslog" (TCP), but no pod it selects has a TCP container port of that name, so this entry allows nothing. Name the port on the containers, or use its number.',
    );
    expect(found[0]?.objects).toEqual([
      { kind: 'NetworkPolicy', namespace: 'prod', name: 'p' },
      { kind: 'Pod', namespace: 'prod', name: 'web' },
    ]);
  });
  it('egress: the name resolves on a pod the rule sends to (any namespace it selects)', () => {
    const egress = (to: unknown[], port: string) =>
      np('prod/out', { podSelector: app('client'), egress: [{ to, ports: [{ port }] }] });
    expect(codes(egress([{ namespaceSelector: {}, podSelector: app('web') }], 'http'))).toEqual([]);
    expect(codes(egress([{ podSelector: app('web') }], 'pg'))).toEqual([
      'NETPOL_NAMED_PORT_UNRESOLVED',
    ]);
    expect(codes(egress([{ podSelector: app('db') }], 'pg'))).toEqual([]);
    expect(codes(egress([{ ipBlock: { cidr: '10.0.1.20/32' } }], 'pg'))).toEqual([]);
    expect(codes(egress([{ ipBlock: { cidr: '203.0.113.0/24' } }], 'pg'))).toEqual([
      'NETPOL_NAMED_PORT_UNRESOLVED',
    ]);
  });
});

describe('what the API server would reject', () => {
  const p = np('prod/bad', {
    podSelector: app('web'),
    ingress: [
      {
        from: [
          {},
          { ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} },
          { ipBlock: { cidr: '10.0.0.0/33' } },
          { ipBlock: { cidr: '10.0.0.0/8', except: ['11.0.0.0/16'] } },
        ],
      },
      {
        ports: [
          { endPort: 90 },
          { port: 'http', endPort: 90 },
          { port: 90, endPort: 80 },
          { port: 80, endPort: 90 },
        ],
      },
    ],
  });
  it('lists each problem with its path', () => {
    expect(validatePolicy(p).map((i) => `${i.code} ${i.path}`)).toEqual([
      'NETPOL_INVALID_PEER spec.ingress[0].from[0]',
      'NETPOL_INVALID_PEER spec.ingress[0].from[1]',
      'NETPOL_INVALID_CIDR spec.ingress[0].from[2]',
      'NETPOL_INVALID_CIDR spec.ingress[0].from[3]',
      'NETPOL_INVALID_PORT spec.ingress[1].ports[0]',
      'NETPOL_INVALID_PORT spec.ingress[1].ports[1]',
      'NETPOL_INVALID_PORT spec.ingress[1].ports[2]',
    ]);
  });
  it('raises them as error findings that say what Portolan does with them', () => {
    const errors = netpolFindings([p], view).filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(7);
    expect(errors[3]?.message).toBe(
      'NetworkPolicy prod/bad: spec.ingress[0].from[3].ipBlock.except "11.0.0.0/16" is not inside 10.0.0.0/8: the API server rejects this, and Portolan treats it as matching nothing.',
    );
  });
});

describe('podsAffectedByPolicyChange', () => {
  const keys = (xs: SlimPod[]) => xs.map((p) => objectKey(p)).sort();
  const before = np('prod/p', { podSelector: app('web') });
  const after = np('prod/p', { podSelector: app('db') });
  it('is the pods the old or the new podSelector selects, in the policy namespace', () => {
    expect(keys(podsAffectedByPolicyChange(before, after, view))).toEqual(['prod/db', 'prod/web']);
  });
  it('covers creation and deletion', () => {
    expect(keys(podsAffectedByPolicyChange(undefined, after, view))).toEqual(['prod/db']);
    expect(keys(podsAffectedByPolicyChange(before, undefined, view))).toEqual(['prod/web']);
  });
  it('leaves out hostNetwork pods, which policies do not apply to', () => {
    expect(
      keys(
        podsAffectedByPolicyChange(np('prod/c', { podSelector: app('client') }), undefined, view),
      ),
    ).toEqual(['prod/client']);
  });
});

describe('summarizePorts', () => {
  const world = new World([
    ...BASE,
    np('prod/p', {
      podSelector: app('web'),
      ingress: [{ ports: [{ port: 'http' }, { port: 514, protocol: 'UDP' }] }],
    }),
  ]);
  const summary = (ports: [number, 'TCP' | 'UDP'][]) =>
    summarizePorts(
      world.index,
      world.peer('prod/client'),
      world.peer('prod/web'),
      ports.map(([port, protocol]) => ({ port, protocol })),
    );
  it('says partly allowed, and which ports, when some ports pass', () => {
    const s = summary([
      [8080, 'TCP'],
      [9090, 'TCP'],
      [514, 'UDP'],
    ]);
    expect(s.status).toBe('partly-allowed');
    expect(s.allowed).toEqual([
      { port: 8080, protocol: 'TCP' },
      { port: 514, protocol: 'UDP' },
    ]);
    expect(s.denied).toEqual([{ port: 9090, protocol: 'TCP' }]);
    expect(s.verdicts).toHaveLength(3);
  });
  it('says allowed when all pass and denied when none (or no port) does', () => {
    expect(summary([[8080, 'TCP']]).status).toBe('allowed');
    expect(
      summary([
        [9090, 'TCP'],
        [514, 'TCP'],
      ]).status,
    ).toBe('denied');
    expect(summary([]).status).toBe('denied');
  });
});
