import { describe, expect, it } from 'vitest';
import type { AddressNode, ExternalIpNode, GraphNode } from '@portolan/topology';
import { EXTERNAL, edge, ingress, lb, np, pod, svc, tcp } from '../test-support/graph-builders.js';
import { edgeAccessibleName, nodeAccessibleName } from './a11y.js';

const eip: ExternalIpNode = {
  id: 'eip:default/svc/1.2.3.4',
  kind: 'externalip',
  label: '1.2.3.4',
  namespace: 'default',
  name: 'svc',
  health: 'ok',
  service: 'svc',
  address: '1.2.3.4',
  ports: [],
};
const addr: AddressNode = {
  id: 'addr:default/db/10.1.2.3',
  kind: 'address',
  label: '10.1.2.3',
  health: 'unknown',
  address: '10.1.2.3',
  addressType: 'IPv4',
};

describe('accessible names', () => {
  it.each<[GraphNode, string]>([
    [EXTERNAL, 'External clients'],
    [lb('default', 'frontend', '192.0.2.10'), 'LoadBalancer default/frontend'],
    [ingress('default', 'web'), 'Ingress default/web'],
    [eip, 'ExternalIP default/svc 1.2.3.4'],
    [np('default', 'frontend', 30007), 'NodePort default/frontend'],
    [svc('default', 'frontend'), 'Service default/frontend'],
    [pod('default', 'frontend-abc'), 'Pod default/frontend-abc'],
    [addr, 'Address 10.1.2.3'],
  ])('%# names %s', (node, name) => {
    expect(nodeAccessibleName(node)).toBe(name);
  });

  it('falls back to the service field when a node has no name', () => {
    const n = { ...np('default', 'frontend', 30007), name: undefined, label: '30007' };
    expect(nodeAccessibleName(n)).toBe('NodePort default/frontend');
  });

  it('names an edge by its ends and port mappings', () => {
    const a = lb('default', 'frontend', '192.0.2.10');
    const b = np('default', 'frontend', 30007);
    const e = edge('lb-nodeport', a.id, b.id, [tcp(80, 30007)]);
    expect(edgeAccessibleName(e, a, b)).toBe(
      'LoadBalancer default/frontend to NodePort default/frontend: 80 -> 30007/TCP',
    );
  });

  it('uses the client form for client edges, lists every mapping and appends the rule', () => {
    const i = ingress('default', 'web');
    const s = svc('default', 'api');
    expect(
      edgeAccessibleName(
        edge('client', EXTERNAL.id, i.id, [tcp(80, 80), tcp(443, 443)]),
        EXTERNAL,
        i,
      ),
    ).toBe('External clients to Ingress default/web: 80/TCP, 443/TCP');
    const rule = {
      ...edge('to-service', i.id, s.id, [tcp(80, 8080)]),
      label: 'shop.example.com/api',
    };
    expect(edgeAccessibleName(rule, i, s)).toBe(
      'Ingress default/web to Service default/api: 80 -> 8080/TCP (shop.example.com/api)',
    );
  });
});
