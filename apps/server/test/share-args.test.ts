/** Share mode's arguments and the link format, without a server. */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/args.js';
import type { PortolanError } from '../src/errors.js';
import { ShareStore, defaultStateDir, parseDuration, parseNamespaces } from '../src/share-store.js';

const dir = mkdtempSync(join(tmpdir(), 'portolan-share-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('share mode arguments', () => {
  it('refuses a non-loopback address without --share or --allow-anonymous, and says what to do', () => {
    expect(() => parseArgs(['--host', '0.0.0.0'])).toThrow(
      '--host 0.0.0.0 would expose the dashboard beyond this machine without authentication.',
    );
    const err = (() => {
      try {
        parseArgs(['--host', '10.0.0.5']);
      } catch (e) {
        return e as PortolanError;
      }
    })();
    expect(err?.format()).toContain('Add --share (viewers need a link from portolan share create)');
    expect(parseArgs(['--host', '0.0.0.0', '--share'])).toMatchObject({
      host: '0.0.0.0',
      share: true,
    });
    expect(parseArgs(['--host', '0.0.0.0', '--allow-anonymous'])).toMatchObject({
      allowAnonymous: true,
    });
    expect(() => parseArgs(['--host', '0.0.0.0', '--share', '--allow-anonymous'])).toThrow(
      '--share and --allow-anonymous cannot be used together.',
    );
    expect(parseArgs(['--share']).share).toBe(true);
    expect(parseArgs([]).share).toBe(false);
  });

  it('parses portolan share create|list|revoke', () => {
    expect(
      parseArgs(['share', 'create', '--namespaces', 'shop,blog', '--expires', '8h']),
    ).toMatchObject({
      command: 'share',
      shareAction: 'create',
      namespaces: 'shop,blog',
      expires: '8h',
    });
    expect(parseArgs(['share', 'list', '--state-dir', '/tmp/x'])).toMatchObject({
      shareAction: 'list',
      stateDir: '/tmp/x',
    });
    expect(parseArgs(['share', 'revoke', 'abc123'])).toMatchObject({ shareId: 'abc123' });
    expect(() => parseArgs(['share'])).toThrow('portolan share needs create, list or revoke.');
    expect(() => parseArgs(['share', 'delete'])).toThrow('create, list or revoke, got "delete"');
    expect(() => parseArgs(['share', 'revoke'])).toThrow('needs the id of a link');
    expect(() => parseArgs(['--namespaces', 'a'])).toThrow(
      '--namespaces belongs to portolan share create.',
    );
    expect(() => parseArgs(['--public-url', 'example.com'])).toThrow(
      '--public-url must be a base URL',
    );
    expect(parseArgs(['--public-url', 'https://p.example.com/']).publicUrl).toBe(
      'https://p.example.com',
    );
  });

  it('checks durations and namespace names', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(() => parseDuration('31d')).toThrow('at most 30d');
    expect(() => parseDuration('soon')).toThrow('got "soon"');
    expect(parseNamespaces('shop, blog,shop')).toEqual(['blog', 'shop']);
    expect(() => parseNamespaces('Shop')).toThrow('got "Shop"');
    expect(() => parseNamespaces(',')).toThrow('--namespaces must be');
    expect(defaultStateDir({ XDG_STATE_HOME: '/s' })).toBe('/s/portolan');
  });
});

describe('share links', () => {
  it('are signed with a key kept owner-only; another key, a bad key file or a changed byte fails', () => {
    let now = 1_000_000_000_000;
    const a = new ShareStore(join(dir, 'a'), () => now);
    expect((statSync(join(dir, 'a', 'share.key')).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(join(dir, 'a')).mode & 0o777).toString(8)).toBe('700');
    const { share, token } = a.create({ namespaces: ['shop'], expiresInMs: 60_000 });
    expect(a.verify(token)).toEqual({ ok: true, share });
    // A second store on the same folder (a restart) accepts it: key and list persist.
    expect(new ShareStore(join(dir, 'a'), () => now).verify(token).ok).toBe(true);
    expect(new ShareStore(join(dir, 'b'), () => now).verify(token)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    for (let i = 0; i < token.length; i += 7) {
      const c = token[i] === 'A' ? 'B' : 'A';
      const bad = token.slice(0, i) + c + token.slice(i + 1);
      if (bad !== token) expect(a.verify(bad).ok, `byte ${i}`).toBe(false);
    }
    now += 60_000;
    expect(a.verify(token)).toMatchObject({ ok: false, reason: 'expired' });
    const c = join(dir, 'c');
    new ShareStore(c);
    writeFileSync(join(c, 'share.key'), 'abcd');
    expect(() => new ShareStore(c)).toThrow('does not hold a 256-bit key');
  });
});

describe('the session cookie', () => {
  it('is Secure when links name an https:// public URL', async () => {
    const { buildApp } = await import('../src/app.js');
    const { ClusterSource } = await import('../src/source.js');
    const { resolveKubeconfig } = await import('../src/kubeconfig.js');
    const kc = join(dir, 'kc.yaml');
    writeFileSync(
      kc,
      'apiVersion: v1\nkind: Config\nclusters: [{ name: c, cluster: { server: "https://127.0.0.1:1" } }]\nusers: [{ name: u, user: { token: t } }]\ncontexts: [{ name: x, context: { cluster: c, user: u } }]\ncurrent-context: x\n',
    );
    const store = new ShareStore(join(dir, 'secure'));
    const source = new ClusterSource(resolveKubeconfig({ file: kc, env: {} }), false, {
      info() {},
      warn() {},
      error() {},
    });
    for (const [base, secure] of [
      ['https://portolan.example.com', true],
      ['http://10.0.0.5:7420', false],
    ] as const) {
      const app = await buildApp({
        source,
        webDir: '/nonexistent',
        share: { store, ownerToken: 'o.x', linkBase: () => base },
      });
      const { token } = store.create({ namespaces: null, expiresInMs: 60_000 });
      const res = await app.inject(`/s/${token}`);
      expect(String(res.headers['set-cookie']).endsWith('; Secure'), base).toBe(secure);
      await app.close();
    }
  });
});
