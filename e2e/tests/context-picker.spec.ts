/**
 * `portolan --context-picker`: the header offers the kubeconfig's contexts;
 * choosing one redraws from it, and a context whose cluster does not answer
 * is refused with the reason while the current one stays.
 */
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { parse, stringify } from 'yaml';
import { startOwnStack, stop, type OwnStack } from '../support/own-stack.js';

let stack: OwnStack | undefined;

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

test.beforeAll(async () => {
  const deadPort = await closedPort();
  stack = await startOwnStack(
    'demo',
    (file) => {
      const kc = parse(readFileSync(file, 'utf8')) as {
        clusters: { name: string; cluster: Record<string, unknown> }[];
        contexts: { name: string; context: { cluster: string; user: string } }[];
      };
      const main = kc.contexts[0]!;
      kc.contexts.push({ name: 'staging', context: { ...main.context } });
      kc.clusters.push({ name: 'gone', cluster: { server: `https://127.0.0.1:${deadPort}` } });
      kc.contexts.push({ name: 'gone', context: { cluster: 'gone', user: main.context.user } });
      writeFileSync(file, stringify(kc));
    },
    ['--context-picker'],
  );
});

test.afterAll(async () => {
  if (stack) {
    await stop(stack.app);
    await stop(stack.sim);
  }
});

test('switch context from the header; a dead cluster is refused with its reason', async ({
  page,
}) => {
  await page.goto((stack as OwnStack).url);
  const picker = page.getByRole('combobox', { name: 'Kubeconfig context' });
  await expect(picker).toHaveValue('portolan-sim');
  await expect(picker.locator('option')).toHaveText(['portolan-sim', 'staging', 'gone']);

  await picker.selectOption('staging');
  await expect(picker).toHaveValue('staging', { timeout: 20_000 });
  await expect(page.getByRole('status', { name: 'Connection: Live' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(
    page.getByRole('group', { name: 'Service shop/frontend', exact: true }),
  ).toBeVisible();

  await picker.selectOption('gone');
  const refusal = page.getByRole('alert').filter({ hasText: 'Still showing staging' });
  await expect(refusal).toContainText(
    'cannot reach the Kubernetes API server at https://127.0.0.1:',
  );
  await expect(picker).toHaveValue('staging');
  await expect(
    page.getByRole('group', { name: 'Service shop/frontend', exact: true }),
  ).toBeVisible();
  await refusal.getByRole('button', { name: 'Dismiss' }).click();
  await expect(refusal).toHaveCount(0);
});
