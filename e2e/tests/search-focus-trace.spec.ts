/**
 * A user searches for a pod by IP and selects it, focuses on a Service,
 * traces a path, and shares the view as a link that reloads (and goes back)
 * to the same view.
 */
import { expect, test, type Page } from '@playwright/test';
import { appUrl } from './support.js';

const card = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

test('search by label, then select a result', async ({ page }) => {
  await page.goto(appUrl());
  await expect(card(page, 'Service shop/frontend')).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.type('app=backend');
  await expect(page.getByText(/^\d+ match/)).toBeVisible();
  await expect(card(page, 'Service shop/frontend')).toHaveCount(0);
  await expect(card(page, 'Service shop/backend')).toBeVisible();
  await card(page, 'Pod shop/backend-1').click();
  await expect(
    page.getByRole('complementary', { name: 'Inspector: Pod shop/backend-1' }),
  ).toBeVisible();
  expect(new URL(page.url()).searchParams.get('q')).toBe('app=backend');
  expect(new URL(page.url()).searchParams.get('sel')).toBe('pod:shop/backend-1');
});

test('focus on a Service shows only its paths; Esc leaves', async ({ page }) => {
  await page.goto(appUrl());
  await card(page, 'Service shop/backend').click();
  await page.getByRole('button', { name: 'Focus on its paths' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Focus: Service shop/backend' }),
  ).toBeVisible();
  await expect(card(page, 'Ingress shop/shop')).toBeVisible();
  await expect(card(page, 'LoadBalancer shop/frontend')).toHaveCount(0);
  await page.keyboard.press('Escape'); // closes the inspector
  await page.keyboard.press('Escape'); // leaves focus
  await expect(card(page, 'LoadBalancer shop/frontend')).toBeVisible();
});

test('trace: selecting a pod lights every hop through it', async ({ page }) => {
  await page.goto(appUrl());
  await card(page, 'Pod shop/frontend-1').click();
  for (const name of [
    'External clients',
    'LoadBalancer shop/frontend',
    'NodePort shop/frontend',
    'Service shop/frontend',
  ]) {
    await expect(card(page, name)).toHaveAttribute('aria-description', /on traced path/);
  }
  await expect(card(page, 'Pod shop/frontend-2')).not.toHaveAttribute(
    'aria-description',
    /on traced path/,
  );
});

test('the URL holds the view: reload and back/forward restore it', async ({ page }) => {
  await page.goto(`${appUrl()}?ns=shop&focus=svc:shop/frontend&sel=svc:shop/frontend`);
  await expect(
    page.getByRole('complementary', { name: 'Inspector: Service shop/frontend' }),
  ).toBeVisible();
  await expect(card(page, 'Service shop/backend')).toHaveCount(0);
  await page.reload();
  await expect(
    page.getByRole('complementary', { name: 'Inspector: Service shop/frontend' }),
  ).toBeVisible();
  await expect(page.getByLabel('Namespace')).toHaveValue('shop');
  // The inspector covers the pod lane: select by keyboard, as a keyboard user would.
  await card(page, 'Pod shop/frontend-1').focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('complementary', { name: 'Inspector: Pod shop/frontend-1' }),
  ).toBeVisible();
  await page.goBack();
  await expect(
    page.getByRole('complementary', { name: 'Inspector: Service shop/frontend' }),
  ).toBeVisible();
  await page.goForward();
  await expect(
    page.getByRole('complementary', { name: 'Inspector: Pod shop/frontend-1' }),
  ).toBeVisible();
});

test('findings panel lists findings and reveals their nodes', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByRole('button', { name: /\d+ findings?/ }).click();
  const panel = page.getByRole('complementary', { name: 'Findings' });
  await expect(panel).toContainText('ETP_LOCAL_NODES_WITHOUT_ENDPOINT');
  await panel
    .getByRole('button', { name: 'NodePort ingress-nginx/ingress-nginx-controller' })
    .click();
  await expect(
    page.getByRole('complementary', {
      name: 'Inspector: NodePort ingress-nginx/ingress-nginx-controller',
    }),
  ).toBeVisible();
});
