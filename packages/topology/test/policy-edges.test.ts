/**
 * NetworkPolicy verdicts on the graph's edges, for the traffic a Service
 * exists for (DOMAIN.md §2, and the SNAT surprise of externalTrafficPolicy).
 */
import { describe, expect, it } from 'vitest';
import type { Graph } from '../src/index.js';
import { buildGraph } from '../src/index.js';
import { loadYaml } from './load.js';

const cluster = (etp: string, from: string) => `
apiVersion: v1
kind: Node
metadata: { name: n1 }
status: { addresses: [{ type: InternalIP, address: 172.18.0.2 }] }
---
apiVersion: v1
kind: Node
metadata: { name: n2 }
status: { addresses: [{ type: InternalIP, address: 172.18.0.3 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: web-1, namespace: shop, labels: { app: web } }
spec: { nodeName: n1, containers: [{ name: c, ports: [{ name: http, containerPort: 8080 }] }] }
status: { phase: Running, podIP: 10.244.1.5, conditions: [{ type: Ready, status: "True" }] }
---
apiVersion: v1
kind: Pod
metadata: { name: ctl, namespace: ingress, labels: { app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller } }
spec: { nodeName: n2, containers: [{ name: c }] }
status: { phase: Running, podIP: 10.244.2.9, conditions: [{ type: Ready, status: "True" }] }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec: { type: NodePort, externalTrafficPolicy: ${etp}, clusterIP: 10.96.0.9, selector: { app: web }, ports: [{ port: 80, targetPort: http, nodePort: 30080 }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: web-1, namespace: shop, labels: { kubernetes.io/service-name: web } }
addressType: IPv4
ports: [{ name: "", port: 8080, protocol: TCP }]
endpoints: [{ addresses: [10.244.1.5], conditions: { ready: true }, nodeName: n1, targetRef: { kind: Pod, name: web-1, namespace: shop } }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: site, namespace: shop }
spec: { rules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-from, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress: [{ from: [${from}], ports: [{ port: http }] }]
`;

function edgePolicy(g: Graph) {
  return g.edges.find((e) => e.id === 'svc:shop/web->pod:shop/web-1')?.policy;
}

describe('verdicts on a Service -> pod edge', () => {
  it('an ipBlock for the client cannot match under externalTrafficPolicy: Cluster (the pod sees node IPs)', () => {
    const g = buildGraph(loadYaml(cluster('Cluster', '{ ipBlock: { cidr: 198.51.100.0/24 } }')));
    const p = edgePolicy(g);
    const ext = p?.sources.find((s) => s.source.startsWith('external clients, SNATed'));
    // The own node (n1) is always allowed; via n2 the pod sees 172.18.0.3, which the ipBlock does not admit.
    expect(ext?.status).toBe('partly-allowed');
    expect(ext?.reason).toContain('From 172.18.0.3 (node n2): Denied on TCP/8080');
    expect(p?.sources.find((s) => s.source === 'the ingress controller')?.status).toBe('denied');
    expect(g.nodes.find((n) => n.id === 'pod:shop/web-1')).toMatchObject({
      isolation: { ingress: ['shop/web-from'], egress: [] },
    });
  });

  it('warns that an ipBlock cannot match clients under externalTrafficPolicy: Cluster', () => {
    const g = buildGraph(loadYaml(cluster('Cluster', '{ ipBlock: { cidr: 198.51.100.0/24 } }')));
    const f = g.findings.find((x) => x.code === 'NETPOL_IPBLOCK_SNAT');
    expect(f?.message).toContain(
      'NetworkPolicy shop/web-from admits ipBlock 198.51.100.0/24 into pods of Service shop/web',
    );
    expect(f?.message).toContain('the rule cannot match external clients');
  });

  it('with externalTrafficPolicy: Local the client IP is kept and the ipBlock admits it', () => {
    const g = buildGraph(loadYaml(cluster('Local', '{ ipBlock: { cidr: 198.51.100.0/24 } }')));
    expect(g.findings.some((x) => x.code === 'NETPOL_IPBLOCK_SNAT')).toBe(false);
    expect(edgePolicy(g)?.sources[0]).toMatchObject({ status: 'allowed', allowed: ['8080/TCP'] });
  });

  it('raises NETPOL_BLOCKS_SERVICE when no pod admits the ingress controller', () => {
    const g = buildGraph(
      loadYaml(cluster('Local', '{ podSelector: { matchLabels: { app: other } } }')),
    );
    const f = g.findings.filter((x) => x.code === 'NETPOL_BLOCKS_SERVICE').map((x) => x.message);
    expect(f).toHaveLength(2);
    expect(f.join('\n')).toContain(
      'NetworkPolicies stop the ingress controller from reaching any pod of Service shop/web on 8080/TCP',
    );
  });

  it('allows the ingress controller when a namespaceSelector admits its namespace', () => {
    const g = buildGraph(
      loadYaml(
        cluster(
          'Local',
          '{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ingress } } }',
        ),
      ),
    );
    expect(edgePolicy(g)?.sources.find((s) => s.source === 'the ingress controller')?.status).toBe(
      'allowed',
    );
    expect(
      g.findings.filter((x) => x.code === 'NETPOL_BLOCKS_SERVICE').map((x) => x.message),
    ).toEqual([expect.stringContaining('stop external clients (source IP kept')]);
  });

  it('says which in-cluster pods get in: some, when rules admit chosen peers', () => {
    const g = buildGraph(
      loadYaml(cluster('Local', '{ podSelector: { matchLabels: { app: frontend } } }')),
    );
    const p = edgePolicy(g);
    expect(p?.sources.find((s) => s.source === 'in-cluster pods')).toEqual({
      source: 'in-cluster pods',
      status: 'partly-allowed',
      reason:
        'pod shop/web-1 is isolated for ingress by shop/web-from: only some pods get in. shop/web-from ingress[0] admits pods app=frontend of namespace shop.',
      allowed: ['8080/TCP'],
      denied: [],
    });
    // External clients and the ingress controller are shut out, in-cluster frontend pods are not.
    expect(p?.status).toBe('partly-allowed');
  });

  it('says every in-cluster pod gets in when no policy isolates the pod, and none when no rule has the port', () => {
    const open = buildGraph(
      loadYaml(
        cluster('Local', '{ podSelector: {} }').replace(
          'podSelector: { matchLabels: { app: web } }',
          'podSelector: { matchLabels: { app: nothing } }',
        ),
      ),
    );
    expect(edgePolicy(open)?.sources.find((s) => s.source === 'in-cluster pods')).toMatchObject({
      status: 'allowed',
      reason:
        'No policy isolates pod shop/web-1 for ingress: any pod may connect (if its own egress policies let it).',
    });
    const closed = buildGraph(
      loadYaml(
        cluster('Local', '{ podSelector: {} }').replace(
          'ports: [{ port: http }]',
          'ports: [{ port: 9090 }]',
        ),
      ),
    );
    expect(edgePolicy(closed)?.sources.find((s) => s.source === 'in-cluster pods')).toMatchObject({
      status: 'denied',
      reason:
        'pod shop/web-1 is isolated for ingress by shop/web-from, and no ingress rule admits any pod on 8080/TCP.',
      denied: ['8080/TCP'],
    });
    expect(closed.findings.map((f) => f.message)).toContainEqual(
      expect.stringContaining(
        'NetworkPolicies stop in-cluster pods from reaching any pod of Service shop/web on 8080/TCP',
      ),
    );
  });

  it('finds the ingress controller through the LoadBalancer Service whose address the Ingress shows', () => {
    // A controller whose labels say nothing of ingress; its Service publishes 192.0.2.50.
    const extra = `
---
apiVersion: v1
kind: Pod
metadata: { name: proxy-1, namespace: edge, labels: { app: proxy } }
spec: { nodeName: n2, containers: [{ name: c }] }
status: { phase: Running, podIP: 10.244.2.20, conditions: [{ type: Ready, status: "True" }] }
---
apiVersion: v1
kind: Service
metadata: { name: proxy, namespace: edge }
spec: { type: LoadBalancer, clusterIP: 10.96.0.80, selector: { app: proxy }, ports: [{ port: 80, nodePort: 30081 }] }
status: { loadBalancer: { ingress: [{ ip: 192.0.2.50 }] } }
`;
    const yaml = cluster(
      'Local',
      '{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: edge } } }',
    )
      .replace(
        'spec: { rules: [{ http:',
        'status: { loadBalancer: { ingress: [{ ip: 192.0.2.50 }] } }\nspec: { rules: [{ http:',
      )
      .concat(extra);
    const g = buildGraph(loadYaml(yaml));
    const ctl = edgePolicy(g)?.sources.find((s) => s.source === 'the ingress controller');
    expect(ctl).toMatchObject({ status: 'allowed' });
    expect(ctl?.reason).toContain('From pod edge/proxy-1: Allowed on TCP/8080');
  });
});
