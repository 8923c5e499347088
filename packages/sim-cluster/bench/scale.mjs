#!/usr/bin/env node
// Start scale:<services>x<pods> scenarios and print, for each: how long it takes to load and to
// settle (every pod Running, Ready and in its EndpointSlice), its memory (heap after a GC, and RSS),
// and how long listing every pod takes over HTTPS in pages of 500 (limit/continue, as informers
// list). Each scenario runs in a process of its own, so memory figures do not mix.
// Usage (after a build): node bench/scale.mjs [scale:1000x10 ...]   (pnpm bench runs the defaults)
import { execFileSync } from 'node:child_process';
import { request } from 'node:https';
import { fileURLToPath } from 'node:url';

const DEFAULTS = ['scale:1000x10', 'scale:10000x10'];
const MiB = 1048576;

function getJson(sim, path) {
  return new Promise((resolve, reject) => {
    const req = request(
      `${sim.url}${path}`,
      {
        ca: sim.caPem,
        headers: { Accept: 'application/json', Authorization: `Bearer ${sim.token}` },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200)
            reject(new Error(`GET ${path}: ${res.statusCode} ${Buffer.concat(chunks).toString()}`));
          else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function one(scenario) {
  const { startSimCluster } = await import('../dist/index.js');
  const t0 = performance.now();
  const sim = await startSimCluster({ scenario, port: 0, readyDelayMs: 0, terminationDelayMs: 0 });
  const loaded = performance.now();
  await sim.idle(1_800_000);
  const settled = performance.now();
  globalThis.gc?.();
  const mem = process.memoryUsage();
  let pages = 0;
  let pods = 0;
  let token = '';
  const listStart = performance.now();
  do {
    const page = await getJson(
      sim,
      `/api/v1/pods?limit=500${token ? `&continue=${encodeURIComponent(token)}` : ''}`,
    );
    pages += 1;
    pods += page.items.length;
    token = page.metadata.continue ?? '';
  } while (token);
  const listed = performance.now();
  const services = sim.list('v1', 'Service').length;
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `${scenario}: ${services} Services, ${sim.list('v1', 'Pod').length} pods (${sim.list('discovery.k8s.io/v1', 'EndpointSlice').length} EndpointSlices); ` +
      `start ${s(loaded - t0)}, settled ${s(settled - loaded)} later; ` +
      `heap ${(mem.heapUsed / MiB).toFixed(0)} MiB, rss ${(mem.rss / MiB).toFixed(0)} MiB; ` +
      `all ${pods} pods listed over HTTPS in ${pages} pages of 500 in ${s(listed - listStart)}`,
  );
  await sim.close();
}

if (process.argv[2] === '--one') {
  await one(process.argv[3]);
} else {
  const scenarios = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULTS;
  console.log(`sim-cluster scale bench on ${(await import('node:os')).cpus().length} cores`);
  for (const scenario of scenarios)
    execFileSync(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), '--one', scenario],
      { stdio: 'inherit' },
    );
}
