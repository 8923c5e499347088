/**
 * A pair of ends over a set of ports, in one word for an edge: allowed (every
 * port), denied (none) or partly allowed (some), with the per-port verdicts
 * for the inspector. An empty port list allows nothing, so it is `denied`.
 */
import type { PolicyIndex } from './policy-index.js';
import { evaluate } from './evaluate.js';
import type { Peer, PortProtocol, Verdict } from './types.js';

export type PortsStatus = 'allowed' | 'denied' | 'partly-allowed';

export interface PortsSummary {
  status: PortsStatus;
  allowed: PortProtocol[];
  denied: PortProtocol[];
  verdicts: Verdict[];
}

export function summarizePorts(
  index: PolicyIndex,
  src: Peer,
  dst: Peer,
  ports: readonly PortProtocol[],
): PortsSummary {
  const allowed: PortProtocol[] = [];
  const denied: PortProtocol[] = [];
  const verdicts: Verdict[] = [];
  for (const { port, protocol } of ports) {
    const v = evaluate(index, { src, dst, port, protocol });
    verdicts.push(v);
    (v.verdict === 'allowed' ? allowed : denied).push({ port, protocol });
  }
  const status: PortsStatus =
    allowed.length === 0 ? 'denied' : denied.length === 0 ? 'allowed' : 'partly-allowed';
  return { status, allowed, denied, verdicts };
}
