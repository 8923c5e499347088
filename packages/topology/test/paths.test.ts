/**
 * Table tests: each case is a small cluster and what a user would check on
 * the graph: which hops exist, and the port mapping on each (DOMAIN.md §1).
 */
import { describe, expect, it } from 'vitest';
import type { Graph, GraphEdge } from '../src/index.js';
import { buildGraph, describePaths, portMappingText } from '../src/index.js';
import { loadFixture, loadYaml } from './load.js';

function edge(g: Graph, source: string, target: string): GraphEdge {
  const e = g.edges.find((x) => x.source === source && x.target === target);
  if (!e)
    throw new Error(`no edge ${source} -> ${target}; edges: ${g.edges.map((x) => x.id).join(' ')}`);
  return e;
}
const text = (e: GraphEdge) => e.ports.map((m) => portMappingText(m, e.kind));
const codes = (g: Graph) => g.findings.map((f) => f.code).sort();

const node = (name: string, ip: string) => `
apiVersion: v1
kind: Node
metadata: { name: ${name} }
status: { addresses: [{ type: InternalIP, address: ${ip} }], conditions: [{ type: Ready, status: "True" }] }
---`;
const pod = (
  name: string,
  labels: string,
  nodeName: string,
  ip: string,
  ready = true,
  ports = '[]',
) => `
apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: default, labels: ${labels} }
spec: { nodeName: ${nodeName}, containers: [{ name: c, ports: ${ports} }] }
status: { phase: Running, podIP: ${ip}, conditions: [{ type: Ready, status: "${ready ? 'True' : 'False'}" }] }
---`;

describe('LoadBalancer: external -> LB ingress -> every node : nodePort -> clusterIP -> pods', () => {
  const g = buildGraph(loadFixture('loadbalancer.yaml'));
  it('draws each hop with its port mapping', () => {
    expect(text(edge(g, 'external:clients', 'lb:shop/frontend'))).toEqual(['80/TCP']);
    expect(text(edge(g, 'lb:shop/frontend', 'np:shop/frontend'))).toEqual(['80 -> 30080/TCP']);
    expect(text(edge(g, 'np:shop/frontend', 'svc:shop/frontend'))).toEqual(['30080 -> 80/TCP']);
    expect(text(edge(g, 'svc:shop/frontend', 'pod:shop/frontend-1'))).toEqual(['80 -> 8080/TCP']);
  });
  it('shows the LB address and the node port open on every node', () => {
    const lb = g.nodes.find((n) => n.id === 'lb:shop/frontend');
    expect(lb).toMatchObject({ kind: 'loadbalancer', label: '192.0.2.10', pending: false });
    const np = g.nodes.find((n) => n.id === 'np:shop/frontend');
    expect(np).toMatchObject({
      kind: 'nodeport',
      targets: [
        { node: 'node-a', addresses: ['172.18.0.2'], accepts: true },
        { node: 'node-b', addresses: ['172.18.0.3', '203.0.113.3'], accepts: true },
      ],
    });
  });
  it('marks readiness on service -> pod edges and counts endpoints', () => {
    expect(edge(g, 'svc:shop/frontend', 'pod:shop/frontend-2').state).toBe('ready');
    expect(edge(g, 'svc:shop/frontend', 'pod:shop/frontend-3').state).toBe('not-ready');
    expect(g.nodes.find((n) => n.id === 'svc:shop/frontend')).toMatchObject({
      endpointCounts: { ready: 2, notReady: 1, terminating: 0 },
      clusterIPs: ['10.96.0.20'],
    });
    expect(g.edges.some((e) => e.target === 'pod:shop/other')).toBe(false);
  });
  it('raises no finding for a healthy service', () => {
    expect(codes(g)).toEqual([]);
  });
});

describe('a pending LoadBalancer still behaves as a NodePort', () => {
  const g = buildGraph(
    loadYaml(`${node('n1', '172.18.0.2')}
apiVersion: v1
kind: Service
metadata: { name: web, namespace: default }
spec: { type: LoadBalancer, clusterIP: 10.96.0.5, selector: { app: web }, ports: [{ port: 443, targetPort: 8443, nodePort: 31443 }] }
`),
  );
  it('labels the LB pending, keeps the external -> nodePort path, and says so', () => {
    expect(g.nodes.find((n) => n.id === 'lb:default/web')).toMatchObject({
      label: 'pending',
      health: 'pending',
    });
    expect(edge(g, 'external:clients', 'lb:default/web').state).toBe('unknown');
    expect(text(edge(g, 'external:clients', 'np:default/web'))).toEqual(['31443/TCP']);
    expect(codes(g)).toEqual(['LOADBALANCER_PENDING', 'SELECTOR_MATCHES_NO_POD']);
    expect(g.findings.find((f) => f.code === 'LOADBALANCER_PENDING')?.message).toContain(
      'reachable only as a NodePort on 31443',
    );
  });
});

describe('NodePort with externalTrafficPolicy: Local', () => {
  const g = buildGraph(
    loadYaml(`${node('n1', '172.18.0.2')}${node('n2', '172.18.0.3')}${pod('p1', '{ app: api }', 'n1', '10.244.1.2')}
apiVersion: v1
kind: Service
metadata: { name: api, namespace: default }
spec: { type: NodePort, externalTrafficPolicy: Local, clusterIP: 10.96.0.9, selector: { app: api }, ports: [{ port: 80, targetPort: 8080, nodePort: 30007 }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: api-1, namespace: default, labels: { kubernetes.io/service-name: api } }
addressType: IPv4
ports: [{ name: "", port: 8080, protocol: TCP }]
endpoints: [{ addresses: [10.244.1.2], conditions: { ready: true }, nodeName: n1, targetRef: { kind: Pod, name: p1, namespace: default } }]
`),
  );
  it('shows the node without a local endpoint as dropping', () => {
    expect(g.nodes.find((n) => n.id === 'np:default/api')).toMatchObject({
      targets: [
        { node: 'n1', accepts: true },
        { node: 'n2', accepts: false },
      ],
      health: 'warning',
    });
    expect(text(edge(g, 'external:clients', 'np:default/api'))).toEqual(['30007/TCP']);
    expect(text(edge(g, 'np:default/api', 'svc:default/api'))).toEqual(['30007 -> 80/TCP']);
    expect(codes(g)).toEqual(['ETP_LOCAL_NODES_WITHOUT_ENDPOINT']);
    expect(g.findings[0]?.message).toContain('1 of 2 nodes (n2)');
  });
});

describe('multi-port and named targetPort', () => {
  const g = buildGraph(
    loadYaml(`${pod('a', '{ app: m }', 'n1', '10.0.0.1', true, '[{ name: web, containerPort: 8080 }, { name: metrics, containerPort: 9090 }]')}${pod('b', '{ app: m }', 'n1', '10.0.0.2', true, '[{ name: web, containerPort: 8081 }, { name: metrics, containerPort: 9090 }]')}
apiVersion: v1
kind: Service
metadata: { name: m, namespace: default }
spec: { clusterIP: 10.96.0.7, selector: { app: m }, ports: [{ name: http, port: 80, targetPort: web }, { name: prom, port: 9100, targetPort: metrics }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: m-a, namespace: default, labels: { kubernetes.io/service-name: m } }
addressType: IPv4
ports: [{ name: http, port: 8080, protocol: TCP }, { name: prom, port: 9090, protocol: TCP }]
endpoints: [{ addresses: [10.0.0.1], conditions: { ready: true }, targetRef: { kind: Pod, name: a, namespace: default } }]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: m-b, namespace: default, labels: { kubernetes.io/service-name: m } }
addressType: IPv4
ports: [{ name: http, port: 8081, protocol: TCP }, { name: prom, port: 9090, protocol: TCP }]
endpoints: [{ addresses: [10.0.0.2], conditions: { ready: true }, targetRef: { kind: Pod, name: b, namespace: default } }]
`),
  );
  it('gives one mapping per port, resolved per pod', () => {
    expect(text(edge(g, 'svc:default/m', 'pod:default/a'))).toEqual([
      '80 -> 8080/TCP',
      '9100 -> 9090/TCP',
    ]);
    expect(text(edge(g, 'svc:default/m', 'pod:default/b'))).toEqual([
      '80 -> 8081/TCP',
      '9100 -> 9090/TCP',
    ]);
  });
});

describe('findings a user can act on', () => {
  it('named targetPort that no selected pod exposes', () => {
    const g = buildGraph(
      loadYaml(`${pod('a', '{ app: x }', 'n1', '10.0.0.1', true, '[{ name: http, containerPort: 80 }]')}
apiVersion: v1
kind: Service
metadata: { name: x, namespace: default }
spec: { clusterIP: 10.96.0.8, selector: { app: x }, ports: [{ port: 80, targetPort: web }] }
`),
    );
    expect(codes(g)).toContain('TARGET_PORT_NOT_EXPOSED');
    expect(g.findings.find((f) => f.code === 'TARGET_PORT_NOT_EXPOSED')?.message).toContain(
      'named "web"',
    );
  });
  it('selector that matches pods of which none is ready', () => {
    const g = buildGraph(
      loadYaml(`${pod('a', '{ app: y, v: "1" }', 'n1', '10.0.0.1', false)}
apiVersion: v1
kind: Service
metadata: { name: y, namespace: default }
spec: { clusterIP: 10.96.0.8, selector: { app: y, v: "1" }, ports: [{ port: 80 }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: y-1, namespace: default, labels: { kubernetes.io/service-name: y } }
addressType: IPv4
ports: [{ name: "", port: 80, protocol: TCP }]
endpoints: [{ addresses: [10.0.0.1], conditions: { ready: false }, targetRef: { kind: Pod, name: a, namespace: default } }]
`),
    );
    expect(codes(g)).toEqual(['NO_READY_ENDPOINTS']);
    expect(g.nodes.find((n) => n.id === 'svc:default/y')?.health).toBe('error');
  });
  it('selector AND semantics: a pod with only one of two labels is not selected', () => {
    const g = buildGraph(
      loadYaml(`${pod('a', '{ app: z }', 'n1', '10.0.0.1')}
apiVersion: v1
kind: Service
metadata: { name: z, namespace: default }
spec: { clusterIP: 10.96.0.8, selector: { app: z, tier: db }, ports: [{ port: 5432 }] }
`),
    );
    expect(codes(g)).toEqual(['SELECTOR_MATCHES_NO_POD']);
    expect(g.findings[0]?.message).toContain('app=z,tier=db');
  });
  it('wrong-case type from a seed article', () => {
    const g = buildGraph(
      loadYaml(
        `apiVersion: v1\nkind: Service\nmetadata: { name: t }\nspec: { type: clusterIP, ports: [{ port: 80 }] }\n`,
      ),
    );
    expect(codes(g)).toContain('SERVICE_TYPE_INVALID');
  });
});

describe('ExternalName, headless and selector-less services', () => {
  const g = buildGraph(
    loadYaml(`
apiVersion: v1
kind: Service
metadata: { name: db, namespace: default }
spec: { type: ExternalName, externalName: db.example.com }
---
apiVersion: v1
kind: Service
metadata: { name: legacy, namespace: default }
spec: { clusterIP: 10.96.0.30, ports: [{ port: 5432 }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: legacy-1, namespace: default, labels: { kubernetes.io/service-name: legacy } }
addressType: IPv4
ports: [{ name: "", port: 5432, protocol: TCP }]
endpoints: [{ addresses: [198.51.100.7], conditions: { ready: true } }]
`),
  );
  it('ExternalName is a DNS CNAME, with no proxy and no endpoints', () => {
    const e = edge(g, 'svc:default/db', 'addr:default/db/db.example.com');
    expect(e).toMatchObject({ label: 'DNS CNAME', ports: [] });
    expect(g.nodes.find((n) => n.id === 'svc:default/db')).toMatchObject({
      serviceType: 'ExternalName',
      clusterIPs: [],
    });
  });
  it('a manual slice points outside the cluster', () => {
    expect(text(edge(g, 'svc:default/legacy', 'addr:default/legacy/198.51.100.7'))).toEqual([
      '5432 -> 5432/TCP',
    ]);
    expect(codes(g)).toEqual([]);
  });
});

describe('Ingress host/path routes to Service ports', () => {
  const g = buildGraph(
    loadYaml(`
apiVersion: v1
kind: Service
metadata: { name: web, namespace: default }
spec: { clusterIP: 10.96.0.40, ports: [{ name: http, port: 8080 }] }
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: { name: nginx }
spec: { controller: k8s.io/ingress-nginx }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: site, namespace: default }
spec:
  ingressClassName: nginx
  tls: [{ hosts: [shop.example.com], secretName: shop-tls }]
  rules:
    - host: shop.example.com
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { name: http } } } }
          - { path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 80 } } } }
          - { path: /static, pathType: Prefix, backend: { service: { name: web, port: { number: 81 } } } }
status: { loadBalancer: { ingress: [{ ip: 192.0.2.50 }] } }
`),
  );
  it('routes a named backend port, with TLS on 443', () => {
    const e = g.edges.find((x) => x.id === 'ing:default/site->svc:default/web#0.0');
    expect(e && text(e)).toEqual(['443 -> 8080/TCP']);
    expect(e?.label).toBe('shop.example.com/');
    expect(text(edge(g, 'external:clients', 'ing:default/site'))).toEqual(['80/TCP', '443/TCP']);
  });
  it('raises a missing backend service and a missing port', () => {
    expect(codes(g)).toEqual([
      'INGRESS_BACKEND_MISSING',
      'INGRESS_BACKEND_PORT_MISSING',
      'NO_SELECTOR_NO_ENDPOINTS',
    ]);
    expect(g.findings.find((f) => f.code === 'INGRESS_BACKEND_PORT_MISSING')?.message).toContain(
      'has no such port (it has http:8080)',
    );
  });
});

describe('dual-stack: one Service, an IPv4 and an IPv6 EndpointSlice', () => {
  const slice = (family: 'IPv4' | 'IPv6', eps: [string, string, boolean][]) => `
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: web-${family.toLowerCase()}, namespace: default, labels: { kubernetes.io/service-name: web } }
addressType: ${family}
ports: [{ name: "", port: 8080, protocol: TCP }]
endpoints:
${eps.map(([pod, ip, ready]) => `  - { addresses: ["${ip}"], conditions: { ready: ${ready} }, nodeName: n1, targetRef: { kind: Pod, name: ${pod}, namespace: default } }`).join('\n')}
---`;
  const g = buildGraph(
    loadYaml(
      [
        node('n1', '172.18.0.2'),
        pod('web-1', '{ app: web }', 'n1', '10.244.1.5', true, '[{ containerPort: 8080 }]'),
        pod('web-2', '{ app: web }', 'n1', '10.244.1.6', true, '[{ containerPort: 8080 }]'),
        `
apiVersion: v1
kind: Service
metadata: { name: web, namespace: default }
spec:
  selector: { app: web }
  ipFamilyPolicy: RequireDualStack
  ipFamilies: [IPv4, IPv6]
  clusterIP: 10.96.0.50
  clusterIPs: [10.96.0.50, "fd00:10:96::50"]
  ports: [{ port: 80, targetPort: 8080 }]
---`,
        // The IPv4 slice lags: web-2 is not ready there yet.
        slice('IPv4', [
          ['web-1', '10.244.1.5', true],
          ['web-2', '10.244.1.6', false],
        ]),
        slice('IPv6', [
          ['web-1', 'fd00:10:244:1::5', true],
          ['web-2', 'fd00:10:244:1::6', true],
        ]),
      ].join('\n'),
    ),
  );
  it('shows both cluster IPs', () => {
    expect(g.nodes.find((n) => n.id === 'svc:default/web')).toMatchObject({
      clusterIPs: ['10.96.0.50', 'fd00:10:96::50'],
    });
  });
  it('draws one edge per pod, ready when either family is ready, and counts each pod once', () => {
    const endpointEdges = g.edges.filter(
      (e) => e.source === 'svc:default/web' && e.kind === 'endpoint',
    );
    expect(endpointEdges.map((e) => [e.target, e.state])).toEqual([
      ['pod:default/web-1', 'ready'],
      ['pod:default/web-2', 'ready'],
    ]);
    expect(text(edge(g, 'svc:default/web', 'pod:default/web-2'))).toEqual(['80 -> 8080/TCP']);
    expect(g.nodes.find((n) => n.id === 'svc:default/web')).toMatchObject({
      endpointCounts: { ready: 2, notReady: 0, terminating: 0 },
    });
    expect(codes(g)).toEqual([]);
  });
});

describe('internalTrafficPolicy: Local', () => {
  const g = buildGraph(
    loadYaml(
      [
        node('n1', '172.18.0.2'),
        node('n2', '172.18.0.3'),
        node('n3', '172.18.0.4'),
        pod('dns-1', '{ app: dns }', 'n1', '10.244.1.5', true, '[{ containerPort: 53 }]'),
        `
apiVersion: v1
kind: Service
metadata: { name: dns, namespace: default }
spec: { selector: { app: dns }, clusterIP: 10.96.0.53, internalTrafficPolicy: Local, ports: [{ port: 53, protocol: UDP }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: dns-1, namespace: default, labels: { kubernetes.io/service-name: dns } }
addressType: IPv4
ports: [{ name: "", port: 53, protocol: UDP }]
endpoints: [{ addresses: [10.244.1.5], conditions: { ready: true }, nodeName: n1, targetRef: { kind: Pod, name: dns-1, namespace: default } }]
`,
      ].join('\n'),
    ),
  );
  it('names the nodes whose pods get an answer', () => {
    expect(g.nodes.find((n) => n.id === 'svc:default/dns')).toMatchObject({
      internalTrafficPolicy: 'Local',
      localEndpointNodes: ['n1'],
      health: 'warning',
    });
  });
  it('warns that pods on the other nodes are dropped', () => {
    expect(g.findings.map((f) => [f.code, f.message])).toEqual([
      [
        'ITP_LOCAL_NODES_WITHOUT_ENDPOINT',
        'Service default/dns has internalTrafficPolicy: Local, and 2 of 3 nodes (n2, n3) have no ready endpoint of it: pods there that connect to it get no answer, the traffic is dropped rather than sent to another node. Run a pod of it on every node (a DaemonSet) or use Cluster.',
      ],
    ]);
  });
});

describe('IngressClass: named, default, missing', () => {
  const ingress = (name: string, cls?: string) => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: ${name}, namespace: default }
spec:
  ${cls ? `ingressClassName: ${cls}` : ''}
  defaultBackend: { resource: { apiGroup: example.com, kind: Bucket, name: static } }
`;
  const classes = `
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: { name: nginx, annotations: { ingressclass.kubernetes.io/is-default-class: "true" } }
spec: { controller: k8s.io/ingress-nginx }
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: { name: traefik }
spec: { controller: traefik.io/ingress-controller }
`;
  const g = buildGraph(
    loadYaml(
      [classes, ingress('named', 'traefik'), ingress('classless'), ingress('typo', 'ngnix')].join(
        '---\n',
      ),
    ),
  );
  const ing = (name: string) => g.nodes.find((n) => n.id === `ing:default/${name}`);
  it('shows the class an Ingress names and its controller', () => {
    expect(ing('named')).toMatchObject({
      ingressClassName: 'traefik',
      ingressController: 'traefik.io/ingress-controller',
    });
    expect(ing('named')).not.toHaveProperty('defaultClass');
  });
  it('gives an Ingress that names no class the default class', () => {
    expect(ing('classless')).toMatchObject({
      ingressClassName: 'nginx',
      ingressController: 'k8s.io/ingress-nginx',
      defaultClass: true,
    });
  });
  it('says when the named class does not exist, listing the classes there are', () => {
    expect(ing('typo')).toMatchObject({
      ingressClassName: 'ngnix',
      classMissing: true,
      health: 'error',
    });
    const f = g.findings.filter((x) => x.code === 'INGRESS_CLASS_MISSING');
    expect(f.map((x) => x.objects[0]?.name)).toEqual(['typo']);
    expect(f[0]?.message).toBe(
      'Ingress default/typo names IngressClass ngnix, which does not exist, so no ingress controller will serve it. Fix spec.ingressClassName (classes in the cluster: nginx, traefik) or install the controller that provides ngnix.',
    );
  });
  it('says an address-less Ingress of the default class which controller should admit it', () => {
    expect(
      g.findings.find((x) => x.id.includes('classless') && x.code === 'INGRESS_NO_ADDRESS')
        ?.message,
    ).toContain("(class nginx, the cluster's default, controller k8s.io/ingress-nginx)");
  });
});

describe('node port clashes and discovery names', () => {
  const svc = (name: string, nodePort: number) => `
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: default }
spec: { type: NodePort, clusterIP: 10.96.0.50, ports: [{ name: web-ui, port: 80, nodePort: ${nodePort} }] }
---`;
  it('flags both services that use one node port', () => {
    const g = buildGraph(loadYaml(`${svc('a', 30001)}${svc('b', 30001)}${svc('c', 30002)}`));
    const clash = g.findings.filter((f) => f.code === 'NODEPORT_CLASH');
    expect(clash.map((f) => f.objects[0]?.name).sort()).toEqual(['a', 'b']);
    expect(clash[0]?.message).toContain('nodePort 30001/TCP, which Service default/b also uses');
  });
  it('gives DNS names, SRV names and environment variable names', () => {
    const g = buildGraph(loadYaml(svc('my-app', 30003)));
    expect(g.nodes.find((n) => n.id === 'svc:default/my-app')).toMatchObject({
      dnsNames: [
        'my-app',
        'my-app.default',
        'my-app.default.svc',
        'my-app.default.svc.cluster.local',
        '_web-ui._tcp.my-app.default.svc.cluster.local',
      ],
      envVars: ['MY_APP_SERVICE_HOST', 'MY_APP_SERVICE_PORT', 'MY_APP_SERVICE_PORT_WEB_UI'],
    });
  });
});

describe('paths as text', () => {
  it('reads as the hops a user follows, pods grouped by workload', () => {
    const lines = describePaths(buildGraph(loadFixture('loadbalancer.yaml')));
    expect(lines[0]).toBe(
      'External -> LoadBalancer shop/frontend [192.0.2.10] 80/TCP -> NodePort shop/frontend 80 -> 30080/TCP -> Service shop/frontend 30080 -> 80/TCP -> Pods shop/frontend-1 (1 ready) 80 -> 8080/TCP',
    );
    expect(lines).toContain(
      'In-cluster -> Service shop/frontend -> Pods shop/frontend-3 (1 not-ready) 80 -> 8080/TCP',
    );
  });
});
