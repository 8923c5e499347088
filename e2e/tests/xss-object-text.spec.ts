/**
 * Object text is data, never markup (Argo CD CVE-2024-28175 came through
 * annotations). Hostile strings go where the API server lets free text in and
 * Portolan shows it: the `kubernetes.io/ingress.class` annotation (the Ingress
 * card and inspector), Ingress paths of pathType ImplementationSpecific (the
 * inspector's rules), and names and label values at their maximum lengths
 * (names are DNS labels/subdomains and label values are 63 characters of
 * [A-Za-z0-9._-], so markup cannot get in there). Nothing may run, no dialog
 * may open, no `javascript:` link may exist, the text shows as text, and
 * 10,000 characters do not break the layout.
 */
import { expect, test, type Page } from '@playwright/test';
import { appUrl, kube } from './support.js';

const NS = 'xss-e2e';
const SCRIPT = '<script>window.__pwned = "script"</script>';
const IMG = '<img src=x onerror="window.__pwned = \'img\'; alert(1)">';
const JS_URL = "javascript:window.__pwned='url';alert(2)";
const LONG = `A${'x'.repeat(9_998)}Z`;
/** Longest pod name: a DNS subdomain of 253 characters. */
const LONG_POD = [62, 62, 62, 63].map((n, i) => String.fromCharCode(97 + i).repeat(n)).join('.');
/** Longest Service name: a DNS-1035 label of 63. */
const LONG_SVC = `s${'v'.repeat(61)}c`;

async function apply(path: string, body: object) {
  const r = await kube('POST', path, body);
  expect([201, 409], `${path}: ${JSON.stringify(r.json).slice(-400)}`).toContain(r.status);
}

function ingress(name: string, className: string, paths: string[]) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: NS, annotations: { 'kubernetes.io/ingress.class': className } },
    spec: {
      rules: [
        {
          http: {
            paths: paths.map((path) => ({
              path,
              pathType: 'ImplementationSpecific',
              backend: { service: { name: LONG_SVC, port: { number: 80 } } },
            })),
          },
        },
      ],
    },
  };
}

test.beforeAll(async () => {
  await apply('/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: NS },
  });
  await apply(`/api/v1/namespaces/${NS}/services`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: LONG_SVC, namespace: NS },
    spec: { selector: { app: 'x'.repeat(63) }, ports: [{ port: 80, targetPort: 8080 }] },
  });
  await apply(`/api/v1/namespaces/${NS}/pods`, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: LONG_POD,
      namespace: NS,
      labels: { app: 'x'.repeat(63), [`${LONG_POD}/${'n'.repeat(62)}`]: 'v'.repeat(63) },
    },
    spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080 }] }] },
  });
  await apply(
    `/apis/networking.k8s.io/v1/namespaces/${NS}/ingresses`,
    ingress('hostile', `${SCRIPT}${IMG}${JS_URL}`, [JS_URL, `/${IMG}`, `/${SCRIPT}`]),
  );
  await apply(
    `/apis/networking.k8s.io/v1/namespaces/${NS}/ingresses`,
    ingress('long', LONG, [`/${LONG}`]),
  );
});

test.afterAll(async () => {
  for (const p of [
    `/apis/networking.k8s.io/v1/namespaces/${NS}/ingresses/hostile`,
    `/apis/networking.k8s.io/v1/namespaces/${NS}/ingresses/long`,
    `/api/v1/namespaces/${NS}/services/${LONG_SVC}`,
    `/api/v1/namespaces/${NS}/pods/${LONG_POD}`,
    `/api/v1/namespaces/${NS}`,
  ])
    await kube('DELETE', p);
});

async function expectInert(page: Page, dialogs: string[]) {
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBe(
    undefined,
  );
  // No element was made from the text: no stray img or script, no javascript: link.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(
    await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('[href],[src],[action],[formaction]')).filter((e) =>
          /^\s*javascript:/i.test(
            e.getAttribute('href') ??
              e.getAttribute('src') ??
              e.getAttribute('action') ??
              e.getAttribute('formaction') ??
              '',
          ),
        ).length,
    ),
  ).toBe(0);
  // Nothing runs inline at all: the page would also refuse it (CSP), but the
  // point here is that it is never turned into markup in the first place.
  // The page does not scroll sideways: long text is clipped or wrapped.
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test('hostile annotations, paths and maximum-length names render as inert text', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await page.goto(appUrl());
  const card = (name: string) => page.getByRole('group', { name, exact: true });
  const hostile = card(`Ingress ${NS}/hostile`);
  await expect(hostile).toBeVisible();
  // The annotation is on the card, as the characters it holds.
  await expect(hostile).toContainText('<script>window.__pwned = "script"</script>');
  await expect(hostile).toContainText('<img src=x onerror=');
  await expect(card(`Pod ${NS}/${LONG_POD}`)).toBeVisible();
  await expect(card(`Service ${NS}/${LONG_SVC}`)).toBeVisible();
  const long = card(`Ingress ${NS}/long`);
  await expect(long).toBeVisible();
  // 10,000 characters do not stretch the card.
  const box = await long.boundingBox();
  expect(box?.width ?? 0).toBeLessThan(600);
  expect(box?.height ?? 0).toBeLessThan(400);
  await expectInert(page, dialogs);
  // Only this namespace, so the hostile cards are on screen for the record.
  await page.locator('label.pn-field', { hasText: 'Namespace' }).locator('select').selectOption(NS);
  await expect(hostile).toBeInViewport();
  await page.screenshot({ path: 'test-results/xss-cards.png' });

  await hostile.click();
  const inspector = page.getByRole('complementary', { name: `Inspector: Ingress ${NS}/hostile` });
  await expect(inspector).toContainText(JS_URL);
  await expect(inspector).toContainText(`/${IMG}`);
  await expect(inspector).toContainText(`/${SCRIPT}`);
  await inspector.getByText('Data (YAML)').click();
  await expect(inspector.locator('pre')).toContainText('onerror');
  await expectInert(page, dialogs);

  await long.click();
  const longInspector = page.getByRole('complementary', { name: `Inspector: Ingress ${NS}/long` });
  await expect(longInspector).toContainText('Axxxx');
  const ib = await longInspector.boundingBox();
  expect(ib?.width ?? 0).toBeLessThan(900);
  await expectInert(page, dialogs);

  await card(`Pod ${NS}/${LONG_POD}`).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('complementary', { name: `Inspector: Pod ${NS}/${LONG_POD}` }),
  ).toContainText('v'.repeat(63));
  await expectInert(page, dialogs);
  await page.screenshot({ path: 'test-results/xss-inert.png' });
  expect(pageErrors).toEqual([]);
});
