import { useEffect, useState } from 'react';
import { listContexts, switchContext, type ContextList } from '../api/contexts.js';

/**
 * A context selector in the header, shown only when the server lets this
 * viewer switch (portolan --context-picker, the local user). Switching ends
 * the stream; the stream client reconnects and draws the new cluster.
 */
export function ContextPicker({ current }: { current: string }) {
  const [list, setList] = useState<ContextList | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    void listContexts().then((l) => live && setList(l));
    return () => {
      live = false;
    };
  }, [current]);

  if (!list?.switchable || list.contexts.length < 2) {
    return <span className="pn-source-context">{current}</span>;
  }
  return (
    <span className="pn-context-picker">
      <select
        aria-label="Kubeconfig context"
        value={current}
        disabled={busy}
        onChange={(e) => {
          const name = e.target.value;
          setBusy(true);
          setError(undefined);
          void switchContext(name).then((r) => {
            setBusy(false);
            if (!r.ok) setError(r.error);
          });
        }}
      >
        {list.contexts.map((c) => (
          <option key={c.name} value={c.name} title={c.cluster}>
            {c.name}
          </option>
        ))}
      </select>
      {busy && <span className="pn-muted"> switching…</span>}
      {error && (
        <span role="alert" className="pn-context-error">
          ⚠ {error}{' '}
          <button
            type="button"
            className="pn-context-dismiss"
            aria-label="Dismiss"
            onClick={() => setError(undefined)}
          >
            ×
          </button>
        </span>
      )}
    </span>
  );
}
