/**
 * Which ports a rule's `ports[]` entry matches.
 * - `protocol` defaults to TCP (slim() applies the API default); it must equal the traffic's.
 * - no `port`: every port of that protocol.
 * - a number, with `endPort`: the inclusive range port..endPort.
 * - a name: resolved against the DESTINATION pod's container ports (for
 *   egress rules too), by name and protocol; the traffic matches when its port
 *   is the resolved number. A name that resolves nowhere, or a destination that
 *   is not a pod (an IP, a hostNetwork pod seen as its node), matches nothing.
 * Entries the API would reject (endPort without a numeric port, endPort < port)
 * match nothing; `validatePolicy` reports them.
 */
import type { NetworkPolicyPort, Protocol, SlimPod } from '../objects.js';

/** The container port numbers of `pod` named `name` for `protocol`. */
export function resolveNamedPort(pod: SlimPod, name: string, protocol: Protocol): number[] {
  const out: number[] = [];
  for (const c of pod.spec.containers) {
    for (const p of c.ports) {
      if (p.name === name && p.protocol === protocol) out.push(p.containerPort);
    }
  }
  return out;
}

/** Whether one ports[] entry matches `port`/`protocol` towards `dstPod` (undefined: not a pod). */
export function portEntryMatches(
  entry: NetworkPolicyPort,
  port: number,
  protocol: Protocol,
  dstPod: SlimPod | undefined,
): boolean {
  if (entry.protocol !== protocol) return false;
  if (entry.port === undefined) return entry.endPort === undefined;
  if (typeof entry.port === 'number') {
    const end = entry.endPort ?? entry.port;
    return end >= entry.port && port >= entry.port && port <= end;
  }
  if (entry.endPort !== undefined || !dstPod || dstPod.spec.hostNetwork) return false;
  return resolveNamedPort(dstPod, entry.port, protocol).includes(port);
}

/** A rule's ports: absent or empty = all ports; otherwise any entry. */
export function portsMatch(
  ports: readonly NetworkPolicyPort[] | undefined,
  port: number,
  protocol: Protocol,
  dstPod: SlimPod | undefined,
): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((e) => portEntryMatches(e, port, protocol, dstPod));
}
