/**
 * The server's connectivity queries (GET /api/connectivity, see
 * apps/server/README.md): for one pod, who can reach it and what it can
 * reach; for any two ends (a pod `ns/name` or an IP) and a port, the verdict
 * with its reasons. Errors come back as the server's sentence.
 */
import type { ConnectionAnswer, Protocol, Reachability } from '@portolan/topology';

export const CONNECTIVITY_PATH = '/api/connectivity';

export type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

async function get<T>(query: URLSearchParams, signal?: AbortSignal): Promise<Answer<T>> {
  try {
    const res = await fetch(`${CONNECTIVITY_PATH}?${query.toString()}`, signal ? { signal } : {});
    const body = (await res.json().catch(() => undefined)) as
      (T & { error?: undefined }) | { error: string } | undefined;
    if (!res.ok || body === undefined || typeof body.error === 'string') {
      const error =
        body && typeof body.error === 'string'
          ? body.error
          : `the server answered ${res.status} ${res.statusText}`;
      return { ok: false, error };
    }
    return { ok: true, value: body as T };
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    return { ok: false, error: `the server could not be reached (${(err as Error).message}).` };
  }
}

/** `pod` is `ns/name` (a node id `pod:ns/name` works too). */
export function fetchReachability(
  pod: string,
  signal?: AbortSignal,
): Promise<Answer<Reachability>> {
  return get<Reachability>(new URLSearchParams({ pod: pod.replace(/^pod:/, '') }), signal);
}

export interface ConnectionQuery {
  from: string;
  to: string;
  port: string;
  protocol: Protocol;
}

export function fetchConnection(q: ConnectionQuery): Promise<Answer<ConnectionAnswer>> {
  return get<ConnectionAnswer>(
    new URLSearchParams({
      from: q.from.trim().replace(/^pod:/, ''),
      to: q.to.trim().replace(/^pod:/, ''),
      port: q.port.trim(),
      protocol: q.protocol,
    }),
  );
}
