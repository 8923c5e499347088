/** The connectivity report: exact port ranges and maximal outside ranges. */
import { describe, expect, it } from 'vitest';
import { TopologyEngine, connectivityReport, reportText } from '../src/index.js';
import { loadYaml } from './load.js';

function store(yaml: string) {
  const engine = new TopologyEngine();
  engine.applyBatch(loadYaml(yaml).map((object) => ({ type: 'ADDED' as const, object })));
  return engine.store;
}

const pods = `
apiVersion: v1
kind: Pod
metadata: { name: web-7d4b9-x1, namespace: shop, labels: { app: web, pod-template-hash: 7d4b9 }, ownerReferences: [{ kind: ReplicaSet, name: web-7d4b9, controller: true }] }
spec: { containers: [{ name: c, ports: [{ name: http, containerPort: 8080 }] }] }
status: { phase: Running, podIP: 10.244.1.5 }
---
apiVersion: v1
kind: Pod
metadata: { name: db-0, namespace: shop, labels: { app: db }, ownerReferences: [{ kind: StatefulSet, name: db, controller: true }] }
spec: { containers: [{ name: c, ports: [{ containerPort: 5432 }] }] }
status: { phase: Running, podIP: 10.244.1.6 }
---`;

describe('connectivity report', () => {
  it('gives exact port ranges and splits the outside into maximal ranges', () => {
    const s = store(`${pods}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress:
    - from: [{ ipBlock: { cidr: 10.0.0.0/8, except: [10.1.0.0/16] } }]
      ports: [{ port: 8000, endPort: 8090 }, { port: 53, protocol: UDP }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  policyTypes: [Ingress, Egress]
  ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }], ports: [{ port: 5432 }] }]
`);
    const lines = reportText(connectivityReport(s)).split('\n');
    expect(lines).toContain(
      '10.0.0.0-10.0.255.255 => shop/web[Deployment] : TCP 8000-8090; UDP 53',
    );
    expect(lines).toContain(
      '10.2.0.0-10.255.255.255 => shop/web[Deployment] : TCP 8000-8090; UDP 53',
    );
    expect(lines.some((l) => l.startsWith('10.1.0.0-10.1.255.255 => shop/web'))).toBe(false);
    expect(lines.some((l) => l.startsWith('0.0.0.0-9.255.255.255 => shop/web'))).toBe(false);
    expect(lines).toContain('shop/web[Deployment] => shop/db[StatefulSet] : TCP 5432');
    // db is isolated for egress with no egress rule: it reaches nothing.
    expect(lines.some((l) => l.startsWith('shop/db[StatefulSet] =>'))).toBe(false);
    // web is not isolated for egress: it reaches the whole outside.
    expect(lines).toContain('shop/web[Deployment] => 0.0.0.0-255.255.255.255 : All Connections');
  });

  it('lists pods with their immediate controller and top-level workload in the JSON rows', () => {
    const rows = connectivityReport(store(pods)).pods;
    const row = rows.find(
      (r) => 'name' in r.src && r.src.name === 'web-7d4b9-x1' && 'name' in r.dst,
    );
    expect(row?.src).toEqual({
      namespace: 'shop',
      name: 'web-7d4b9-x1',
      controller: 'ReplicaSet/web-7d4b9',
      workload: 'Deployment/web',
    });
    expect(row?.ports).toEqual({ TCP: 'All', UDP: 'All', SCTP: 'All' });
  });
});
