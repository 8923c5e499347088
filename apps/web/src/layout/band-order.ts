/**
 * The order of bands on the canvas: what matters to someone following
 * traffic comes first.
 *
 * Namespaces: those exposing something outside the cluster (LoadBalancer,
 * externalIP, Ingress, NodePort) first, the most exposed first; ordinary
 * namespaces next; system namespaces (`kube-*`, and `default` when it only
 * holds the API server's `kubernetes` Service) last. Then by name.
 *
 * Service bands inside a namespace, by exposure: LoadBalancer / externalIPs,
 * then Ingress-routed, then NodePort, then ClusterIP, then headless /
 * ExternalName, then pods no Service selects. Then by name.
 */
import type { NodeKind } from '@portolan/topology';

export const EXPOSURE = {
  loadbalancer: 0,
  ingress: 1,
  nodeport: 2,
  clusterip: 3,
  internal: 4,
  ungrouped: 5,
} as const;

export type Exposure = (typeof EXPOSURE)[keyof typeof EXPOSURE];

/** What a band holds, as far as its order is concerned. */
export interface BandFacts {
  kinds: ReadonlySet<NodeKind>;
  /** An Ingress routes to the band's Service (or the band is an Ingress's own). */
  ingressRouted: boolean;
  /** The band's Service is headless or ExternalName. */
  internalOnly: boolean;
  hasService: boolean;
}

export function bandExposure(f: BandFacts): Exposure {
  if (f.kinds.has('loadbalancer') || f.kinds.has('externalip')) return EXPOSURE.loadbalancer;
  if (f.ingressRouted || f.kinds.has('ingress')) return EXPOSURE.ingress;
  if (f.kinds.has('nodeport')) return EXPOSURE.nodeport;
  if (!f.hasService) return EXPOSURE.ungrouped;
  return f.internalOnly ? EXPOSURE.internal : EXPOSURE.clusterip;
}

export interface NamespaceFacts {
  namespace: string;
  /** Exposure of each of its bands. */
  exposures: readonly Exposure[];
  /** Names of its bands (Service names, or UNGROUPED). */
  bandNames: readonly string[];
}

export function isSystemNamespace(ns: NamespaceFacts): boolean {
  if (ns.namespace.startsWith('kube-')) return true;
  return ns.namespace === 'default' && ns.bandNames.every((n) => n === 'kubernetes');
}

/** A sort key: [tier, -exposed bands, best exposure]; compare element-wise, then by name. */
export function namespaceRank(ns: NamespaceFacts): [number, number, number] {
  const exposed = ns.exposures.filter((e) => e <= EXPOSURE.nodeport).length;
  const best = Math.min(...ns.exposures, EXPOSURE.ungrouped);
  const tier = isSystemNamespace(ns) ? 2 : exposed > 0 ? 0 : 1;
  return [tier, -exposed, best];
}

export function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
