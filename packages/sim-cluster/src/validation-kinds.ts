/** Validation of Pods, Ingresses, EndpointSlices and Nodes, and the per-kind dispatch. */
import { FieldError } from './errors.js';
import { parseCidr } from './ip.js';
import type { ResourceType } from './resources.js';
import type { Container, KubeObject, Pod, Service } from './types.js';
import { validateService } from './validation-service.js';
import { validateWorkload } from './validation-workloads.js';
import {
  DNS1123_LABEL,
  PROTOCOLS,
  quoteAll,
  validatePortName,
  validPortNumber,
} from './validation.js';

function validateContainer(
  c: Container,
  f: string,
  names: Set<string>,
  portNames: Set<string>,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!c.name) errors.push(new FieldError('Required', `${f}.name`, ''));
  else if (!DNS1123_LABEL.test(c.name))
    errors.push(
      new FieldError(
        'Invalid',
        `${f}.name`,
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'",
        c.name,
      ),
    );
  else if (names.has(c.name)) errors.push(new FieldError('Duplicate', `${f}.name`, '', c.name));
  names.add(c.name);
  if (!c.image) errors.push(new FieldError('Required', `${f}.image`, ''));
  (c.ports ?? []).forEach((p, j) => {
    const pf = `${f}.ports[${j}]`;
    if (!validPortNumber(p.containerPort))
      errors.push(
        new FieldError(
          'Invalid',
          `${pf}.containerPort`,
          'must be between 1 and 65535, inclusive',
          p.containerPort,
        ),
      );
    if (p.protocol && !PROTOCOLS.includes(p.protocol))
      errors.push(
        new FieldError('NotSupported', `${pf}.protocol`, quoteAll(PROTOCOLS), p.protocol),
      );
    if (p.name) {
      errors.push(...validatePortName(p.name, `${pf}.name`));
      if (portNames.has(p.name)) errors.push(new FieldError('Duplicate', `${pf}.name`, '', p.name));
      portNames.add(p.name);
    }
  });
  return errors;
}

export function validatePod(pod: Pod): FieldError[] {
  const containers = pod.spec?.containers ?? [];
  if (containers.length === 0) return [new FieldError('Required', 'spec.containers', '')];
  const names = new Set<string>();
  const portNames = new Set<string>();
  return containers.flatMap((c, i) =>
    validateContainer(c, `spec.containers[${i}]`, names, portNames),
  );
}

interface IngressBackend {
  service?: { name?: string; port?: { number?: number; name?: string } };
  resource?: unknown;
}
interface IngressPath {
  path?: string;
  pathType?: string;
  backend?: IngressBackend;
}
interface IngressSpec {
  defaultBackend?: IngressBackend;
  rules?: { host?: string; http?: { paths?: IngressPath[] } }[];
}

function validateBackend(b: IngressBackend | undefined, f: string): FieldError[] {
  if (!b || (!b.service && !b.resource))
    return [new FieldError('Invalid', f, 'backend must be specified', '')];
  if (!b.service) return [];
  const errors: FieldError[] = [];
  if (!b.service.name) errors.push(new FieldError('Required', `${f}.service.name`, ''));
  const port = b.service.port ?? {};
  if (port.number === undefined && port.name === undefined)
    errors.push(new FieldError('Required', `${f}.service.port`, 'port name or number is required'));
  if (port.number !== undefined && port.name !== undefined)
    errors.push(
      new FieldError(
        'Invalid',
        `${f}.service.port`,
        'cannot set both port name & port number',
        port.name,
      ),
    );
  return errors;
}

export function validateIngress(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as IngressSpec;
  const errors: FieldError[] = [];
  if (!spec.defaultBackend && !(spec.rules ?? []).length)
    errors.push(
      new FieldError('Invalid', 'spec', 'either `defaultBackend` or `rules` must be specified', ''),
    );
  if (spec.defaultBackend)
    errors.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  (spec.rules ?? []).forEach((rule, i) => {
    (rule.http?.paths ?? []).forEach((p, j) => {
      const f = `spec.rules[${i}].http.paths[${j}]`;
      const types = ['Exact', 'ImplementationSpecific', 'Prefix'];
      if (!p.pathType)
        errors.push(new FieldError('Required', `${f}.pathType`, 'pathType must be specified'));
      else if (!types.includes(p.pathType))
        errors.push(new FieldError('NotSupported', `${f}.pathType`, quoteAll(types), p.pathType));
      if (p.pathType !== 'ImplementationSpecific' && !(p.path ?? '').startsWith('/'))
        errors.push(
          new FieldError('Invalid', `${f}.path`, 'must be an absolute path', p.path ?? ''),
        );
      errors.push(...validateBackend(p.backend, `${f}.backend`));
    });
  });
  return errors;
}

export function validateEndpointSlice(obj: KubeObject): FieldError[] {
  const types = ['FQDN', 'IPv4', 'IPv6'];
  const at = obj.addressType;
  if (typeof at !== 'string') return [new FieldError('Required', 'addressType', '')];
  if (!types.includes(at))
    return [new FieldError('NotSupported', 'addressType', quoteAll(types), at)];
  return [];
}

export function validateNode(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as { podCIDR?: string; podCIDRs?: string[] };
  const errors: FieldError[] = [];
  for (const [i, cidr] of (spec.podCIDRs ?? (spec.podCIDR ? [spec.podCIDR] : [])).entries()) {
    try {
      parseCidr(cidr);
    } catch {
      errors.push(new FieldError('Invalid', `spec.podCIDRs[${i}]`, 'must be a valid CIDR', cidr));
    }
  }
  return errors;
}

/** Top-level fields each kind has; anything else is an unknown field. */

export function validateKind(r: ResourceType, obj: KubeObject): FieldError[] {
  switch (r.kind) {
    case 'Service':
      return validateService(obj as Service);
    case 'Pod':
      return validatePod(obj as Pod);
    case 'Ingress':
      return validateIngress(obj);
    case 'EndpointSlice':
      return validateEndpointSlice(obj);
    case 'Node':
      return validateNode(obj);
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicationController':
      return validateWorkload(r.kind, obj);
    default:
      return [];
  }
}
