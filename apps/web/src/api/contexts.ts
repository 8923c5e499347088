/**
 * The kubeconfig contexts the server may switch between (GET /api/contexts,
 * POST /api/context; only with `portolan --context-picker`, and only for the
 * person who started it). Errors come back as the server's sentence.
 */
export interface ContextChoice {
  name: string;
  cluster: string;
  namespace?: string;
}

export interface ContextList {
  current: string;
  switchable: boolean;
  contexts: ContextChoice[];
}

export async function listContexts(): Promise<ContextList | undefined> {
  try {
    const res = await fetch('/api/contexts');
    return res.ok ? ((await res.json()) as ContextList) : undefined;
  } catch {
    return undefined;
  }
}

export async function switchContext(
  name: string,
): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    const res = await fetch('/api/context', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ context: name }),
    });
    if (res.ok) return { ok: true };
    const body = (await res.json().catch(() => undefined)) as
      { error?: string; hint?: string } | undefined;
    return {
      ok: false,
      error: body?.error
        ? `${body.error}${body.hint ? ` ${body.hint}` : ''}`
        : `the server answered ${res.status} ${res.statusText}`,
    };
  } catch (err) {
    return { ok: false, error: `the server could not be reached (${(err as Error).message}).` };
  }
}
