/**
 * The server goes away and comes back: the user sees a banner and a
 * "Reconnecting" pill while the map keeps the last known state, and both
 * clear once the restarted server streams again. Uses a server of its own
 * (the global one serves the other specs).
 */
import { expect, test } from '@playwright/test';
import { startOwnStack, startPortolan, stop, type OwnStack } from '../support/own-stack.js';

let stack: OwnStack | undefined;

test.beforeAll(async () => {
  stack = await startOwnStack('demo');
});

test.afterAll(async () => {
  if (stack) {
    await stop(stack.app);
    await stop(stack.sim);
  }
});

test('server restart: reconnecting banner, last known map kept, live again after', async ({
  page,
}) => {
  const s = stack as OwnStack;
  await page.goto(s.url);
  await expect(page.getByRole('status', { name: 'Connection: Live' })).toBeVisible();
  const backend = page.getByRole('group', { name: 'Service shop/backend', exact: true });
  await expect(backend).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await stop(s.app);
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('Disconnected — reconnecting…');
  await expect(banner).toContainText('the map shows the last known state');
  await expect(
    page.getByRole('status', { name: /^Connection: Reconnecting \(attempt \d+\)$/ }),
  ).toBeVisible();
  // The map is still there to read while the server is away.
  await expect(backend).toBeVisible();

  const port = new URL(s.url).port;
  const restarted = await startPortolan(s.kubeconfig, Number(port));
  s.app = restarted.app;
  await expect(page.getByRole('status', { name: 'Connection: Live' })).toBeVisible({
    timeout: 45_000,
  });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(backend).toBeVisible();
  // Selecting still works against the new server.
  await backend.click();
  await expect(
    page.getByRole('complementary', { name: 'Inspector: Service shop/backend' }),
  ).toBeVisible();
});
