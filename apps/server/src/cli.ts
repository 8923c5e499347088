#!/usr/bin/env node
/**
 * The `portolan` command: resolve the kubeconfig (or start the simulated
 * cluster), check the cluster answers, start informers, serve the app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { USAGE, parseArgs } from './args.js';
import type { Finding } from '@portolan/topology';
import { connectivityReport, reportText } from '@portolan/topology';
import { buildApp } from './app.js';
import { startManifestCluster } from './manifests-mode.js';
import { contextChoices } from './context-routes.js';
import { doctorHealthy, doctorText, runDoctor } from './doctor.js';
import { PortolanError } from './errors.js';
import { preflight } from './kube-request.js';
import { resolveKubeconfig } from './kubeconfig.js';
import { allowedHostsFor, runShareCommand, setUpShareMode } from './share-cli.js';
import type { ShareMode } from './share-cli.js';
import { ClusterSource } from './source.js';

const stamp = () => new Date().toISOString().slice(11, 19);
const log = {
  info: (m: string) => console.log(`${stamp()} ${m}`),
  warn: (m: string) => console.warn(`${stamp()} warn ${m}`),
  error: (m: string) => console.error(`${stamp()} error ${m}`),
};

const quiet = { info: () => {}, warn: log.warn, error: log.error };

/** `portolan connectivity`: sync once, print the report, stop. */
async function printConnectivity(source: ClusterSource, output: 'text' | 'json'): Promise<void> {
  source.start();
  const until = Date.now() + 60_000;
  while (!source.synced()) {
    if (Date.now() > until) {
      const waiting = source.status().kinds.filter((k) => k.state !== 'synced');
      throw new PortolanError(
        'PORTOLAN_CLUSTER_ERROR',
        `could not read the cluster within 60 s: ${waiting.map((k) => `${k.kind} ${k.state}${k.message ? ` (${k.message})` : ''}`).join(', ')}.`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  source.hub.flush();
  const report = connectivityReport(source.hub.engine.store);
  await source.stop();
  process.stdout.write(
    output === 'json' ? `${JSON.stringify(report.pods, null, 2)}\n` : `${reportText(report)}\n`,
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), process.env);
  // The report owns stdout; progress goes to stderr.
  if (args.command !== 'serve') log.info = (m: string) => console.error(`${stamp()} ${m}`);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (args.command === 'share') {
    console.log(await runShareCommand(args));
    return;
  }
  const cleanups: (() => Promise<void> | void)[] = [];
  let kubeconfigFile = args.kubeconfig;
  let simulated = false;
  if (args.simulate !== undefined) {
    const { startSimCluster, SCENARIOS, isScenarioName } = await import('@portolan/sim-cluster');
    if (!isScenarioName(args.simulate)) {
      throw new PortolanError(
        'PORTOLAN_BAD_ARGUMENT',
        `unknown scenario "${args.simulate}".`,
        `Scenarios: ${SCENARIOS.join(', ')}, or scale:<services>x<pods-per-service> (e.g. scale:1000x10).`,
      );
    }
    const dir = mkdtempSync(join(tmpdir(), 'portolan-sim-'));
    kubeconfigFile = join(dir, 'kubeconfig.yaml');
    const sim = await startSimCluster({
      scenario: args.simulate,
      port: 0,
      kubeconfigPath: kubeconfigFile,
    });
    simulated = true;
    cleanups.push(
      () => sim.close(),
      () => rmSync(dir, { recursive: true, force: true }),
    );
    log.info(
      `simulated cluster "${args.simulate}" at ${sim.url} (kubectl: KUBECONFIG=${kubeconfigFile} kubectl get svc -A)`,
    );
    // It runs in this process: let its controllers finish creating pods and
    // endpoints first (seconds for demo, a minute or more for scale:10000x10),
    // or its busy event loop starves our own requests to it.
    const started = Date.now();
    await sim.idle(15 * 60_000);
    log.info(`simulated cluster settled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  let manifestFindings: Finding[] = [];
  if (args.manifests) {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-manifests-'));
    kubeconfigFile = join(dir, 'kubeconfig.yaml');
    const cluster = await startManifestCluster(args.manifests, kubeconfigFile, log.info);
    simulated = true;
    manifestFindings = cluster.findings;
    cleanups.push(
      () => cluster.sim.close(),
      () => rmSync(dir, { recursive: true, force: true }),
    );
  }
  const config = resolveKubeconfig({ file: kubeconfigFile, context: args.context });
  if (args.command === 'doctor') {
    const report = await runDoctor(config);
    console.log(doctorText(report));
    for (const c of cleanups.reverse()) await c();
    process.exitCode = doctorHealthy(report) ? 0 : 1;
    return;
  }
  const version = await preflight(config.kc, config.server, config.context);
  log.info(
    `connected to ${config.server} (context ${config.context}, Kubernetes ${version.gitVersion ?? 'unknown version'}, from ${config.source})`,
  );

  if (args.command === 'connectivity') {
    await printConnectivity(new ClusterSource(config, simulated, quiet), args.output);
    for (const c of cleanups.reverse()) await c();
    return;
  }
  const source = new ClusterSource(config, simulated, log);
  let boundPort = args.port;
  let shareMode: ShareMode | undefined;
  if (args.share) {
    shareMode = setUpShareMode(args, () => boundPort);
    cleanups.push(() => shareMode?.cleanup());
  }
  const app = await buildApp({
    source,
    allowedHosts: allowedHostsFor(args),
    share: shareMode?.options,
    anonymous: args.allowAnonymous,
    contexts: args.contextPicker
      ? {
          list: () => contextChoices(config),
          resolve: (name) => resolveKubeconfig({ file: kubeconfigFile, context: name }),
        }
      : undefined,
  });
  try {
    await app.listen({ host: args.host, port: args.port });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortolanError(
        'PORTOLAN_PORT_IN_USE',
        `port ${args.port} on ${args.host} is already in use.`,
        'Stop the other process, or pass --port N (0 picks a free port).',
      );
    }
    throw err;
  }
  source.start();
  void (async () => {
    const until = Date.now() + 30_000;
    while (!source.synced() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    log.info(
      `${source.synced() ? 'synced' : 'still syncing after 30 s'}; what the credentials can read:\n${source.readableReport().join('\n')}`,
    );
  })();
  if (manifestFindings.length) source.hub.putFindings('manifests', manifestFindings);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  log.info(
    `Portolan is serving http://${args.host === '::1' ? '[::1]' : args.host === '127.0.0.1' ? 'localhost' : args.host}:${port}`,
  );
  boundPort = port;
  // Past this many open sockets new ones are refused; streams are limited per address in app.ts.
  app.server.maxConnections = 2000;
  if (shareMode) {
    const ownerLink = shareMode.listening(port);
    log.info(
      `share mode: every viewer needs a link (portolan share create --namespaces a,b --expires 24h).\n  Your owner link (works only from this machine; do not share it): ${ownerLink}`,
    );
  }
  if (args.allowAnonymous && !['127.0.0.1', 'localhost', '::1'].includes(args.host)) {
    const bar = '!'.repeat(78);
    log.warn(
      `\n${bar}\n  --allow-anonymous: NO AUTHENTICATION on ${args.host}:${port}.\n  ANYONE who can reach this port sees the whole cluster graph: every namespace,\n  service, pod, IP address and NetworkPolicy verdict. Use it only on a network you\n  trust; otherwise restart with --share and hand out links (portolan share create).\n${bar}`,
    );
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info(`${signal}: shutting down`);
    await app.close();
    for (const c of cleanups.reverse()) await c();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof PortolanError) console.error(err.format());
  else console.error(`portolan: unexpected error: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
