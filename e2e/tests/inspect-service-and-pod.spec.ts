/** A user selects a Service and a pod and reads what the inspector says about them. */
import { expect, test, type Page } from '@playwright/test';
import { appUrl } from './support.js';

const card = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

test('the inspector of a Service: type, IPs, selector, ports, endpoints, DNS, env vars, YAML', async ({
  page,
}) => {
  await page.goto(appUrl());
  await card(page, 'Service shop/backend').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector: Service shop/backend' });
  await expect(inspector).toContainText('ClusterIP');
  await expect(inspector).toContainText('app=backend');
  await expect(inspector).toContainText('backend.shop.svc.cluster.local');
  await expect(inspector).toContainText('BACKEND_SERVICE_HOST');
  await expect(inspector.getByRole('table').first()).toContainText('8080');
  const endpoints = inspector.locator('section').filter({ hasText: 'Endpoints' });
  await expect(endpoints).toContainText('✓ ready');
  await expect(endpoints).toContainText('✗ not ready');
  await expect(inspector.getByRole('button', { name: 'Copy name', exact: true })).toBeVisible();
  await inspector.getByText('Data (YAML)').click();
  await expect(inspector.locator('pre')).toContainText('serviceType: ClusterIP');
});

test('the inspector of a pod: readiness, IPs, node, labels', async ({ page }) => {
  await page.goto(appUrl());
  await card(page, 'Pod shop/backend-2').focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('complementary', { name: 'Inspector: Pod shop/backend-2' });
  await expect(inspector).toContainText('not ready');
  await expect(inspector).toContainText('Pod IPs');
  await expect(inspector).toContainText('app=backend');
  await expect(inspector.getByRole('button', { name: /^Copy Pod IPs/ })).toBeVisible();
});
