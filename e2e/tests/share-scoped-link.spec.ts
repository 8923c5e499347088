/**
 * A user runs Portolan in share mode, makes a link for one namespace with
 * `portolan share create`, and a colleague opens it: only that namespace is
 * drawn, the link's token leaves the address bar, the page cannot read the
 * credential, and revoking the link cuts the colleague off at once.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, start, waitFor, type Started } from '../support/processes.js';

const CLI = 'apps/server/dist/cli.js';
let server: Started;
let stateDir: string;
let base: string;

function portolan(...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args, '--state-dir', stateDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (r.status !== 0) throw new Error(`portolan ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

let ownerLink: string;

test.beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'portolan-e2e-share-'));
  server = start(
    [CLI, '--simulate', 'demo', '--share', '--port', '0', '--state-dir', stateDir],
    'portolan --share',
  );
  base = await waitFor(
    'portolan --share to print its URL',
    () => /serving (http:\/\/\S+)/.exec(server.output())?.[1],
    30_000,
    server.output,
  );
  ownerLink = await waitFor(
    'the owner link',
    () => /owner link .*: (http:\/\/\S+)/.exec(server.output())?.[1],
    10_000,
    server.output,
  );
});

test.afterAll(() => {
  server?.proc.kill('SIGTERM');
  rmSync(stateDir, { recursive: true, force: true });
});

const cards = (page: Page, prefix: string) =>
  page.locator(`[aria-label^="${prefix}"][role="group"]`);

test('a link scoped to shop shows only shop, keeps its token out of the page, and stops when revoked', async ({
  page,
}) => {
  // Without a link: refused, with what to do.
  const refused = await page.goto(base);
  expect(refused?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('This Portolan is shared by link only');

  const out = portolan('share', 'create', '--namespaces', 'shop', '--expires', '1h');
  const link = out.split('\n')[0] as string;
  const id = /id ([0-9a-f]+);/.exec(out)?.[1] as string;
  expect(link).toMatch(/^http:\/\/localhost:\d+\/s\/[\w-]+\.[\w-]+$/);

  await page.goto(link);
  await page.waitForURL(`${base.replace('localhost', 'localhost')}/`);
  expect(page.url()).not.toContain('/s/');
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  await expect(cards(page, 'Service shop/frontend')).toBeVisible();
  await expect(cards(page, 'Pod shop/').first()).toBeVisible();
  // Nothing of the other namespaces reached the browser.
  for (const ns of ['default', 'ingress-nginx', 'kube-system'])
    await expect(page.locator(`[aria-label*=" ${ns}/"]`)).toHaveCount(0);
  const options = await page
    .locator('label.pn-field', { hasText: 'Namespace' })
    .locator('select option')
    .allTextContents();
  expect(options).toEqual(['All namespaces', 'shop']);
  // The credential is an HttpOnly cookie: the page cannot read it, and nothing is stored.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(
    await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)),
  ).not.toContain(link.split('/s/')[1] as string);
  // The export is built from what the browser received: every node, edge and
  // finding object it got is in shop (verdict texts may name the ingress
  // controller's pod that sends shop its traffic; see docs/adr/0004).
  const graph = await page.evaluate(async () => {
    const g = (await (await fetch('/api/topology')).json()) as {
      nodes: { id: string; namespace?: string }[];
      edges: { source: string; target: string }[];
      findings: { objects: { namespace?: string }[] }[];
    };
    return {
      nodes: g.nodes.map((n) => n.namespace ?? n.id),
      ends: g.edges.flatMap((e) => [e.source, e.target]),
      findings: g.findings.flatMap((f) => f.objects.map((o) => o.namespace)),
    };
  });
  expect(new Set(graph.nodes)).toEqual(new Set(['shop', 'external:clients']));
  for (const end of graph.ends) expect(end).toMatch(/^(external:clients|[a-z]+:shop\/)/);
  for (const ns of graph.findings) expect(ns).toBe('shop');
  // The header says what this is.
  await expect(page.getByRole('note')).toContainText('Read-only: shop');
  await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
  await page.screenshot({ path: join(ROOT, 'docs/screenshots/share-scoped.png') });

  // Revoking closes the stream at once; the page can no longer get data.
  expect(portolan('share', 'revoke', id)).toMatch(
    new RegExp(`^revoked ${id}; closed [1-9]\\d* open stream`),
  );
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toHaveCount(0);
  // The header says why, in the server's words.
  await expect(page.getByRole('note')).toHaveText(
    'This share link was revoked. Ask for a new link.',
  );
  const after = await page.evaluate(async () => (await fetch('/api/topology')).status);
  expect(after).toBe(401);
});

test('the owner makes a scoped link from the UI, and revokes it', async ({ page, browser }) => {
  await page.goto(ownerLink);
  await page.waitForURL(/\/$/);
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  // The owner sees every namespace.
  await expect(page.locator('[aria-label^="Pod ingress-nginx/"]').first()).toBeAttached();
  await page.locator('summary', { hasText: 'Share' }).click();
  const menu = page.getByRole('group', { name: 'Share a read-only link' });
  await menu.getByLabel('Namespaces').fill('shop');
  await menu.getByLabel('Expires in').selectOption('1h');
  await menu.getByRole('button', { name: 'Create link' }).click();
  const link = await menu.getByLabel('New share link').inputValue();
  expect(link).toMatch(/\/s\/[\w-]+\.[\w-]+$/);
  await expect(menu.getByRole('list', { name: 'Share links' })).toContainText('shop · active');

  // A colleague (another browser context, no owner cookie) opens it.
  const other = await browser.newContext();
  const viewer = await other.newPage();
  await viewer.goto(link);
  await viewer.waitForURL(/\/$/);
  await expect(viewer.getByRole('note')).toContainText('Read-only: shop');
  await expect(viewer.locator('[aria-label="Service shop/frontend"]')).toBeVisible();
  await expect(viewer.locator('[aria-label*=" ingress-nginx/"]')).toHaveCount(0);

  const id = /\/s\/([\w-]+)\./.exec(link)?.[1] as string;
  const shareId = (JSON.parse(Buffer.from(id, 'base64url').toString()) as { i: string }).i;
  await menu.getByRole('button', { name: `Revoke link ${shareId}` }).click();
  await expect(menu.getByRole('list', { name: 'Share links' })).toContainText(
    `${shareId} · shop · revoked`,
  );
  await expect(viewer.getByRole('status', { name: /Connection: Live/ })).toHaveCount(0);
  await expect(viewer.getByRole('note')).toHaveText(
    'This share link was revoked. Ask for a new link.',
  );
  await other.close();
});
