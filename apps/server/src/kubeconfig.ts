/**
 * Kubeconfig resolution as kubectl does it: --kubeconfig, else KUBECONFIG
 * (several files, merged), else ~/.kube/config, else the in-cluster service
 * account. Every failure names the file or context and says what to do.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { PortolanError } from './errors.js';

export interface ResolvedKubeconfig {
  kc: KubeConfig;
  context: string;
  /** The API server URL (no credentials). */
  server: string;
  /** Where the configuration came from, for the startup report. */
  source: string;
}

function loadFile(kc: KubeConfig, file: string): void {
  if (!existsSync(file)) {
    throw new PortolanError(
      'PORTOLAN_KUBECONFIG_NOT_FOUND',
      `kubeconfig ${file} does not exist.`,
      'Pass --kubeconfig with the path of a kubeconfig file (kubectl config view --raw shows yours), or run with --simulate to try Portolan on its simulated cluster.',
    );
  }
  try {
    accessSync(file, constants.R_OK);
  } catch {
    throw new PortolanError(
      'PORTOLAN_KUBECONFIG_NOT_FOUND',
      `kubeconfig ${file} is not readable by this user.`,
      `Check its permissions (ls -l ${file}).`,
    );
  }
  try {
    kc.loadFromString(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new PortolanError(
      'PORTOLAN_KUBECONFIG_INVALID',
      `kubeconfig ${file} could not be parsed: ${(err as Error).message.split('\n')[0]}`,
      'It must be a YAML kubeconfig with clusters, users and contexts; kubectl config view --kubeconfig FILE shows what kubectl makes of it.',
    );
  }
}

export function resolveKubeconfig(options: {
  file?: string;
  context?: string;
  env?: NodeJS.ProcessEnv;
}): ResolvedKubeconfig {
  const env = options.env ?? process.env;
  const kc = new KubeConfig();
  let source: string;
  if (options.file) {
    loadFile(kc, options.file);
    source = options.file;
  } else if (env.KUBECONFIG) {
    const files = env.KUBECONFIG.split(delimiter).filter((f) => f && existsSync(f));
    if (files.length === 0) {
      throw new PortolanError(
        'PORTOLAN_KUBECONFIG_NOT_FOUND',
        `none of the files in KUBECONFIG (${env.KUBECONFIG}) exists.`,
        'Fix KUBECONFIG, or pass --kubeconfig FILE.',
      );
    }
    const merged = new KubeConfig();
    for (const f of files) {
      const one = new KubeConfig();
      loadFile(one, f);
      merged.mergeConfig(one, true);
      if (!merged.currentContext && one.currentContext)
        merged.setCurrentContext(one.currentContext);
    }
    kc.loadFromOptions({
      clusters: merged.clusters,
      users: merged.users,
      contexts: merged.contexts,
      currentContext: merged.currentContext,
    });
    source = `KUBECONFIG=${files.join(delimiter)}`;
  } else if (existsSync(join(homedir(), '.kube', 'config'))) {
    const file = join(homedir(), '.kube', 'config');
    loadFile(kc, file);
    source = file;
  } else if (env.KUBERNETES_SERVICE_HOST) {
    kc.loadFromCluster();
    source = 'in-cluster service account';
  } else {
    throw new PortolanError(
      'PORTOLAN_NO_KUBECONFIG',
      'no kubeconfig found: no --kubeconfig, no KUBECONFIG, no ~/.kube/config, and not running in a cluster.',
      'Pass --kubeconfig FILE, or run with --simulate to use the built-in simulated cluster.',
    );
  }
  if (options.context) {
    if (!kc.getContextObject(options.context)) {
      throw new PortolanError(
        'PORTOLAN_CONTEXT_NOT_FOUND',
        `context "${options.context}" is not in ${source}.`,
        `Contexts there: ${
          kc
            .getContexts()
            .map((c) => c.name)
            .join(', ') || 'none'
        }.`,
      );
    }
    kc.setCurrentContext(options.context);
  }
  const context = kc.getCurrentContext();
  const cluster = kc.getCurrentCluster();
  if (!context || !cluster) {
    throw new PortolanError(
      'PORTOLAN_NO_CURRENT_CONTEXT',
      `${source} has no usable current context${context ? ` (context "${context}" names no known cluster)` : ''}.`,
      `Pass --context NAME (contexts: ${
        kc
          .getContexts()
          .map((c) => c.name)
          .join(', ') || 'none'
      }).`,
    );
  }
  return { kc, context, server: cluster.server, source };
}
