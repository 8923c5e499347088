/** A verdict in sentences, for the hover card and the inspector. */
import type { RuleRef, SideVerdict, Verdict } from './types.js';

function ruleText(r: RuleRef): string {
  return `${r.policy} ${r.direction}[${r.ruleIndex}]`;
}

function list(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** One sentence for one side. */
export function sideText(side: SideVerdict): string {
  const who = side.pod ? `pod ${side.pod}` : 'this end';
  const dir = side.direction;
  switch (side.reason) {
    case 'not-a-pod':
      return `${dir}: not a pod, no policy applies.`;
    case 'host-network':
      return `${dir}: ${who} uses the host network; policies do not apply to it.`;
    case 'not-isolated':
      return `${dir}: no policy isolates ${who} for ${dir}, so everything is allowed.`;
    case 'allowed-by-rule':
      return `${dir}: ${who} is isolated by ${list(side.policies)}; allowed by ${list(side.allowedBy.map(ruleText))}.`;
    case 'resident-node':
      return `${dir}: ${who} is isolated by ${list(side.policies)}, but traffic from its own node is always allowed.`;
    case 'no-rule-matched': {
      const near = side.portMismatch.length
        ? ` (${list(side.portMismatch.map(ruleText))} match the peer but not the port)`
        : '';
      return `${dir}: ${who} is isolated by ${list(side.policies)} and no rule allows this traffic${near}.`;
    }
  }
}

export function verdictText(v: Verdict): string {
  const head = `${v.verdict === 'allowed' ? 'Allowed' : 'Denied'} on ${v.protocol}/${v.port}.`;
  const loop = v.loopback
    ? ' Source and destination are the same pod, which cannot block access to itself.'
    : '';
  return `${head}${loop} ${sideText(v.egress)} ${sideText(v.ingress)}`;
}
