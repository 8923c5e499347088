/**
 * A user reads NetworkPolicy verdicts: on the demo cluster, the policy
 * `shop/backend-allow-frontend` lets the frontend pods reach the backend and
 * nothing else (so the ingress controller's route to the backend is denied,
 * and the backend's edges are partly allowed: some in-cluster pods get in);
 * on Online Boutique with its 13 policies every pod is isolated.
 */
import { expect, test, type Page } from '@playwright/test';
import { start, waitFor, type Started } from '../support/processes.js';
import { appUrl } from './support.js';

const card = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const BACKEND_1_EDGE = 'Service shop/backend to Pod shop/backend-1: 80 -> 8080/TCP';

test('partly allowed and allowed edges carry a verdict chip with the reasons on hover', async ({
  page,
}) => {
  await page.goto(appUrl());
  const denied = page.getByRole('button', {
    name: `policy: partly allowed on ${BACKEND_1_EDGE}`,
  });
  await expect(denied).toHaveText('◐ policy: partial');
  await expect(denied).toHaveAttribute(
    'title',
    /isolated by shop\/backend-allow-frontend and no rule allows this traffic/,
  );
  await expect(denied).toHaveAttribute(
    'title',
    /in-cluster pods: partly allowed \(8080\/TCP allowed\)\. .*shop\/backend-allow-frontend ingress\[0\] admits pods app=frontend of namespace shop/,
  );
  const allowed = page.getByRole('button', {
    name: 'policy: allowed on Service shop/frontend to Pod shop/frontend-1: 80 -> 8080/TCP',
  });
  await expect(allowed).toHaveText('✓ policy: allowed');
  // The edge itself says it too, for assistive technology.
  await expect(page.getByRole('img', { name: BACKEND_1_EDGE, exact: true })).toHaveAttribute(
    'aria-description',
    /NetworkPolicy verdict: partly allowed/,
  );

  await denied.click();
  const inspector = page.getByRole('complementary', { name: `Inspector: ${BACKEND_1_EDGE}` });
  await expect(inspector).toContainText('denied for the ingress controller');
  await expect(inspector).toContainText('denied: 8080/TCP');
  await expect(inspector).toContainText(
    'ingress: pod shop/backend-1 is isolated by shop/backend-allow-frontend and no rule allows this traffic.',
  );
});

test('isolated pods wear a badge; the inspector names their policies and who can reach them', async ({
  page,
}) => {
  await page.goto(appUrl());
  await expect(card(page, 'Pod shop/backend-1')).toContainText('◈ isolated: ingress');
  await expect(card(page, 'Pod shop/frontend-1')).not.toContainText('isolated');

  await card(page, 'Pod shop/backend-1').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector: Pod shop/backend-1' });
  const policies = inspector.getByRole('region', { name: 'Network policies' });
  await expect(policies).toContainText('isolated by');
  await expect(policies).toContainText('selects 2 pods');
  await expect(policies).toContainText('not isolated: all egress allowed');

  const inbound = inspector.getByRole('table', { name: 'Who can reach it' });
  await expect(inbound.getByRole('row', { name: /shop\/frontend-1/ })).toContainText('✓ 8080/TCP');
  await expect(
    inbound.getByRole('row', { name: /ingress-nginx\/ingress-nginx-controller-1/ }),
  ).toContainText('⊘ 8080/TCP');
  await expect(inspector.getByRole('table', { name: 'What it can reach' })).toBeVisible();

  // The policy shows the pods it selects.
  await policies.getByRole('button', { name: 'shop/backend-allow-frontend' }).click();
  await expect(page.getByRole('searchbox')).toHaveValue('policy:shop/backend-allow-frontend');
  await expect(card(page, 'Pod shop/backend-2')).toHaveAttribute(
    'aria-description',
    /matches search/,
  );
  await expect(card(page, 'Pod shop/frontend-1')).toHaveCount(0);
});

test('check any two ends on a port: the verdict in words', async ({ page }) => {
  await page.goto(`${appUrl()}?sel=pod:shop/backend-1`);
  const form = page.getByRole('form', { name: 'Check a connection' });
  await expect(form.getByLabel('To', { exact: true })).toHaveValue('shop/backend-1');
  await expect(form.getByLabel('Port', { exact: true })).toHaveValue('8080');
  await form.getByLabel('From', { exact: true }).fill('shop/frontend-1');
  await form.getByRole('button', { name: 'Check' }).click();
  const verdict = form.getByRole('status', { name: 'Connection verdict' });
  await expect(verdict).toContainText('Allowed on TCP/8080.');
  await expect(verdict).toContainText('allowed by shop/backend-allow-frontend ingress[0]');

  await form.getByLabel('From', { exact: true }).fill('ingress-nginx/ingress-nginx-controller-1');
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(verdict).toContainText('Denied on TCP/8080.');

  await form.getByLabel('From', { exact: true }).fill('nowhere');
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(verdict).toContainText('neither a pod (namespace/name) nor an IP address');
});

test('filter by policy verdict: only denied paths, kept in the URL', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('Policy verdict').selectOption('denied');
  await expect(card(page, 'Pod shop/backend-1')).toBeVisible();
  await expect(card(page, 'Service shop/backend')).toBeVisible();
  await expect(card(page, 'Ingress shop/shop')).toBeVisible();
  await expect(card(page, 'Pod shop/frontend-1')).toHaveCount(0);
  await expect(page).toHaveURL(/verdict=denied/);
  await page.reload();
  await expect(page.getByLabel('Policy verdict')).toHaveValue('denied');
  await expect(card(page, 'Pod shop/frontend-1')).toHaveCount(0);
  await page.getByLabel('Policy verdict').selectOption('isolated');
  await expect(card(page, 'Pod shop/backend-2')).toBeVisible();
  await expect(card(page, 'Pod shop/admin-1')).toHaveCount(0);
});

test.describe('Online Boutique with its 13 NetworkPolicies', () => {
  let server: Started | undefined;
  let url = '';
  const corpus = '../shared/corpus/manifests/google-microservices-demo';

  test.beforeAll(async () => {
    server = start(
      [
        'apps/server/dist/cli.js',
        '--manifests',
        `${corpus}/release/kubernetes-manifests.yaml`,
        `${corpus}/kustomize/components/network-policies`,
        '--port',
        '0',
      ],
      'portolan (boutique)',
    );
    const started = server;
    url = await waitFor(
      'portolan to print its URL',
      () => /serving (http:\/\/\S+)/.exec(started.output())?.[1],
      60_000,
      started.output,
    );
    await waitFor(
      'portolan to sync',
      async () =>
        (await fetch(`${url}/healthz`).catch(() => undefined))?.status === 200 ? true : undefined,
      60_000,
      started.output,
    );
  });

  test.afterAll(() => {
    server?.proc.kill('SIGTERM');
  });

  test('every pod isolated, the frontend path allowed, callers allowed and others denied', async ({
    page,
  }) => {
    await page.goto(url);
    const frontendPod = page.getByRole('group', { name: /^Pod default\/frontend-/ });
    await expect(frontendPod).toContainText('◈ isolated: ingress, egress');
    await expect(
      page.getByRole('button', {
        name: /^policy: allowed on Service default\/frontend-external to Pod default\/frontend-/,
      }),
    ).toHaveText('✓ policy: allowed');
    // The pod both frontend Services select sits with the exposed one.
    const podBox = await frontendPod.boundingBox();
    const lbServiceBox = await card(page, 'Service default/frontend-external').boundingBox();
    expect(podBox?.y).toBe(lbServiceBox?.y);

    await page.getByRole('button', { name: 'Policies' }).click();
    const panel = page.getByRole('complementary', { name: 'Network policies' });
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Network policies (13)');
    await expect(panel).toContainText('default/deny-all');
    await panel.getByRole('button', { name: 'Close network policies' }).click();

    await frontendPod.click();
    const inspector = page.getByRole('complementary', {
      name: /^Inspector: Pod default\/frontend-/,
    });
    const outbound = inspector.getByRole('table', { name: 'What it can reach' });
    await expect(outbound.getByRole('row', { name: /default\/cartservice/ })).toContainText(
      '✓ 7070/TCP',
    );
    await expect(outbound.getByRole('row', { name: /default\/redis-cart/ })).toContainText(
      '⊘ 6379/TCP',
    );
  });
});
