#!/usr/bin/env node
/** `portolan-sim`: run the simulated cluster on its own and write a kubeconfig for it. */
import { resolve } from 'node:path';
import { parseArgs, USAGE, UsageError } from './cli-args.js';
import { UnknownScenarioError } from './scenarios.js';
import { startSimCluster } from './sim-cluster.js';

async function main(): Promise<number> {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`portolan-sim: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const kubeconfigPath = resolve(process.cwd(), opts.kubeconfigOut);
  let sim;
  const started = Date.now();
  try {
    sim = await startSimCluster({
      port: opts.port,
      scenario: opts.scenario,
      kubeconfigPath,
      readyDelayMs: opts.readyDelayMs,
      probeDelayScale: opts.probeDelayScale,
      churn: opts.churn,
      tls: opts.tls,
      logRequests: opts.verbose,
      log: (line) => console.error(line),
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EADDRINUSE')
      console.error(
        `portolan-sim: ${(err as Error).message}; choose another with --port N (0 = any free port)`,
      );
    else if (err instanceof UnknownScenarioError) console.error(`portolan-sim: ${err.message}`);
    else console.error(`portolan-sim: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const loaded = Date.now() - started;
  await sim.idle(600_000).catch(() => undefined);
  console.log(
    `portolan-sim: scenario "${sim.scenario}" serving the Kubernetes API at ${sim.url} (loaded in ${loaded} ms, settled in ${Date.now() - started} ms, rss ${Math.round(process.memoryUsage().rss / 1048576)} MiB)`,
  );
  if (opts.churn) console.log(`churn: ${opts.churn} changes/s`);
  console.log('faults: POST JSON to /sim/faults, e.g. {"failLists": 3} or {"closeWatches": true}');
  console.log(`kubeconfig written to ${kubeconfigPath}`);
  console.log(`try:  KUBECONFIG=${kubeconfigPath} kubectl get svc -A`);
  console.log('Ctrl-C stops it.');

  const running = sim;
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      console.log(`portolan-sim: ${signal}, shutting down`);
      running.close().then(done, done);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(
      `portolan-sim: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    process.exit(1);
  },
);
