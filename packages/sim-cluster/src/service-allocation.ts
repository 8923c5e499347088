/**
 * What the API server itself assigns to a Service while storing it: the
 * ClusterIP from the service CIDR and the NodePorts (and health-check port)
 * from the node-port range. This happens inside the create/update call, as
 * upstream, so a clash is a 422 Invalid answer to that call, not a later
 * event.
 */
import { FieldError, invalid } from './errors.js';
import {
  Allocator,
  cidrContains,
  formatIPv4,
  hostRange,
  parseCidr,
  parseIPv4,
  type Cidr,
} from './ip.js';
import { R } from './resources.js';
import type { Service, ServicePort } from './types.js';

export interface ServiceNetworkOptions {
  /** Default 10.96.0.0/16. */
  serviceCidr?: string;
  /** Default [30000, 32767]. */
  nodePortRange?: [number, number];
  random?: () => number;
}

const usesNodePorts = (svc: Service): boolean =>
  svc.spec?.type === 'NodePort' ||
  (svc.spec?.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false);

export class ServiceAllocations {
  readonly cidr: Cidr;
  readonly clusterIPs: Allocator;
  readonly nodePorts: Allocator;

  constructor(options: ServiceNetworkOptions = {}) {
    this.cidr = parseCidr(options.serviceCidr ?? '10.96.0.0/16');
    const [lo, hi] = hostRange(this.cidr);
    // Upstream's static bands: min(max(16, size/16), 256) addresses, min(max(16, size/32), 128) ports.
    this.clusterIPs = new Allocator(
      lo,
      hi,
      options.random,
      Math.min(Math.max(16, Math.floor(this.cidr.size / 16)), 256),
    );
    const [pmin, pmax] = options.nodePortRange ?? [30000, 32767];
    const ports = pmax - pmin + 1;
    this.nodePorts = new Allocator(
      pmin,
      pmax,
      options.random,
      Math.min(Math.max(16, Math.floor(ports / 32)), 128),
    );
  }

  /**
   * Fill in and claim the service's ClusterIP and NodePorts (mutating `svc`),
   * keeping what `old` already holds. Throws 422 Invalid without claiming
   * anything on a clash; returns an undo for the claims it made.
   */
  assign(svc: Service, old?: Service): () => void {
    const claims = new Claims(ownerKey(svc));
    const undo = () => claims.undo();
    const errors: FieldError[] = [];
    try {
      this.assignClusterIP(svc, old, claims, errors);
      this.assignNodePorts(svc, old, claims, errors);
    } catch (err) {
      undo();
      throw err;
    }
    if (errors.length > 0) {
      undo();
      throw invalid(R.services, svc.metadata.name ?? '', errors);
    }
    return undo;
  }

  /** After an update is stored: free what the old version held and the new one does not. */
  commit(svc: Service, old: Service): void {
    const owner = ownerKey(svc);
    const keepPorts = new Set(nodePortsOf(svc));
    for (const n of nodePortsOf(old)) if (!keepPorts.has(n)) this.nodePorts.release(n, owner);
    const oldIP = parseIPv4(old.spec?.clusterIP ?? '');
    if (oldIP !== undefined && old.spec?.clusterIP !== svc.spec?.clusterIP)
      this.clusterIPs.release(oldIP, owner);
  }

  release(svc: Service): void {
    const owner = ownerKey(svc);
    for (const n of nodePortsOf(svc)) this.nodePorts.release(n, owner);
    const ip = parseIPv4(svc.spec?.clusterIP ?? '');
    if (ip !== undefined) this.clusterIPs.release(ip, owner);
  }

  private assignClusterIP(
    svc: Service,
    old: Service | undefined,
    claims: Claims,
    errors: FieldError[],
  ): void {
    const spec = (svc.spec ??= {});
    if (spec.type === 'ExternalName') {
      delete spec.clusterIP;
      delete spec.clusterIPs;
      return;
    }
    const oldIP = old?.spec?.clusterIP;
    // A replace that leaves clusterIP empty keeps the allocated one, as upstream.
    if (!spec.clusterIP && oldIP && old?.spec?.type !== 'ExternalName') spec.clusterIP = oldIP;
    if (oldIP && old?.spec?.type !== 'ExternalName' && spec.clusterIP !== oldIP) {
      errors.push(
        new FieldError('Invalid', 'spec.clusterIPs[0]', 'may not change once set', spec.clusterIP),
      );
      return;
    }
    if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None'];
      return;
    }
    if (spec.clusterIP) {
      const ip = parseIPv4(spec.clusterIP);
      const field = 'spec.clusterIPs';
      if (ip === undefined) {
        errors.push(
          new FieldError('Invalid', field, 'must be a valid IP address', [spec.clusterIP]),
        );
      } else if (!cidrContains(this.cidr, ip) || !this.clusterIPs.inRange(ip)) {
        const why = `failed to allocate IP ${spec.clusterIP}: provided IP is not in the valid range. The range of valid IPs is ${this.cidr.text}`;
        errors.push(new FieldError('Invalid', field, why, [spec.clusterIP]));
      } else if (!claims.take(this.clusterIPs, ip)) {
        const why = `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`;
        errors.push(new FieldError('Invalid', field, why, [spec.clusterIP]));
      }
    } else {
      const ip = claims.fresh(this.clusterIPs);
      if (ip === undefined) throw new Error('failed to allocate a serviceIP: range is full');
      spec.clusterIP = formatIPv4(ip);
    }
    spec.clusterIPs = [spec.clusterIP];
  }

  private assignNodePorts(
    svc: Service,
    old: Service | undefined,
    claims: Claims,
    errors: FieldError[],
  ): void {
    const spec = (svc.spec ??= {});
    const ports = spec.ports ?? [];
    if (!usesNodePorts(svc) && spec.type !== 'LoadBalancer') return;
    const oldPorts = old && usesNodePorts(old) ? (old.spec?.ports ?? []) : [];
    const seen = new Map<number, string[]>();
    ports.forEach((port, i) => {
      if (!port.nodePort && usesNodePorts(svc)) {
        const previous = oldPorts.find((p) => samePort(p, port));
        if (previous?.nodePort) port.nodePort = previous.nodePort;
      }
      if (!port.nodePort) return;
      const field = `spec.ports[${i}].nodePort`;
      const protocols = seen.get(port.nodePort) ?? [];
      if (protocols.includes(port.protocol ?? 'TCP')) {
        errors.push(new FieldError('Duplicate', field, '', port.nodePort));
      } else if (!this.nodePorts.inRange(port.nodePort)) {
        const why = `provided port is not in the valid range. The range of valid ports is ${this.nodePorts.min}-${this.nodePorts.max}`;
        errors.push(new FieldError('Invalid', field, why, port.nodePort));
      } else if (protocols.length === 0 && !claims.take(this.nodePorts, port.nodePort)) {
        errors.push(
          new FieldError('Invalid', field, 'provided port is already allocated', port.nodePort),
        );
      }
      seen.set(port.nodePort, [...protocols, port.protocol ?? 'TCP']);
    });
    if (errors.length > 0 || !usesNodePorts(svc)) return;
    for (const port of ports) {
      if (port.nodePort) continue;
      const n = claims.fresh(this.nodePorts);
      if (n === undefined) throw new Error('failed to allocate a nodePort: range is full');
      port.nodePort = n;
    }
    if (
      spec.type === 'LoadBalancer' &&
      spec.externalTrafficPolicy === 'Local' &&
      !spec.healthCheckNodePort
    ) {
      const previous = old?.spec?.healthCheckNodePort;
      const n =
        typeof previous === 'number' && claims.take(this.nodePorts, previous)
          ? previous
          : claims.fresh(this.nodePorts);
      if (n !== undefined) spec.healthCheckNodePort = n;
    }
  }
}

/** Claims made during one assign, so a failed write can give them back. */
class Claims {
  private readonly made: { alloc: Allocator; n: number }[] = [];
  constructor(private readonly owner: string) {}

  take(alloc: Allocator, n: number): boolean {
    if (alloc.ownerOf(n) === this.owner) return true;
    if (!alloc.claim(n, this.owner)) return false;
    this.made.push({ alloc, n });
    return true;
  }

  fresh(alloc: Allocator): number | undefined {
    const n = alloc.allocate(this.owner);
    if (n !== undefined) this.made.push({ alloc, n });
    return n;
  }

  undo(): void {
    for (const { alloc, n } of this.made) alloc.release(n, this.owner);
    this.made.length = 0;
  }
}

function samePort(a: ServicePort, b: ServicePort): boolean {
  return (
    a.port === b.port &&
    (a.protocol ?? 'TCP') === (b.protocol ?? 'TCP') &&
    (a.name ?? '') === (b.name ?? '')
  );
}

function nodePortsOf(svc: Service): number[] {
  const ports = (svc.spec?.ports ?? [])
    .map((p) => p.nodePort)
    .filter((n): n is number => typeof n === 'number');
  const hc = svc.spec?.healthCheckNodePort;
  return typeof hc === 'number' ? [...ports, hc] : ports;
}

function ownerKey(svc: Service): string {
  return `${svc.metadata.namespace ?? ''}/${svc.metadata.name ?? ''}`;
}
