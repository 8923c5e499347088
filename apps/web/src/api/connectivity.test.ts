import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchConnection, fetchReachability } from './connectivity.js';

function answer(status: number, body: unknown): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify(body), { status });
    }),
  );
}
let calls: string[] = [];
afterEach(() => {
  vi.unstubAllGlobals();
  calls = [];
});

describe('connectivity queries', () => {
  it('asks for a pair by namespace/name, port and protocol, and returns the verdict', async () => {
    answer(200, { verdict: 'allowed', text: 'Allowed on TCP/8080.' });
    const a = await fetchConnection({
      from: ' pod:shop/frontend-1 ',
      to: 'shop/backend-1',
      port: '8080',
      protocol: 'TCP',
    });
    expect(calls[0]).toBe(
      '/api/connectivity?from=shop%2Ffrontend-1&to=shop%2Fbackend-1&port=8080&protocol=TCP',
    );
    expect(a).toEqual({ ok: true, value: { verdict: 'allowed', text: 'Allowed on TCP/8080.' } });
  });

  it("passes the server's sentence on when it refuses the question", async () => {
    answer(400, { error: 'port must be a number from 1 to 65535, got "x".' });
    const a = await fetchConnection({ from: 'a/b', to: 'c/d', port: 'x', protocol: 'UDP' });
    expect(a).toEqual({ ok: false, error: 'port must be a number from 1 to 65535, got "x".' });
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const a = await fetchReachability('pod:shop/backend-1');
    expect(a).toEqual({ ok: false, error: 'the server could not be reached (Failed to fetch).' });
  });
});
