// A fabricated demo cluster in the shape of @portolan/topology's Graph, for
// looking at the app before (or without) the real server. Ids follow
// packages/topology/src/ids.ts.

const NODES = [
  { node: 'node-1', addresses: ['172.18.0.2'], accepts: true },
  { node: 'node-2', addresses: ['172.18.0.3'], accepts: true },
  { node: 'node-3', addresses: ['172.18.0.4'], accepts: true },
];

const tcp = (from, to) => ({ from, to, protocol: 'TCP' });
const e = (kind, source, target, ports, state = 'route', label) => ({
  id: `${source}->${target}${label ? `#${label}` : ''}`,
  kind,
  source,
  target,
  ports,
  state,
  ...(label ? { label } : {}),
});

function service(ns, name, extra) {
  return {
    id: `svc:${ns}/${name}`,
    kind: 'service',
    label: name,
    namespace: ns,
    name,
    health: 'ok',
    serviceType: 'ClusterIP',
    clusterIPs: [],
    headless: false,
    selector: { app: name },
    ports: [],
    dnsNames: [`${name}.${ns}.svc.cluster.local`, `${name}.${ns}.svc`, `${name}.${ns}`],
    envVars: [`${name.toUpperCase()}_SERVICE_HOST`, `${name.toUpperCase()}_SERVICE_PORT`],
    endpointCounts: { ready: 0, notReady: 0, terminating: 0 },
    ...extra,
  };
}

export function pod(ns, name, app, ip, node, extra = {}) {
  return {
    id: `pod:${ns}/${name}`,
    kind: 'pod',
    label: name,
    namespace: ns,
    name,
    health: extra.ready === false ? 'warning' : 'ok',
    podIPs: ip ? [ip] : [],
    nodeName: node,
    phase: 'Running',
    ready: true,
    terminating: false,
    labels: { app },
    owner: `ReplicaSet/${name.replace(/-[a-z0-9]+$/, '')}`,
    ...extra,
  };
}

export function demoGraph() {
  const ext = { id: 'external:clients', kind: 'external', label: 'External clients', health: 'ok' };
  const fePorts = [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30080 }];
  const lb = {
    id: 'lb:default/frontend',
    kind: 'loadbalancer',
    label: '192.0.2.10',
    namespace: 'default',
    name: 'frontend',
    health: 'ok',
    service: 'frontend',
    ingress: [{ ip: '192.0.2.10' }],
    pending: false,
    ports: fePorts,
    sourceRanges: [],
  };
  const feNp = {
    id: 'np:default/frontend',
    kind: 'nodeport',
    label: '30080',
    namespace: 'default',
    name: 'frontend',
    health: 'ok',
    service: 'frontend',
    ports: fePorts,
    externalTrafficPolicy: 'Cluster',
    targets: NODES,
  };
  const fe = service('default', 'frontend', {
    serviceType: 'LoadBalancer',
    clusterIPs: ['10.96.0.20'],
    ports: fePorts,
    endpointCounts: { ready: 2, notReady: 1, terminating: 0 },
  });
  const fePods = [
    pod('default', 'frontend-7d4b9c-2kq8x', 'frontend', '10.244.1.11', 'node-1'),
    pod('default', 'frontend-7d4b9c-9wz4p', 'frontend', '10.244.2.12', 'node-2'),
    pod('default', 'frontend-7d4b9c-tx7mn', 'frontend', '10.244.3.13', 'node-3', { ready: false }),
  ];
  const bePorts = [{ name: 'http', port: 8080, protocol: 'TCP', targetPort: 'http' }];
  const be = service('default', 'backend', {
    clusterIPs: ['10.96.0.30'],
    ports: bePorts,
    endpointCounts: { ready: 2, notReady: 0, terminating: 0 },
  });
  const bePods = [
    pod('default', 'backend-5c8f6d-h2j4k', 'backend', '10.244.1.21', 'node-1'),
    pod('default', 'backend-5c8f6d-m8n3q', 'backend', '10.244.2.22', 'node-2'),
  ];
  const webPorts = [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30007 }];
  const webNp = {
    ...feNp,
    id: 'np:default/web',
    label: '30007',
    name: 'web',
    service: 'web',
    ports: webPorts,
  };
  const web = service('default', 'web', {
    serviceType: 'NodePort',
    clusterIPs: ['10.96.0.40'],
    ports: webPorts,
    endpointCounts: { ready: 1, notReady: 0, terminating: 0 },
  });
  const webPods = [pod('default', 'web-6f9b7c-q1r2s', 'web', '10.244.3.31', 'node-3')];
  const db = service('default', 'db', {
    headless: true,
    ports: [{ name: 'pg', port: 5432, protocol: 'TCP', targetPort: 5432 }],
    dnsRecords: ['10.244.1.41', '10.244.2.42'],
    endpointCounts: { ready: 2, notReady: 0, terminating: 0 },
  });
  const dbPods = [
    pod('default', 'db-0', 'db', '10.244.1.41', 'node-1', { owner: 'StatefulSet/db' }),
    pod('default', 'db-1', 'db', '10.244.2.42', 'node-2', { owner: 'StatefulSet/db' }),
  ];
  const legacy = service('default', 'legacy', {
    serviceType: 'ExternalName',
    externalName: 'legacy.example.com',
    selector: null,
    envVars: [],
  });
  const legacyAddr = {
    id: 'addr:default/legacy/legacy.example.com',
    kind: 'address',
    label: 'legacy.example.com',
    health: 'ok',
    address: 'legacy.example.com',
    addressType: 'CNAME',
  };
  const ing = {
    id: 'ing:default/shop',
    kind: 'ingress',
    label: 'shop',
    namespace: 'default',
    name: 'shop',
    health: 'ok',
    ingressClassName: 'nginx',
    addresses: [{ ip: '192.0.2.20' }],
    tlsHosts: [],
    rules: [
      { host: 'shop.example.com', path: '/', pathType: 'Prefix', backend: 'frontend:80' },
      { host: 'shop.example.com', path: '/api', pathType: 'Prefix', backend: 'backend:8080' },
    ],
  };
  const nodes = [
    ext,
    lb,
    feNp,
    fe,
    ...fePods,
    be,
    ...bePods,
    webNp,
    web,
    ...webPods,
    db,
    ...dbPods,
    legacy,
    legacyAddr,
    ing,
  ];
  const edges = [
    e('client', ext.id, lb.id, [tcp(80, 80)]),
    e('lb-nodeport', lb.id, feNp.id, [tcp(80, 30080)]),
    e('to-service', feNp.id, fe.id, [tcp(30080, 80)]),
    ...fePods.map((p) =>
      e('endpoint', fe.id, p.id, [tcp(80, 8080)], p.ready ? 'ready' : 'not-ready'),
    ),
    e('client', ext.id, ing.id, [tcp(80, 80)]),
    e('to-service', ing.id, fe.id, [tcp(80, 80)], 'route', 'shop.example.com/'),
    e('to-service', ing.id, be.id, [tcp(80, 8080)], 'route', 'shop.example.com/api'),
    ...bePods.map((p) => e('endpoint', be.id, p.id, [tcp(8080, 8080)], 'ready')),
    e('client', ext.id, webNp.id, [tcp(30007, 30007)]),
    e('to-service', webNp.id, web.id, [tcp(30007, 80)]),
    ...webPods.map((p) => e('endpoint', web.id, p.id, [tcp(80, 80)], 'ready')),
    ...dbPods.map((p) => e('endpoint', db.id, p.id, [tcp(5432, 5432)], 'ready')),
    { ...e('endpoint', legacy.id, legacyAddr.id, [], 'route'), label: 'DNS CNAME' },
  ];
  const findings = [
    {
      id: 'ENDPOINT_NOT_READY:Pod/default/frontend-7d4b9c-tx7mn',
      code: 'ENDPOINT_NOT_READY',
      severity: 'warning',
      message: 'Pod default/frontend-7d4b9c-tx7mn is selected by Service frontend but not ready.',
      objects: [{ kind: 'Pod', namespace: 'default', name: 'frontend-7d4b9c-tx7mn' }],
      nodeIds: ['pod:default/frontend-7d4b9c-tx7mn'],
    },
  ];
  return { revision: 1, nodes, edges, findings };
}

export function demoStatus() {
  const kinds = [
    'Namespace',
    'Node',
    'Pod',
    'Service',
    'EndpointSlice',
    'Ingress',
    'NetworkPolicy',
  ];
  return {
    context: 'portolan-sim',
    cluster: 'https://127.0.0.1:6443',
    simulated: true,
    kinds: kinds.map((kind) => ({
      kind,
      state: 'synced',
      count: 3,
      lastEventAt: new Date().toISOString(),
    })),
  };
}

/**
 * Scripted changes: a scale-up whose new pod starts pending, then becomes
 * ready; a backend pod that terminates and goes (leaving a gap); a watch
 * that reconnects for a moment.
 */
export function demoScript(graph) {
  const fe = graph.nodes.find((n) => n.id === 'svc:default/frontend');
  const p = pod('default', 'frontend-7d4b9c-v5b6n', 'frontend', undefined, 'node-1', {
    phase: 'Pending',
    ready: null,
    health: 'pending',
  });
  const ready = { ...p, phase: 'Running', ready: true, health: 'ok', podIPs: ['10.244.1.14'] };
  const edgeTo = (state) => e('endpoint', 'svc:default/frontend', p.id, [tcp(80, 8080)], state);
  const be = graph.nodes.find((n) => n.id === 'svc:default/backend');
  const old = graph.nodes.find((n) => n.id === 'pod:default/backend-5c8f6d-m8n3q');
  const oldEdge = e('endpoint', be.id, old.id, [tcp(8080, 8080)], 'terminating');
  const status = demoStatus();
  const ingressReconnecting = {
    ...status,
    kinds: status.kinds.map((k) =>
      k.kind === 'Ingress' ? { ...k, state: 'reconnecting', message: 'watch closed; retrying' } : k,
    ),
  };
  return [
    {
      afterMs: 2000,
      patch: {
        upsertNodes: [p, { ...fe, endpointCounts: { ready: 2, notReady: 2, terminating: 0 } }],
        upsertEdges: [edgeTo('not-ready')],
      },
    },
    {
      afterMs: 5000,
      patch: {
        upsertNodes: [ready, { ...fe, endpointCounts: { ready: 3, notReady: 1, terminating: 0 } }],
        upsertEdges: [edgeTo('ready')],
      },
    },
    {
      afterMs: 8000,
      patch: {
        upsertNodes: [
          { ...old, terminating: true, ready: false, health: 'warning' },
          { ...be, endpointCounts: { ready: 1, notReady: 0, terminating: 1 } },
        ],
        upsertEdges: [oldEdge],
      },
      status: ingressReconnecting,
    },
    {
      afterMs: 12000,
      patch: {
        removeNodes: [old.id],
        removeEdges: [oldEdge.id],
        upsertNodes: [{ ...be, endpointCounts: { ready: 1, notReady: 0, terminating: 0 } }],
      },
      status,
    },
  ];
}
