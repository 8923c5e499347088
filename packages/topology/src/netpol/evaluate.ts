/**
 * The verdict for one connection: allowed iff the source's egress allows it
 * AND the destination's ingress allows it, each side judged on its own (a
 * side that is an IP, or a pod no policy isolates, allows). Replies need no
 * verdict: they are implicitly allowed. A pod cannot block access to itself
 * (Kubernetes docs), so loopback is allowed whatever the policies say; the
 * policies' own answer stays in `byPolicy` and the two side verdicts.
 */
import { objectKey } from '../objects.js';
import type { PolicyIndex } from './policy-index.js';
import { evaluateSide } from './side.js';
import type { ConnectionQuery, Verdict } from './types.js';

export function evaluate(index: PolicyIndex, query: ConnectionQuery): Verdict {
  const { src, dst, port } = query;
  const protocol = query.protocol ?? 'TCP';
  const egress = evaluateSide(index, 'egress', src, dst, port, protocol);
  const ingress = evaluateSide(index, 'ingress', dst, src, port, protocol);
  const loopback =
    src.kind === 'pod' && dst.kind === 'pod' && objectKey(src.pod) === objectKey(dst.pod);
  const byPolicy = egress.allowed && ingress.allowed;
  return {
    verdict: byPolicy || loopback ? 'allowed' : 'denied',
    byPolicy: byPolicy ? 'allowed' : 'denied',
    loopback,
    egress,
    ingress,
    port,
    protocol,
  };
}
