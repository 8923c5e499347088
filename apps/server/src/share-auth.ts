/**
 * Who is asking (docs/adr/0004-share-links.md). Outside share mode the
 * server listens on loopback and everyone who can reach it is the local
 * user. In share mode every request needs a credential: the owner token
 * (printed at startup, written to the state folder, accepted only from
 * loopback) or a share link's token, carried as an HttpOnly SameSite=Strict
 * cookie set by `/s/<token>`, or as `Authorization: Bearer`.
 */
import type { FastifyRequest } from 'fastify';
import type { Refusal, ShareRecord, ShareStore } from './share-store.js';
import { sameSecret } from './share-store.js';

export type Viewer =
  | { role: 'local' }
  | { role: 'anonymous' }
  | { role: 'owner' }
  | { role: 'share'; share: ShareRecord };

export const COOKIE = 'portolan_session';

/** Namespaces the viewer may see; null for everything. */
export function scopeOf(v: Viewer): string[] | null {
  return v.role === 'share' ? v.share.namespaces : null;
}

export function isLoopback(address: string | undefined): boolean {
  return (
    address === '127.0.0.1' ||
    address === '::1' ||
    address === '::ffff:127.0.0.1' ||
    (address?.startsWith('127.') ?? false)
  );
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The credential a request carries: bearer header first, then the session cookie. */
export function credentialOf(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer /i.test(auth)) return auth.slice(7).trim();
  return readCookie(req.headers.cookie, COOKIE);
}

export type AuthResult =
  | { ok: true; viewer: Viewer }
  | { ok: false; status: number; reason: Refusal | 'owner-remote'; message: string };

export const MESSAGES: Record<Refusal | 'owner-remote', string> = {
  missing:
    'This Portolan is shared by link only. Open the link you were given (http://HOST/s/...), or ask whoever runs it for one: portolan share create.',
  invalid:
    'This share link is not valid: its signature does not match (it was altered, or the server key changed). Ask for a new link.',
  expired: 'This share link has expired. Ask for a new link.',
  revoked: 'This share link was revoked. Ask for a new link.',
  'owner-remote':
    'The owner token is accepted only from the machine Portolan runs on. Use a share link (portolan share create).',
};

/**
 * Check a credential. `ownerToken` compares in constant time; a share token
 * is verified by the store (signature, expiry, revocation).
 */
export function authenticate(
  credential: string | undefined,
  remoteAddress: string | undefined,
  store: ShareStore,
  ownerToken: string,
): AuthResult {
  if (!credential) return { ok: false, status: 401, reason: 'missing', message: MESSAGES.missing };
  if (credential.startsWith('o.')) {
    if (!sameSecret(credential, ownerToken))
      return { ok: false, status: 401, reason: 'invalid', message: MESSAGES.invalid };
    if (!isLoopback(remoteAddress))
      return {
        ok: false,
        status: 403,
        reason: 'owner-remote',
        message: MESSAGES['owner-remote'],
      };
    return { ok: true, viewer: { role: 'owner' } };
  }
  const v = store.verify(credential);
  if (v.ok) return { ok: true, viewer: { role: 'share', share: v.share } };
  const message =
    v.reason === 'expired' && v.expires
      ? `This share link expired at ${v.expires}. Ask for a new link.`
      : MESSAGES[v.reason];
  return { ok: false, status: 401, reason: v.reason, message };
}

/**
 * Failed sign-ins per client address: after `limit` failures within
 * `windowMs`, that address is refused (429) until the window has passed.
 * Time is injected so the rule is tested without waiting.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(address, list);
    else this.failures.delete(address);
    return list;
  }

  /** Seconds to wait when the address is blocked, else 0. */
  blockedFor(address: string): number {
    const list = this.recent(address);
    if (list.length < this.limit) return 0;
    return Math.max(1, Math.ceil(((list[0] as number) + this.windowMs - this.now()) / 1000));
  }

  fail(address: string): void {
    const list = this.recent(address);
    list.push(this.now());
    this.failures.set(address, list);
    // Bound memory against address floods: forget the oldest addresses.
    if (this.failures.size > 10_000) {
      const first = this.failures.keys().next().value;
      if (first !== undefined) this.failures.delete(first);
    }
  }
}

/** Open streams per client address and in total. */
export class ConnectionLimiter {
  private readonly perAddress = new Map<string, number>();
  private total = 0;

  constructor(
    readonly maxPerAddress: number,
    readonly maxTotal: number,
  ) {}

  /** Take a slot; a release function, or a refusal message. */
  acquire(address: string): (() => void) | string {
    const n = this.perAddress.get(address) ?? 0;
    if (n >= this.maxPerAddress)
      return `Too many open streams from ${address} (at most ${this.maxPerAddress}): close other Portolan tabs and reload.`;
    if (this.total >= this.maxTotal)
      return `Portolan already serves ${this.maxTotal} open streams, its limit: try again later.`;
    this.perAddress.set(address, n + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const m = (this.perAddress.get(address) ?? 1) - 1;
      if (m > 0) this.perAddress.set(address, m);
      else this.perAddress.delete(address);
    };
  }

  get open(): number {
    return this.total;
  }
}
