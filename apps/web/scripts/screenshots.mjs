#!/usr/bin/env node
/**
 * Screenshots of the built app for docs/screenshots/: the demo cluster,
 * Online Boutique with its 13 NetworkPolicies, and scale:1000x10, in light
 * and dark themes, plus the policy inspector. Starts the real `portolan`
 * commands on free loopback ports; needs `pnpm build` and /usr/bin/chromium
 * (or PORTOLAN_CHROMIUM).
 *
 *   node apps/web/scripts/screenshots.mjs [--only demo,boutique,scale]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const OUT = join(ROOT, 'docs/screenshots');
const BOUTIQUE = '../shared/corpus/manifests/google-microservices-demo';
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;

const children = [];

function portolan(args) {
  let out = '';
  const proc = spawn(process.execPath, ['apps/server/dist/cli.js', ...args, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const end = Date.now() + 180_000;
    const tick = async () => {
      const url = /serving (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        const ok = (await fetch(`${url}/healthz`).catch(() => undefined))?.status === 200;
        if (ok) return resolve(url);
      }
      if (Date.now() > end) return reject(new Error(`portolan did not start:\n${out}`));
      setTimeout(tick, 200);
    };
    void tick();
  });
}

/** `portolan --simulate` knows only named scenarios: scale ones run in portolan-sim. */
function simulated(scenario) {
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'portolan-shots-')), 'kubeconfig.yaml');
  let out = '';
  const proc = spawn(
    process.execPath,
    [
      'packages/sim-cluster/dist/cli.js',
      '--port',
      '0',
      '--scenario',
      scenario,
      '--kubeconfig-out',
      kubeconfig,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(proc);
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const end = Date.now() + 300_000;
    const tick = () => {
      if (/kubeconfig written/.test(out)) return resolve(kubeconfig);
      if (Date.now() > end || proc.exitCode !== null)
        return reject(new Error(`portolan-sim did not start:\n${out}`));
      setTimeout(tick, 200);
    };
    tick();
  });
}

const SETS = {
  demo: {
    args: ['--simulate', 'demo'],
    shots: [{ name: 'demo' }, { name: 'demo-policy', select: 'Pod shop/backend-1', height: 1300 }],
  },
  boutique: {
    args: [
      '--manifests',
      `${BOUTIQUE}/release/kubernetes-manifests.yaml`,
      `${BOUTIQUE}/kustomize/components/network-policies`,
    ],
    shots: [
      { name: 'boutique' },
      { name: 'boutique-policy', select: /^Pod default\/frontend-/, height: 1400 },
    ],
  },
  scale: { sim: 'scale:1000x10', shots: [{ name: 'scale-1000x10' }] },
};

async function main() {
  for (const f of ['apps/server/dist/cli.js', 'apps/web/dist/index.html'])
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run pnpm build first.`);
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.PORTOLAN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-background-networking', '--disable-gpu'],
  });
  try {
    for (const [key, set] of Object.entries(SETS)) {
      if (only && !only.includes(key)) continue;
      const url = await portolan(set.sim ? ['--kubeconfig', await simulated(set.sim)] : set.args);
      for (const shot of set.shots) {
        for (const theme of shot.select ? ['light'] : ['light', 'dark']) {
          const page = await browser.newPage({
            viewport: { width: 1600, height: shot.height ?? 1000 },
          });
          await page.addInitScript((t) => localStorage.setItem('portolan.theme', t), theme);
          await page.goto(url);
          await page.getByRole('status', { name: 'Connection: Live' }).waitFor({ timeout: 60_000 });
          await page.locator('.react-flow__node .pn-card').first().waitFor({ timeout: 60_000 });
          await page.waitForTimeout(1500);
          if (shot.select) {
            await page.getByRole('group', { name: shot.select }).first().click();
            await page.getByRole('table', { name: 'Who can reach it' }).waitFor();
            await page.waitForTimeout(500);
          }
          const file = join(OUT, `${shot.name}${shot.select ? '' : `-${theme}`}.png`);
          await page.screenshot({ path: file });
          console.log(`wrote ${file}`);
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    for (const c of children) c.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  for (const c of children) c.kill('SIGTERM');
  process.exitCode = 1;
});
