/**
 * Validation as the API server does it before storing: names, labels, and
 * the per-kind rules that matter to traffic. Every problem becomes a field
 * error; the caller turns them into one 422 Invalid Status.
 */
import { FieldError } from './errors.js';
import { parseCidr, parseIPv4 } from './ip.js';
import type { ResourceType } from './resources.js';
import type { Container, KubeObject, Pod, Service } from './types.js';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const quoteAll = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

export function validateName(r: ResourceType, name: string, field = 'metadata.name'): FieldError[] {
  if (r.kind === 'Service') {
    if (!DNS1035_LABEL.test(name) || name.length > 63) {
      return [
        new FieldError(
          'Invalid',
          field,
          "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
          name,
        ),
      ];
    }
  } else if (r.kind === 'Namespace') {
    if (!DNS1123_LABEL.test(name) || name.length > 63) {
      return [
        new FieldError(
          'Invalid',
          field,
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
          name,
        ),
      ];
    }
  } else if (!DNS1123_SUBDOMAIN.test(name) || name.length > 253) {
    return [
      new FieldError(
        'Invalid',
        field,
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        name,
      ),
    ];
  }
  return [];
}

export function validateLabels(labels: unknown, field: string): FieldError[] {
  if (labels === undefined || labels === null) return [];
  if (typeof labels !== 'object' || Array.isArray(labels))
    return [
      new FieldError(
        'Invalid',
        field,
        'must be a map of string keys to string values',
        String(labels),
      ),
    ];
  const errors: FieldError[] = [];
  for (const [k, v] of Object.entries(labels)) {
    if (!LABEL_KEY.test(k) || k.length > 316)
      errors.push(
        new FieldError(
          'Invalid',
          field,
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          k,
        ),
      );
    if (typeof v !== 'string' || !LABEL_VALUE.test(v) || v.length > 63)
      errors.push(
        new FieldError(
          'Invalid',
          `${field}`,
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          String(v),
        ),
      );
  }
  return errors;
}

function validPortNumber(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}

function validatePortName(name: string, field: string): FieldError[] {
  if (!IANA_SVC_NAME.test(name) || name.length > 15 || !/[a-z]/.test(name) || name.includes('--')) {
    return [
      new FieldError(
        'Invalid',
        field,
        'must be no more than 15 characters, contain only lowercase alphanumerics or "-", contain at least one letter (a-z), and not start or end with "-"',
        name,
      ),
    ];
  }
  return [];
}

export function validateService(svc: Service): FieldError[] {
  const errors: FieldError[] = [];
  const spec = svc.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  if (!SERVICE_TYPES.includes(type))
    errors.push(new FieldError('NotSupported', 'spec.type', quoteAll(SERVICE_TYPES), type));
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && type !== 'ExternalName' && !headless)
    errors.push(new FieldError('Required', 'spec.ports', ''));
  if (type === 'ExternalName') {
    if (!spec.externalName) errors.push(new FieldError('Required', 'spec.externalName', ''));
    else if (!DNS1123_SUBDOMAIN.test(spec.externalName.replace(/\.$/, '')))
      errors.push(
        new FieldError(
          'Invalid',
          'spec.externalName',
          'must be a valid DNS name',
          spec.externalName,
        ),
      );
  }
  if (spec.clusterIP && spec.clusterIP !== 'None' && parseIPv4(spec.clusterIP) === undefined)
    errors.push(
      new FieldError(
        'Invalid',
        'spec.clusterIP',
        'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        spec.clusterIP,
      ),
    );
  errors.push(...validateLabels(spec.selector, 'spec.selector'));
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((port, i) => {
    const f = `spec.ports[${i}]`;
    if (ports.length > 1 && !port.name) errors.push(new FieldError('Required', `${f}.name`, ''));
    if (port.name) {
      if (!DNS1123_LABEL.test(port.name))
        errors.push(
          new FieldError(
            'Invalid',
            `${f}.name`,
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
            port.name,
          ),
        );
      if (names.has(port.name))
        errors.push(new FieldError('Duplicate', `${f}.name`, '', port.name));
      names.add(port.name);
    }
    if (!validPortNumber(port.port))
      errors.push(
        new FieldError('Invalid', `${f}.port`, 'must be between 1 and 65535, inclusive', port.port),
      );
    const protocol = port.protocol ?? 'TCP';
    if (!PROTOCOLS.includes(protocol))
      errors.push(new FieldError('NotSupported', `${f}.protocol`, quoteAll(PROTOCOLS), protocol));
    const key = `${port.port}/${protocol}`;
    if (seen.has(key)) errors.push(new FieldError('Duplicate', f, '', key));
    seen.add(key);
    const tp = port.targetPort;
    if (typeof tp === 'number' && !validPortNumber(tp))
      errors.push(
        new FieldError('Invalid', `${f}.targetPort`, 'must be between 1 and 65535, inclusive', tp),
      );
    if (typeof tp === 'string') errors.push(...validatePortName(tp, `${f}.targetPort`));
    if (port.nodePort !== undefined && type !== 'NodePort' && type !== 'LoadBalancer') {
      errors.push(
        new FieldError('Forbidden', `${f}.nodePort`, `may not be used when \`type\` is '${type}'`),
      );
    }
  });
  if (spec.allocateLoadBalancerNodePorts !== undefined && type !== 'LoadBalancer')
    errors.push(
      new FieldError(
        'Forbidden',
        'spec.allocateLoadBalancerNodePorts',
        "may only be used when `type` is 'LoadBalancer'",
      ),
    );
  if (
    spec.externalTrafficPolicy !== undefined &&
    !['Cluster', 'Local'].includes(spec.externalTrafficPolicy)
  )
    errors.push(
      new FieldError(
        'NotSupported',
        'spec.externalTrafficPolicy',
        '"Cluster", "Local"',
        spec.externalTrafficPolicy,
      ),
    );
  return errors;
}

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
export function knownTopLevelFields(r: ResourceType): readonly string[] {
  const base = ['apiVersion', 'kind', 'metadata'];
  if (r.kind === 'EndpointSlice') return [...base, 'addressType', 'endpoints', 'ports'];
  if (r.kind === 'NetworkPolicy' || r.kind === 'IngressClass') return [...base, 'spec'];
  return [...base, 'spec', 'status'];
}

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
    default:
      return [];
  }
}
