/**
 * Share mode in the header (docs/adr/0004-share-links.md). A viewer who came
 * with a link sees a "read-only link" chip with its namespaces and expiry.
 * The person who started Portolan (owner, on that machine) gets a Share menu
 * that makes a scoped, expiring link and lists and revokes links. Outside
 * share mode nothing is shown. The credential itself is an HttpOnly cookie:
 * this code never sees it.
 */
import { useCallback, useEffect, useState } from 'react';
import { useAppStore } from '../store/store.js';

type Session =
  | { role: 'share'; namespaces: string[] | null; expires: string }
  | { role: 'owner' | 'local' | 'anonymous' };

interface Link {
  id: string;
  namespaces: string[] | null;
  expires: string;
  state: string;
}

const time = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
const scopeText = (ns: string[] | null) => (ns ? ns.join(', ') : 'all namespaces');

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
}

function OwnerShareMenu() {
  const [links, setLinks] = useState<Link[]>([]);
  const [namespaces, setNamespaces] = useState('');
  const [expires, setExpires] = useState('24h');
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    call<{ shares: Link[] }>('GET', '/api/shares')
      .then((r) => setLinks(r.shares))
      .catch((e: Error) => setError(e.message));
  }, []);
  const create = () => {
    setError(null);
    const ns = namespaces
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    call<{ url: string }>('POST', '/api/shares', {
      expires,
      ...(ns.length ? { namespaces: ns } : {}),
    })
      .then((r) => {
        setMade(r.url);
        refresh();
      })
      .catch((e: Error) => setError(e.message));
  };
  const revoke = (id: string) =>
    call('DELETE', `/api/shares/${encodeURIComponent(id)}`)
      .then(refresh)
      .catch((e: Error) => setError(e.message));
  return (
    <details className="pn-menu" onToggle={(e) => e.currentTarget.open && refresh()}>
      <summary className="pn-button">Share</summary>
      <div className="pn-menu-items" role="group" aria-label="Share a read-only link">
        <label className="pn-field">
          <span>Namespaces</span>
          <input
            value={namespaces}
            placeholder="all, or shop,blog"
            onChange={(e) => setNamespaces(e.target.value)}
          />
        </label>
        <label className="pn-field">
          <span>Expires in</span>
          <select value={expires} onChange={(e) => setExpires(e.target.value)}>
            {['1h', '8h', '24h', '7d'].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="pn-button" onClick={create}>
          Create link
        </button>
        {made && (
          <input
            readOnly
            aria-label="New share link"
            value={made}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
        {error && <span role="alert">{error}</span>}
        <ul aria-label="Share links" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {links.map((l) => (
            <li key={l.id}>
              {l.id} · {scopeText(l.namespaces)} · {l.state} · until {time(l.expires)}{' '}
              {l.state === 'active' && (
                <button
                  type="button"
                  className="pn-button"
                  aria-label={`Revoke link ${l.id}`}
                  onClick={() => void revoke(l.id)}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

export function ShareDialog() {
  const [session, setSession] = useState<Session | null>(null);
  /** Why the server stopped answering this browser (a revoked or expired link), in its words. */
  const [ended, setEnded] = useState<string | null>(null);
  const connected = useAppStore((s) => s.connection.phase === 'live');
  useEffect(() => {
    // Asked on load and whenever the stream goes live or drops: the link may
    // have been revoked or expired meanwhile.
    let live = true;
    fetch('/api/session')
      .then(async (r) => {
        if (r.ok) {
          const s = (await r.json()) as Session;
          if (live) {
            setSession(s);
            setEnded(null);
          }
          return;
        }
        const body = (await r.json().catch(() => ({}))) as { error?: string };
        if (live && body.error) setEnded(body.error);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [connected]);
  if (ended)
    return (
      <span className="pn-chip" role="note">
        {ended}
      </span>
    );
  if (session?.role === 'share')
    return (
      <span
        className="pn-chip pn-chip-sim"
        role="note"
        title={`A read-only share link: it shows ${scopeText(session.namespaces)} only, until ${time(session.expires)}.`}
        style={{
          maxWidth: '22em',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        }}
      >
        Read-only: {scopeText(session.namespaces)}
      </span>
    );
  if (session?.role === 'owner') return <OwnerShareMenu />;
  return null;
}
