/**
 * The app in headless Chromium against the real commands at scale, each
 * figure beside a baseline measured in the same run:
 *
 * - time to first graph: navigation to the first card on screen, against
 *   navigation to "Live" on an empty cluster (the app's own start-up cost);
 * - layout: the first layout and each update's (the `portolan:layout`
 *   measures: request to positions applied, worker round trip included) while
 *   the simulated cluster churns, against elkjs "layered" on the same graph
 *   (in Node, one run, 180 s at most) and our layout in Node on it;
 * - mounted cards (in the DOM) against cards in the graph;
 * - pan/zoom frame times (p50/p95/p99/max of requestAnimationFrame gaps
 *   during the same drag and wheel gestures) against the empty canvas.
 *
 * Needs `pnpm build` (server, sim, web) and /usr/bin/chromium (or
 * PORTOLAN_CHROMIUM). Prints; asserts nothing.
 *
 *   pnpm --filter @portolan/web bench:browser                  # scale:1000x10
 *   pnpm --filter @portolan/web bench:browser -- --big         # also scale:10000x10
 *   pnpm --filter @portolan/web bench:browser -- --scenario scale:300x10
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EdgeId, Graph, GraphEdge, GraphNode, NodeId } from '@portolan/topology';
import { chromium, type Browser, type Page } from 'playwright-core';
import { layoutGraph } from '../src/layout/layout-graph.js';
import { toLayoutGraph } from '../src/layout/layout-input.js';
import { CARD_H, NODE_W } from '../src/layout/geometry.js';
import { planCollapse } from '../src/view/aggregate.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHROMIUM = process.env.PORTOLAN_CHROMIUM ?? '/usr/bin/chromium';
const ELK_TIMEOUT_MS = 180_000;
const CHURN_WINDOW_MS = 15_000;

const args = process.argv.slice(2);
const scenarios = [
  args.includes('--scenario') ? args[args.indexOf('--scenario') + 1] : 'scale:1000x10',
];
if (args.includes('--big')) scenarios.push('scale:10000x10');

// ---------- processes ----------

interface Proc {
  proc: ChildProcess;
  output: () => string;
}

const started: Proc[] = [];

function run(argv: string[]): Proc {
  let out = '';
  const proc = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const p = { proc, output: () => out };
  started.push(p);
  return p;
}

async function until<T>(
  what: string,
  fn: () => T | undefined | Promise<T | undefined>,
  ms: number,
  log?: () => string,
  proc?: ChildProcess,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    if (proc && proc.exitCode !== null)
      throw new Error(`${what}: the process exited ${proc.exitCode}\n${log?.() ?? ''}`);
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end)
      throw new Error(`timed out after ${ms / 1000} s waiting for ${what}\n${log?.() ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function portolanOn(extra: string[], ms: number): Promise<{ url: string; syncMs: number }> {
  const t0 = performance.now();
  const app = run(['apps/server/dist/cli.js', ...extra, '--port', '0']);
  const url = await until(
    'portolan to print its URL',
    () => /serving (http:\/\/\S+)/.exec(app.output())?.[1],
    ms,
    app.output,
    app.proc,
  );
  await until(
    'portolan to sync (/healthz 200)',
    async () =>
      (await fetch(`${url}/healthz`).catch(() => undefined))?.status === 200 ? true : undefined,
    ms,
    app.output,
  );
  return { url: url.replace('localhost', '127.0.0.1'), syncMs: performance.now() - t0 };
}

async function simulated(
  scenario: string,
  churn: number,
  ms: number,
): Promise<{ kubeconfig: string; loadMs: number }> {
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'portolan-bench-')), 'kubeconfig.yaml');
  const t0 = performance.now();
  const sim = run([
    'packages/sim-cluster/dist/cli.js',
    '--port',
    '0',
    '--scenario',
    scenario,
    '--kubeconfig-out',
    kubeconfig,
    '--ready-delay',
    '200',
    ...(churn > 0 ? ['--churn', String(churn)] : []),
  ]);
  await until(
    'the simulated cluster',
    () => (existsSync(kubeconfig) && /kubeconfig written/.test(sim.output()) ? true : undefined),
    ms,
    sim.output,
    sim.proc,
  );
  console.log(`  ${sim.output().split('\n')[0]}`);
  return { kubeconfig, loadMs: performance.now() - t0 };
}

// ---------- in the page ----------

/** Records when "Live" and the first card appear (ms since navigation start). */
const PAGE_PROBE = () => {
  const w = window as unknown as { __pn: { live?: number; firstCard?: number } };
  w.__pn = {};
  const check = () => {
    if (w.__pn.live === undefined && document.querySelector('[aria-label="Connection: Live"]'))
      w.__pn.live = performance.now();
    if (w.__pn.firstCard === undefined && document.querySelector('.react-flow__node .pn-card'))
      w.__pn.firstCard = performance.now();
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
  });
};

/** Stream requests per page: more than one while loading means the stream was dropped and reopened. */
const streamRequests = new WeakMap<Page, number>();
let lastPage: Page | undefined;

async function openApp(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  streamRequests.set(page, 0);
  lastPage = page;
  page.on('request', (r) => {
    if (r.url().includes('/api/stream'))
      streamRequests.set(page, (streamRequests.get(page) ?? 0) + 1);
  });
  // tsx (esbuild) names functions with a __name helper the page does not have.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.addInitScript(PAGE_PROBE);
  await page.goto(url);
  await page.getByRole('status', { name: 'Connection: Live' }).waitFor({ timeout: 120_000 });
  return page;
}

async function probe(page: Page): Promise<{ live?: number; firstCard?: number }> {
  return page.evaluate(
    () => (window as unknown as { __pn: { live?: number; firstCard?: number } }).__pn,
  );
}

/** A point of the empty pane near the middle, to drag from. */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    for (let dy = 0; dy < 400; dy += 17)
      for (let x = 500; x < 1200; x += 13) {
        for (const y of [500 + dy, 500 - dy]) {
          const el = document.elementFromPoint(x, y);
          if (el?.classList.contains('react-flow__pane')) return { x, y };
        }
      }
    return null;
  });
  return p ?? { x: 800, y: 500 };
}

/** Drag-pan and wheel-zoom in and out, recording the gaps between animation frames. */
async function panZoomFrames(page: Page): Promise<number[]> {
  const at = await emptyPoint(page);
  await page.mouse.move(at.x, at.y);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean };
    w.__frames = [];
    w.__rec = true;
    let last = performance.now();
    const loop = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__rec) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) await page.mouse.move(at.x - i * 12, at.y - i * 8, { steps: 1 });
  for (let i = 39; i >= 0; i--) await page.mouse.move(at.x - i * 12, at.y - i * 8, { steps: 1 });
  await page.mouse.up();
  for (let i = 0; i < 15; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(20);
  }
  for (let i = 0; i < 15; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(200);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean };
    w.__rec = false;
    return w.__frames.slice(1);
  });
  return frames;
}

async function layoutMeasures(page: Page): Promise<{ ms: number; nodes: number }[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('portolan:layout').map((e) => ({
      ms: e.duration,
      nodes: ((e as PerformanceMeasure).detail as { nodes: number }).nodes,
    })),
  );
}

// ---------- figures ----------

function pct(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
const ms = (v: number): string =>
  Number.isFinite(v) ? `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ms` : 'n/a';
const dist = (v: number[]): string =>
  v.length === 0
    ? 'none'
    : `p50 ${ms(pct(v, 50))} · p95 ${ms(pct(v, 95))} · p99 ${ms(pct(v, 99))} · max ${ms(Math.max(...v))} (${v.length})`;
const ratio = (a: number, b: number): string =>
  b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(1)}x` : 'n/a';

/** elkjs "layered" on the same nodes (card size) and edges, in a worker so it can be stopped. */
function elkLayered(graph: Graph, timeoutMs: number): Promise<number | 'timeout' | string> {
  const elkPath = createRequire(import.meta.url).resolve('elkjs/lib/elk.bundled.js');
  const input = {
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' },
    children: graph.nodes.map((n) => ({ id: n.id, width: NODE_W, height: CARD_H })),
    edges: graph.edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  };
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const ELK = require(workerData.elkPath);
    const t0 = performance.now();
    new ELK().layout(workerData.input).then(
      () => parentPort.postMessage({ ms: performance.now() - t0 }),
      (e) => parentPort.postMessage({ error: String(e && e.message || e) }),
    );`;
  return new Promise((resolve) => {
    const w = new Worker(code, {
      eval: true,
      workerData: { elkPath, input },
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    const timer = setTimeout(() => {
      void w.terminate();
      resolve('timeout');
    }, timeoutMs);
    w.once('message', (m: { ms?: number; error?: string }) => {
      clearTimeout(timer);
      void w.terminate();
      resolve(m.ms ?? m.error ?? 'error');
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      resolve(String(e.message));
    });
  });
}

function ourLayoutInNode(graph: Graph): number {
  const nodes = new Map<NodeId, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  const edges = new Map<EdgeId, GraphEdge>(graph.edges.map((e) => [e.id, e]));
  const input = toLayoutGraph(nodes, edges, planCollapse(nodes, edges, new Set()));
  const t0 = performance.now();
  layoutGraph(input, new Map());
  return performance.now() - t0;
}

// ---------- main ----------

async function main(): Promise<void> {
  for (const f of [
    'apps/server/dist/cli.js',
    'packages/sim-cluster/dist/cli.js',
    'apps/web/dist/index.html',
  ]) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run pnpm build first.`);
  }
  console.log(
    `Portolan browser benchmark (Chromium ${CHROMIUM}, 1600x1000, ${new Date().toISOString()})`,
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-background-networking', '--disable-gpu'],
  });
  try {
    // Baseline: an empty cluster.
    const empty = await portolanOn(['--simulate', 'empty'], 60_000);
    const basePage = await openApp(browser, empty.url);
    await basePage.waitForTimeout(500);
    const baseProbe = await probe(basePage);
    const baseFrames = await panZoomFrames(basePage);
    await basePage.close();
    console.log(
      `\nbaseline, empty cluster: navigation -> Live ${ms(baseProbe.live ?? NaN)}; pan/zoom frames ${dist(baseFrames)}`,
    );

    for (const scenario of scenarios) {
      console.log(`\n== ${scenario} (sim churn 1 change/s)`);
      let sim: { kubeconfig: string; loadMs: number };
      let app: { url: string; syncMs: number };
      try {
        sim = await simulated(scenario, 1, 300_000);
        app = await portolanOn(['--kubeconfig', sim.kubeconfig], 300_000);
      } catch (err) {
        console.log(`skipped: ${(err as Error).message.split('\n')[0]}`);
        continue;
      }
      const graph = (await (await fetch(`${app.url}/api/topology`)).json()) as Graph;
      console.log(
        `cluster: sim up in ${ms(sim.loadMs)}, portolan synced in ${ms(app.syncMs)}; graph ${graph.nodes.length} nodes, ${graph.edges.length} edges`,
      );

      let opened: Page;
      try {
        opened = await openApp(browser, app.url);
        await opened.locator('.react-flow__node .pn-card').first().waitFor({ timeout: 120_000 });
      } catch (err) {
        console.log(
          `the app did not show the graph (${lastPage ? (streamRequests.get(lastPage) ?? 0) : 0} stream requests): ${(err as Error).message.split('\n')[0]}`,
        );
        continue;
      }
      const page = opened;
      const p = await probe(page);
      console.log(
        `time to first graph: ${ms(p.firstCard ?? NaN)} (Live at ${ms(p.live ?? NaN)}, ${streamRequests.get(page) ?? 0} stream request(s)); baseline empty -> Live ${ms(baseProbe.live ?? NaN)} (${ratio(p.firstCard ?? NaN, baseProbe.live ?? NaN)})`,
      );
      await page.waitForTimeout(2000);
      const first = (await layoutMeasures(page))[0];
      const mounted = await page.evaluate(() => ({
        cards: document.querySelectorAll('.react-flow__node').length,
        edges: document.querySelectorAll('.react-flow__edge').length,
      }));
      console.log(
        `mounted: ${mounted.cards} cards, ${mounted.edges} edges in the DOM, of ${graph.nodes.length} nodes / ${graph.edges.length} edges in the graph`,
      );

      const frames = await panZoomFrames(page);
      console.log(`pan/zoom frames: ${dist(frames)}`);
      console.log(
        `  baseline empty: ${dist(baseFrames)}; p95 ${ratio(pct(frames, 95), pct(baseFrames, 95))}`,
      );

      await page.evaluate(() => performance.clearMeasures('portolan:layout'));
      await page.waitForTimeout(CHURN_WINDOW_MS);
      const updates = (await layoutMeasures(page)).map((m) => m.ms);
      await page.close();

      const elk = await elkLayered(graph, ELK_TIMEOUT_MS);
      const ours = ourLayoutInNode(graph);
      console.log(
        `layout, first (browser, worker round trip): ${ms(first?.ms ?? NaN)} for ${first?.nodes ?? '?'} cards`,
      );
      console.log(
        `layout per update (browser, ${CHURN_WINDOW_MS / 1000} s of churn): ${dist(updates)}`,
      );
      console.log(
        `  baseline on the same graph in Node: elkjs layered ${typeof elk === 'number' ? ms(elk) : elk === 'timeout' ? `did not finish in ${ELK_TIMEOUT_MS / 1000} s` : `failed: ${elk}`}; ours (full, no previous positions) ${ms(ours)}` +
          (typeof elk === 'number'
            ? `; elkjs takes ${ratio(elk, pct(updates, 50))} our per-update p50, ${ratio(elk, first?.ms ?? NaN)} our first layout`
            : ''),
      );
    }
  } finally {
    await browser.close();
    for (const p of started) p.proc.kill('SIGTERM');
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const p of started) p.proc.kill('SIGTERM');
    process.exit(130);
  });
}

main().catch((err: unknown) => {
  console.error(err);
  for (const p of started) p.proc.kill('SIGTERM');
  process.exitCode = 1;
});
