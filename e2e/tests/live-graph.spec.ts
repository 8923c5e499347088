/**
 * A user opens Portolan on the demo cluster, follows the LoadBalancer
 * frontend's path with its ports, and watches a new pod appear live.
 */
import { expect, test } from '@playwright/test';
import { appUrl, kube } from './support.js';

interface ServiceJson {
  spec: {
    selector: Record<string, string>;
    ports: { port: number; nodePort: number; targetPort: number | string }[];
  };
  status: { loadBalancer: { ingress: { ip: string }[] } };
}

test('the LoadBalancer frontend path shows every hop with its ports', async ({ page }) => {
  const { json } = await kube('GET', '/api/v1/namespaces/shop/services/frontend');
  const svc = json as ServiceJson;
  const port = svc.spec.ports[0]!;
  const lbIp = svc.status.loadBalancer.ingress[0]!.ip;

  await page.goto(appUrl());
  const lb = page
    .getByRole('group', { name: 'LoadBalancer shop/frontend' })
    .or(page.locator('[aria-label="LoadBalancer shop/frontend"]'));
  await expect(lb.first()).toBeVisible();
  await expect(lb.first()).toContainText(lbIp);
  await expect(page.locator('[aria-label="NodePort shop/frontend"]')).toContainText(
    String(port.nodePort),
  );
  await expect(page.locator('[aria-label="Service shop/frontend"]')).toBeVisible();

  const edge = (label: string) => page.locator(`[aria-label="${label}"]`);
  await expect(
    edge(`External clients to LoadBalancer shop/frontend: ${port.port}/TCP`),
  ).toHaveCount(1);
  await expect(
    edge(
      `LoadBalancer shop/frontend to NodePort shop/frontend: ${port.port} -> ${port.nodePort}/TCP`,
    ),
  ).toHaveCount(1);
  await expect(
    edge(`NodePort shop/frontend to Service shop/frontend: ${port.nodePort} -> ${port.port}/TCP`),
  ).toHaveCount(1);
  const podEdges = page.locator(`[aria-label^="Service shop/frontend to Pod shop/"]`);
  await expect(podEdges.first()).toBeVisible();
  for (const label of await podEdges.evaluateAll((els) =>
    els.map((e) => e.getAttribute('aria-label')),
  )) {
    expect(label).toMatch(new RegExp(`: ${port.port} -> 8080/TCP`));
  }
  // The port mappings are visible text on the canvas, not only accessible names.
  await expect(page.getByText(`${port.port} -> ${port.nodePort}/TCP`).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/demo-graph.png' });
});

test('a pod the frontend selects appears without a reload', async ({ page }) => {
  await page.goto(appUrl());
  await expect(page.locator('[aria-label="Service shop/frontend"]')).toBeVisible();
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  const before = await page.locator('[aria-label="Service shop/frontend"]').boundingBox();

  const { json } = await kube('GET', '/api/v1/namespaces/shop/services/frontend');
  const created = await kube('POST', '/api/v1/namespaces/shop/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'frontend-e2e', labels: (json as ServiceJson).spec.selector },
    spec: {
      containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }],
    },
  });
  expect(created.status).toBe(201);

  await expect(page.locator('[aria-label="Pod shop/frontend-e2e"]')).toBeVisible();
  await expect(
    page.locator('[aria-label^="Service shop/frontend to Pod shop/frontend-e2e"]'),
  ).toHaveCount(1);
  await expect(page.locator('[aria-label="Pod shop/frontend-e2e"]')).toContainText(
    /(?<!not )ready/i,
  );
  await expect(page.locator('[aria-label="Pod shop/frontend-e2e"]')).not.toContainText(
    /not ready/i,
  );
  expect(
    await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
  ).toBe(true);
  // Nothing else moved.
  expect(await page.locator('[aria-label="Service shop/frontend"]').boundingBox()).toEqual(before);

  const deleted = await kube('DELETE', '/api/v1/namespaces/shop/pods/frontend-e2e');
  expect(deleted.status).toBe(200);
  await expect(page.locator('[aria-label="Pod shop/frontend-e2e"]')).toHaveCount(0);
});
