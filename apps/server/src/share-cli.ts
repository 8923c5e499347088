/**
 * Share mode in the `portolan` command: setting it up when the server starts
 * (state folder, owner token, the owner's link) and `portolan share
 * create|list|revoke`, which talk to the running server over loopback with
 * the owner token the server wrote to the state folder (owner-only file).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { CliArgs } from './args.js';
import { PortolanError } from './errors.js';
import type { ShareOptions } from './share-routes.js';
import {
  ShareStore,
  defaultStateDir,
  parseDuration,
  parseNamespaces,
  writePrivate,
} from './share-store.js';

interface OwnerFile {
  /** Loopback URL of the running server. */
  url: string;
  token: string;
  pid: number;
}

const OWNER_FILE = 'owner.json';

export function stateDirOf(args: Pick<CliArgs, 'stateDir'>, env = process.env): string {
  return args.stateDir ?? defaultStateDir(env);
}

/** Non-loopback addresses of this machine: with --host 0.0.0.0 these are how others reach it. */
export function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal)
    .map((a) => (a?.family === 'IPv6' ? `[${a.address}]` : (a?.address as string)));
}

/** Host names the Host check lets through besides loopback: the public URL's, the bound address, or every interface's. */
export function allowedHostsFor(args: CliArgs): string[] {
  const hosts: string[] = [];
  if (args.publicUrl) hosts.push(new URL(args.publicUrl).hostname.toLowerCase());
  if (args.host === '0.0.0.0' || args.host === '::') hosts.push(...interfaceAddresses());
  else hosts.push(args.host.includes(':') ? `[${args.host}]` : args.host);
  return hosts;
}

export interface ShareMode {
  options: ShareOptions;
  /** Once listening: write the owner file and return the owner's link. */
  listening(port: number): string;
  cleanup(): void;
}

export function setUpShareMode(args: CliArgs, portRef: () => number): ShareMode {
  const dir = stateDirOf(args);
  const store = new ShareStore(dir);
  const ownerToken = `o.${randomBytes(32).toString('base64url')}`;
  const linkBase = () => {
    if (args.publicUrl) return args.publicUrl;
    const host =
      args.host === '0.0.0.0' || args.host === '::'
        ? (interfaceAddresses()[0] ?? 'localhost')
        : args.host === '127.0.0.1'
          ? 'localhost'
          : args.host.includes(':')
            ? `[${args.host}]`
            : args.host;
    return `http://${host}:${portRef()}`;
  };
  const file = join(dir, OWNER_FILE);
  return {
    options: { store, ownerToken, linkBase },
    listening(port) {
      const owner: OwnerFile = {
        url: `http://127.0.0.1:${port}`,
        token: ownerToken,
        pid: process.pid,
      };
      writePrivate(file, `${JSON.stringify(owner, null, 2)}\n`);
      return `http://localhost:${port}/s/${ownerToken}`;
    },
    cleanup() {
      try {
        const owner = JSON.parse(readFileSync(file, 'utf8')) as OwnerFile;
        if (owner.pid === process.pid) rmSync(file, { force: true });
      } catch {
        // Nothing to clean: the file is gone or another server owns it now.
      }
    },
  };
}

function readOwner(dir: string): OwnerFile {
  const file = join(dir, OWNER_FILE);
  if (!existsSync(file))
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      `no Portolan server in share mode wrote ${file}.`,
      'Start one with portolan --share (and the same --state-dir), then run this again.',
    );
  return JSON.parse(readFileSync(file, 'utf8')) as OwnerFile;
}

async function call(
  url: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      `the Portolan server at ${url} does not answer.`,
      'Is it still running? Start it with portolan --share (with the same --state-dir).',
    );
  }
  const data = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok)
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      `the server refused: ${data.error ?? `HTTP ${res.status}`}`,
    );
  return data;
}

interface ShareRow {
  id: string;
  namespaces: string[] | null;
  expires: string;
  state?: string;
  url?: string;
  closedStreams?: number;
}

/** `portolan share create|list|revoke`: returns what to print. */
export async function runShareCommand(args: CliArgs): Promise<string> {
  const owner = readOwner(stateDirOf(args));
  const url = args.server ?? owner.url;
  if (args.shareAction === 'create') {
    const body: { namespaces?: string[]; expires?: string } = {};
    if (args.namespaces) body.namespaces = parseNamespaces(args.namespaces);
    if (args.expires) {
      parseDuration(args.expires);
      body.expires = args.expires;
    }
    const s = (await call(url, owner.token, 'POST', '/api/shares', body)) as ShareRow;
    return [
      s.url,
      `  id ${s.id}; namespaces: ${s.namespaces?.join(', ') ?? 'all'}; expires ${s.expires}`,
      `  revoke with: portolan share revoke ${s.id}`,
    ].join('\n');
  }
  if (args.shareAction === 'revoke') {
    const s = (await call(
      url,
      owner.token,
      'DELETE',
      `/api/shares/${encodeURIComponent(args.shareId ?? '')}`,
    )) as ShareRow;
    return `revoked ${s.id}; closed ${s.closedStreams ?? 0} open stream(s).`;
  }
  const { shares } = (await call(url, owner.token, 'GET', '/api/shares')) as {
    shares: ShareRow[];
  };
  if (shares.length === 0) return 'no share links.';
  const rows = [['ID', 'STATE', 'EXPIRES', 'NAMESPACES']].concat(
    shares.map((s) => [s.id, s.state ?? '', s.expires, s.namespaces?.join(',') ?? '(all)']),
  );
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
