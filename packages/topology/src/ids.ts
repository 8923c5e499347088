/**
 * Readable node and edge ids (docs/adr/0002-ids.md): `<prefix>:<namespace>/<name>`
 * plus a suffix where one object yields several nodes. Stable across
 * restarts and identical between a full build and incremental updates.
 */
import type { EdgeId, NodeId } from './graph.js';

export const EXTERNAL_ID: NodeId = 'external:clients';

export const ids = {
  service: (ns: string, name: string): NodeId => `svc:${ns}/${name}`,
  pod: (ns: string, name: string): NodeId => `pod:${ns}/${name}`,
  loadBalancer: (ns: string, name: string): NodeId => `lb:${ns}/${name}`,
  nodePort: (ns: string, name: string): NodeId => `np:${ns}/${name}`,
  externalIp: (ns: string, name: string, ip: string): NodeId => `eip:${ns}/${name}/${ip}`,
  ingress: (ns: string, name: string): NodeId => `ing:${ns}/${name}`,
  address: (ns: string, service: string, address: string): NodeId =>
    `addr:${ns}/${service}/${address}`,
  edge: (source: NodeId, target: NodeId, suffix?: string): EdgeId =>
    suffix === undefined ? `${source}->${target}` : `${source}->${target}#${suffix}`,
};
