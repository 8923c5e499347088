/**
 * Share links (docs/adr/0004-share-links.md): signed, scoped, expiring tokens
 * and the state directory that holds the signing key, the owner token and the
 * list of links (so they can be listed and revoked, and survive a restart).
 *
 * A link token is `<payload>.<signature>`, both base64url: the payload is
 * `{"i":id,"n":[namespaces]|null,"e":expiry seconds}`, the signature
 * HMAC-SHA256 over `portolan-share-v1.<payload>` with the server key.
 * Every file is written owner-only (0600) in an owner-only (0700) folder.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PortolanError } from './errors.js';

export interface ShareRecord {
  id: string;
  /** null: every namespace. */
  namespaces: string[] | null;
  created: string;
  expires: string;
  revoked?: string;
}

/** Why a credential was refused; each has its own message for the user. */
export type Refusal = 'missing' | 'invalid' | 'expired' | 'revoked';

export type Verified =
  { ok: true; share: ShareRecord } | { ok: false; reason: Refusal; expires?: string };

const SIGN_PREFIX = 'portolan-share-v1.';
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const MAX_EXPIRY_MS = 30 * 24 * 3600_000;

/** `$XDG_STATE_HOME/portolan`, else `~/.local/state/portolan`. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'portolan');
}

/** `90s`, `30m`, `24h`, `7d` -> milliseconds (at most 30 days). */
export function parseDuration(text: string): number {
  const m = /^(\d+)([smhd])$/.exec(text.trim());
  const unit = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 };
  const ms = m ? Number(m[1]) * unit[m[2] as keyof typeof unit] : NaN;
  if (!Number.isFinite(ms) || ms <= 0 || ms > MAX_EXPIRY_MS)
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      `--expires must be a duration like 90s, 30m, 24h or 7d (at most 30d), got "${text}".`,
    );
  return ms;
}

/** `a,b` -> `['a', 'b']`, each a valid namespace name. */
export function parseNamespaces(text: string): string[] {
  const list = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const bad = list.find((n) => !NAMESPACE.test(n) || n.length > 63);
  if (list.length === 0 || bad !== undefined)
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      `--namespaces must be a comma-separated list of namespace names, got "${bad ?? text}".`,
    );
  return list.sort();
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** Create the folder owner-only, or insist an existing one is not open to others. */
export function ensureStateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mode = statSync(dir).mode & 0o777;
  if (mode & 0o077) chmodSync(dir, 0o700);
}

/** Write a file owner-only, atomically (tmp + rename). */
export function writePrivate(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export class ShareStore {
  private readonly key: Buffer;
  private shares: ShareRecord[];
  private readonly file: string;

  constructor(
    readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {
    ensureStateDir(dir);
    const keyFile = join(dir, 'share.key');
    if (!existsSync(keyFile)) writePrivate(keyFile, randomBytes(32).toString('hex'));
    this.key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
    if (this.key.length < 32)
      throw new PortolanError(
        'PORTOLAN_BAD_ARGUMENT',
        `${keyFile} does not hold a 256-bit key.`,
        'Delete it: a new key is made on the next start (every existing link stops working).',
      );
    this.file = join(dir, 'shares.json');
    this.shares = existsSync(this.file)
      ? ((JSON.parse(readFileSync(this.file, 'utf8')) as { shares: ShareRecord[] }).shares ?? [])
      : [];
  }

  private save(): void {
    // Links that expired more than a day ago are forgotten.
    const cutoff = this.now() - 86_400_000;
    this.shares = this.shares.filter((s) => Date.parse(s.expires) > cutoff);
    writePrivate(this.file, `${JSON.stringify({ shares: this.shares }, null, 2)}\n`);
  }

  private sign(payload: string): Buffer {
    return createHmac('sha256', this.key)
      .update(SIGN_PREFIX + payload)
      .digest();
  }

  /** A new link: its record and its token. */
  create(opts: { namespaces: string[] | null; expiresInMs: number }): {
    share: ShareRecord;
    token: string;
  } {
    const now = this.now();
    const exp = Math.floor((now + opts.expiresInMs) / 1000);
    const share: ShareRecord = {
      id: randomBytes(6).toString('hex'),
      namespaces: opts.namespaces,
      created: new Date(now).toISOString(),
      expires: new Date(exp * 1000).toISOString(),
    };
    const payload = b64(JSON.stringify({ i: share.id, n: share.namespaces, e: exp }));
    this.shares.push(share);
    this.save();
    return { share, token: `${payload}.${b64(this.sign(payload))}` };
  }

  list(): ShareRecord[] {
    return this.shares.map((s) => ({ ...s }));
  }

  /** Mark a link revoked; false when there is no such link. */
  revoke(id: string): ShareRecord | undefined {
    const s = this.shares.find((x) => x.id === id);
    if (!s) return undefined;
    s.revoked ??= new Date(this.now()).toISOString();
    this.save();
    return { ...s };
  }

  /** Check a token: signature (constant time), then expiry, then revocation. */
  verify(token: string): Verified {
    const dot = token.indexOf('.');
    if (dot <= 0 || token.length > 4096) return { ok: false, reason: 'invalid' };
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = this.sign(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'invalid' };
    let claims: { i?: unknown; e?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (typeof claims.e !== 'number' || typeof claims.i !== 'string')
      return { ok: false, reason: 'invalid' };
    const expires = new Date(claims.e * 1000).toISOString();
    if (claims.e * 1000 <= this.now()) return { ok: false, reason: 'expired', expires };
    const share = this.shares.find((s) => s.id === claims.i);
    if (!share || share.revoked) return { ok: false, reason: 'revoked' };
    return { ok: true, share: { ...share } };
  }
}

/** Constant-time equality of two secrets. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
