/**
 * A user exports the view and the graph, switches to the dark theme, and
 * walks to a pod with the keyboard alone.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { appUrl } from './support.js';

test('export the view as PNG and SVG and the graph as JSON', async ({ page }) => {
  await page.goto(appUrl());
  await expect(
    page.getByRole('group', { name: 'Service shop/frontend', exact: true }),
  ).toBeVisible();
  const pick = async (label: string) => {
    await page.getByText('Export', { exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: label }).click(),
    ]);
    return download;
  };
  const png = await pick('View as PNG');
  expect(png.suggestedFilename()).toMatch(/^portolan-.*\.png$/);
  const pngBytes = await readFile((await png.path()) as string);
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  const svg = await pick('View as SVG');
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const json = await pick('Graph as JSON');
  const doc = JSON.parse(await readFile((await json.path()) as string, 'utf8')) as {
    nodes: { id: string }[];
  };
  expect(doc.nodes.map((n) => n.id)).toContain('svc:shop/frontend');
});

test('the dark theme is a choice that sticks', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByRole('button', { name: /Dark theme/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('keyboard only: from the search box to a pod, selected with Enter', async ({ page }) => {
  await page.goto(appUrl());
  const lb = page.getByRole('group', { name: 'LoadBalancer shop/frontend', exact: true });
  await expect(lb).toBeVisible();
  // Tab from the page into the canvas until a card has focus.
  await lb.focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
  await expect(page.locator('.react-flow__node:focus')).toHaveAttribute(
    'aria-label',
    /^Pod shop\/frontend-/,
  );
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('complementary', { name: /^Inspector: Pod shop\/frontend-/ }),
  ).toBeVisible();
});
