/** Service validation: the rules on types, ports, targetPorts and nodePorts that a real API server applies. */
import { FieldError } from './errors.js';
import { parseIPv4 } from './ip.js';
import type { Service } from './types.js';
import {
  DNS1123_LABEL,
  DNS1123_SUBDOMAIN,
  PROTOCOLS,
  SERVICE_TYPES,
  quoteAll,
  validateLabels,
  validatePortName,
  validPortNumber,
} from './validation.js';

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
