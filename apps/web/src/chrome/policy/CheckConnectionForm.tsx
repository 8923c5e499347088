/**
 * "May A reach B on this port?": any two ends (a pod `namespace/name` or an
 * IP) and a port, answered by the server with the verdict and its reasons.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { ConnectionAnswer, Protocol } from '@portolan/topology';
import { fetchConnection } from '../../api/connectivity.js';
import { POLICY_MARK } from '../../model/policy-text.js';
import { useAppStore } from '../../store/store.js';
import { reasonLines } from './PolicyVerdictList.js';

const MAX_SUGGESTIONS = 400;

interface Props {
  from?: string;
  to?: string;
  port?: string;
}

type Result = { answer: ConnectionAnswer } | { error: string } | null;

export function CheckConnectionForm(props: Props) {
  const [from, setFrom] = useState(props.from ?? '');
  const [to, setTo] = useState(props.to ?? '');
  const [port, setPort] = useState(props.port ?? '');
  const [protocol, setProtocol] = useState<Protocol>('TCP');
  const [result, setResult] = useState<Result>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const nodes = useAppStore((s) => s.nodes);
  const suggestions = useMemo(() => {
    const out: string[] = [];
    for (const n of nodes.values()) {
      if (n.kind !== 'pod') continue;
      out.push(`${n.namespace}/${n.name}`);
      if (out.length >= MAX_SUGGESTIONS) break;
    }
    return out.sort();
  }, [nodes]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const a = await fetchConnection({ from, to, port, protocol });
    setBusy(false);
    setResult(a.ok ? { answer: a.value } : { error: a.error });
  };

  return (
    <form className="pn-check" aria-label="Check a connection" onSubmit={(e) => void submit(e)}>
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <EndField label="From" value={from} listId={listId} onChange={setFrom} />
      <EndField label="To" value={to} listId={listId} onChange={setTo} />
      <div className="pn-check-row">
        <label>
          <span>Port</span>
          <input
            value={port}
            inputMode="numeric"
            pattern="[0-9]*"
            size={6}
            onChange={(e) => setPort(e.target.value)}
            required
          />
        </label>
        <label>
          <span>Protocol</span>
          <select
            aria-label="Protocol"
            value={protocol}
            onChange={(e) => setProtocol(e.target.value as Protocol)}
          >
            <option>TCP</option>
            <option>UDP</option>
            <option>SCTP</option>
          </select>
        </label>
        <button type="submit" className="pn-button" disabled={busy}>
          Check
        </button>
      </div>
      <div role="status" aria-label="Connection verdict" className="pn-check-result">
        {result && 'error' in result && <p className="pn-check-error">⚠ {result.error}</p>}
        {result && 'answer' in result && (
          <div className={`pn-verdict pn-verdict-${result.answer.verdict}`}>
            <strong>
              <span aria-hidden="true">{POLICY_MARK[result.answer.verdict].icon}</span>{' '}
              {reasonLines(result.answer.text)[0]}
            </strong>
            {reasonLines(result.answer.text)
              .slice(1)
              .map((l, i) => (
                <div key={i} className="pn-reason">
                  {l}
                </div>
              ))}
          </div>
        )}
      </div>
    </form>
  );
}

/** One end of the connection: a pod (namespace/name) or an IP, with suggestions. */
function EndField({
  label,
  value,
  listId,
  onChange,
}: {
  label: string;
  value: string;
  listId: string;
  onChange: (v: string) => void;
}) {
  return (
    <label>
      <span>{label}</span>
      <input
        value={value}
        list={listId}
        placeholder="namespace/pod or IP"
        onChange={(e) => onChange(e.target.value)}
        required
      />
    </label>
  );
}
