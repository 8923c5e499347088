/** The verdict of one edge, source by source: glyph + word, ports, and the reasons as sentences. */
import type { EdgePolicy } from '@portolan/topology';
import { POLICY_MARK } from '../../model/policy-text.js';

/** `egress: ... ingress: ...` read better one side per line. */
export function reasonLines(reason: string): string[] {
  return reason.split(/ (?=(?:egress|ingress): )/);
}

export function PolicyVerdictList({ policy }: { policy: EdgePolicy }) {
  return (
    <ul className="pn-verdicts">
      {policy.sources.map((s, i) => {
        const mark = POLICY_MARK[s.status];
        return (
          <li key={i} className={`pn-verdict pn-verdict-${s.status}`}>
            <div>
              <strong>
                <span aria-hidden="true">{mark.icon}</span> {mark.text}
              </strong>{' '}
              for {s.source}
            </div>
            {s.allowed.length > 0 && <div>allowed: {s.allowed.join(', ')}</div>}
            {s.denied.length > 0 && <div>denied: {s.denied.join(', ')}</div>}
            {reasonLines(s.reason).map((line, j) => (
              <div key={j} className="pn-muted pn-reason">
                {line}
              </div>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
