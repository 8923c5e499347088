/**
 * For one pod: who can reach it on its declared ports, and what it can reach
 * on theirs, by workload (GET /api/connectivity?pod=). Fetched when the pod
 * is selected; "Ask again" after the cluster changed.
 */
import { useEffect, useState } from 'react';
import type { Reachability, ReachRow } from '@portolan/topology';
import { fetchReachability } from '../../api/connectivity.js';

const MAX_ROWS = 60;

type Answered = { phase: 'done'; value: Reachability } | { phase: 'error'; error: string };
type State = { phase: 'loading' } | Answered;

export function ReachabilityTables({ pod }: { pod: string }) {
  const [ask, setAsk] = useState(0);
  const key = `${pod}#${ask}`;
  // The answer is kept with the question it answers: a stale one reads as loading.
  const [answer, setAnswer] = useState<{ key: string; state: Answered } | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    fetchReachability(pod, ctl.signal)
      .then((a) =>
        setAnswer({
          key,
          state: a.ok ? { phase: 'done', value: a.value } : { phase: 'error', error: a.error },
        }),
      )
      .catch(() => undefined);
    return () => ctl.abort();
  }, [pod, key]);
  const state: State = answer?.key === key ? answer.state : { phase: 'loading' };
  return (
    <section aria-label="Reachability">
      {state.phase === 'loading' && <p className="pn-muted">Asking the server…</p>}
      {state.phase === 'error' && <p className="pn-check-error">⚠ {state.error}</p>}
      {state.phase === 'done' && (
        <>
          <ReachTable
            title="Who can reach it"
            hint="on the ports its containers declare"
            rows={state.value.inbound}
          />
          <ReachTable
            title="What it can reach"
            hint="on the ports their containers declare"
            rows={state.value.outbound}
          />
        </>
      )}
      <button type="button" className="pn-button" onClick={() => setAsk((n) => n + 1)}>
        Ask again
      </button>
    </section>
  );
}

function ReachTable({ title, hint, rows }: { title: string; hint: string; rows: ReachRow[] }) {
  const shown = rows.slice(0, MAX_ROWS);
  return (
    <>
      <h4>
        {title} <span className="pn-muted">({hint})</span>
      </h4>
      {rows.length === 0 ? (
        <p className="pn-muted">no pods with declared ports to ask about</p>
      ) : (
        <table className="pn-table" aria-label={title}>
          <thead>
            <tr>
              <th>workload</th>
              <th>allowed</th>
              <th>denied</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.peer}>
                <td>
                  {r.peer}
                  {r.pods > 1 && <span className="pn-muted"> ({r.pods} pods)</span>}
                </td>
                <td className="pn-allowed">
                  {r.allowed.length > 0 ? `✓\u00a0${r.allowed.join(', ')}` : '—'}
                </td>
                <td className="pn-denied">
                  {r.denied.length > 0 ? `⊘\u00a0${r.denied.join(', ')}` : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > shown.length && (
        <p className="pn-muted">and {rows.length - shown.length} more workloads</p>
      )}
    </>
  );
}
