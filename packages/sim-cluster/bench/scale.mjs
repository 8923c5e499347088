#!/usr/bin/env node
// Load scale:<services>x<pods> scenarios and print how long they take and how much memory they use.
// Usage (after a build): node bench/scale.mjs [scale:1000x10 ...]
import { startSimCluster } from '../dist/index.js';

const scenarios = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['scale:100x10', 'scale:1000x10'];
for (const scenario of scenarios) {
  const t0 = performance.now();
  const sim = await startSimCluster({ scenario, port: 0, readyDelayMs: 0, terminationDelayMs: 0 });
  const loaded = performance.now();
  await sim.idle(900_000);
  const settled = performance.now();
  const res = await fetch(`${sim.url}/api/v1/pods?limit=500`);
  const page = await res.json();
  const listed = performance.now();
  const mem = process.memoryUsage();
  console.log(
    `${scenario}: ${sim.list('v1', 'Service').length} Services, ${sim.list('v1', 'Pod').length} pods; ` +
      `load ${(loaded - t0).toFixed(0)} ms, settle ${(settled - loaded).toFixed(0)} ms, ` +
      `first page of 500 pods ${(listed - settled).toFixed(0)} ms (remainingItemCount ${page.metadata.remainingItemCount}); ` +
      `rss ${(mem.rss / 1048576).toFixed(0)} MiB, heap ${(mem.heapUsed / 1048576).toFixed(0)} MiB`,
  );
  await sim.close();
}
