/**
 * What one Ingress contributes: its node (the controller's address and the
 * host/path rules) and one edge per rule path to the backend Service port.
 */
import type { Contribution } from './contribution.js';
import { ContributionBuilder } from './contribution.js';
import type { FindingObject, IngressNode } from './graph.js';
import { EXTERNAL_ID, ids } from './ids.js';
import type { IngressServiceBackend, SlimIngress } from './objects.js';
import { externalNode } from './pod.js';
import type { ObjectStore } from './store.js';

function backendText(b: IngressServiceBackend): string {
  if (b.resource) return `${b.resource.kind}/${b.resource.name}`;
  const p = b.service?.port;
  return `${b.service?.name ?? '?'}:${p?.number ?? p?.name ?? '?'}`;
}

/** `host/path`, with the pathType when it is not the common Prefix. */
function routeLabel(host: string, path: string, pathType: string): string {
  return `${host === '*' ? '' : host}${path}${pathType === 'Prefix' ? '' : ` (${pathType})`}`;
}

export function ingressContribution(store: ObjectStore, ing: SlimIngress): Contribution {
  const b = new ContributionBuilder();
  const ns = ing.metadata.namespace ?? 'default';
  const name = ing.metadata.name;
  const self: FindingObject = { kind: 'Ingress', namespace: ns, name };
  const ingId = ids.ingress(ns, name);
  const tlsHosts = ing.spec.tls.flatMap((t) => t.hosts);
  const addresses = ing.status.loadBalancer.ingress;
  const klass = store.ingressClassOf(ing);
  const className = klass.name;
  // Only spec.ingressClassName must name an IngressClass object; the old
  // annotation is matched by controllers on its text.
  const classMissing = ing.spec.ingressClassName !== undefined && !klass.cls;

  const routes: {
    host: string;
    path: string;
    pathType: string;
    backend: IngressServiceBackend;
    suffix: string;
  }[] = [];
  ing.spec.rules.forEach((rule, ri) =>
    rule.paths.forEach((p, pi) =>
      routes.push({
        host: rule.host ?? '*',
        path: p.path ?? '/',
        pathType: p.pathType,
        backend: p.backend,
        suffix: `${ri}.${pi}`,
      }),
    ),
  );
  if (ing.spec.defaultBackend) {
    routes.push({
      host: '*',
      path: '(default backend)',
      pathType: '',
      backend: ing.spec.defaultBackend,
      suffix: 'default',
    });
  }

  const node = b.node<IngressNode>({
    id: ingId,
    kind: 'ingress',
    label: name,
    namespace: ns,
    name,
    health: addresses.length ? 'ok' : 'pending',
    addresses,
    tlsHosts,
    rules: routes.map((r) => ({
      host: r.host,
      path: r.path,
      pathType: r.pathType,
      backend: backendText(r.backend),
    })),
    ...(className ? { ingressClassName: className } : {}),
    ...(klass.cls?.spec.controller ? { ingressController: klass.cls.spec.controller } : {}),
    ...(klass.isDefault ? { defaultClass: true } : {}),
    ...(classMissing ? { classMissing: true } : {}),
  });
  b.node(externalNode());
  const listen = [{ from: 80, to: 80, protocol: 'TCP' as const }];
  if (tlsHosts.length) listen.push({ from: 443, to: 443, protocol: 'TCP' });
  b.edge({
    id: ids.edge(EXTERNAL_ID, ingId),
    kind: 'client',
    source: EXTERNAL_ID,
    target: ingId,
    ports: listen,
    state: addresses.length ? 'route' : 'unknown',
  });

  if (classMissing) {
    node.health = 'error';
    const known = [...store.ingressClasses.keys()].sort();
    b.finding({
      code: 'INGRESS_CLASS_MISSING',
      severity: 'error',
      message: `Ingress ${ns}/${name} names IngressClass ${className}, which does not exist, so no ingress controller will serve it${addresses.length ? ' (its address is left from earlier)' : ''}. Fix spec.ingressClassName (classes in the cluster: ${known.join(', ') || 'none'}) or install the controller that provides ${className}.`,
      objects: [self, { kind: 'IngressClass', name: className ?? '' }],
      nodeIds: [ingId],
    });
  } else if (!addresses.length) {
    b.finding({
      code: 'INGRESS_NO_ADDRESS',
      severity: 'warning',
      message: `Ingress ${ns}/${name} has no address: no ingress controller has admitted it${className ? ` (class ${className}${klass.isDefault ? ", the cluster's default" : ''}${klass.cls?.spec.controller ? `, controller ${klass.cls.spec.controller}` : ''})` : ' (it names no IngressClass and the cluster has no default one, so only a controller that serves class-less Ingresses would pick it up)'}. Check that a controller for this class runs in the cluster.`,
      objects: [self],
      nodeIds: [ingId],
    });
  }

  for (const r of routes) {
    const svcRef = r.backend.service;
    if (!svcRef) continue; // a resource backend (e.g. a storage bucket): listed in the node's rules
    const svc = store.services.get(`${ns}/${svcRef.name}`);
    const svcObj: FindingObject = { kind: 'Service', namespace: ns, name: svcRef.name };
    const where = `Ingress ${ns}/${name} routes ${r.host}${r.path === '(default backend)' ? ' (default backend)' : r.path}`;
    if (!svc) {
      node.health = 'error';
      b.finding({
        id: `INGRESS_BACKEND_MISSING:${ns}/${name}:${r.suffix}`,
        code: 'INGRESS_BACKEND_MISSING',
        severity: 'error',
        message: `${where} to Service ${svcRef.name}, which does not exist in namespace ${ns}; requests there get 503 from the controller. Create the Service or fix the backend name.`,
        objects: [self, svcObj],
        nodeIds: [ingId],
      });
      continue;
    }
    const port = svc.spec.ports.find((p) =>
      svcRef.port.number !== undefined
        ? p.port === svcRef.port.number
        : p.name === svcRef.port.name,
    );
    const svcId = ids.service(ns, svcRef.name);
    if (!port) {
      node.health = 'error';
      b.finding({
        id: `INGRESS_BACKEND_PORT_MISSING:${ns}/${name}:${r.suffix}`,
        code: 'INGRESS_BACKEND_PORT_MISSING',
        severity: 'error',
        message: `${where} to port ${svcRef.port.number ?? svcRef.port.name} of Service ${svcRef.name}, but the Service has no such port (it has ${svc.spec.ports.map((p) => (p.name ? `${p.name}:${p.port}` : p.port)).join(', ') || 'none'}). Fix the backend port.`,
        objects: [self, svcObj],
        nodeIds: [ingId, svcId],
      });
      continue;
    }
    const tls = tlsHosts.includes(r.host);
    b.edge({
      id: ids.edge(ingId, svcId, r.suffix),
      kind: 'to-service',
      source: ingId,
      target: svcId,
      ports: [
        {
          from: tls ? 443 : 80,
          to: port.port,
          protocol: port.protocol,
          ...(port.name ? { name: port.name } : {}),
        },
      ],
      state: 'route',
      label:
        r.path === '(default backend)' ? 'default backend' : routeLabel(r.host, r.path, r.pathType),
    });
  }
  return b.c;
}
