/**
 * Kubeconfig resolution as kubectl does it: --kubeconfig, else KUBECONFIG
 * (several files, merged), else ~/.kube/config, else the in-cluster service
 * account. Every failure names the file or context and says what to do.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PortolanError } from './errors.js';

export interface ResolvedKubeconfig {
  kc: KubeConfig;
  context: string;
  /** The API server URL (no credentials). */
  server: string;
  /** Where the configuration came from, for the startup report. */
  source: string;
}

/**
 * client-node reads `token-file` at load time relative to the working
 * directory; kubectl reads it relative to the kubeconfig. Rewrite relative
 * token files to absolute paths before loading (text that is not a mapping
 * is left for the loader to reject).
 */
function withAbsoluteTokenFiles(text: string, folder: string): string {
  const doc = parse(text) as { users?: { user?: Record<string, unknown> }[] } | null;
  let changed = false;
  for (const entry of Array.isArray(doc?.users) ? doc.users : []) {
    const tokenFile = entry?.user?.['token-file'];
    if (typeof tokenFile === 'string' && !isAbsolute(tokenFile)) {
      entry.user!['token-file'] = join(folder, tokenFile);
      changed = true;
    }
  }
  return changed ? stringify(doc) : text;
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
    kc.loadFromString(withAbsoluteTokenFiles(readFileSync(file, 'utf8'), dirname(file)));
    // Relative certificate, key and CA paths resolve against the
    // kubeconfig's folder, as kubectl does.
    kc.makePathsAbsolute(dirname(file));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' && e.path && e.path !== file) {
      throw new PortolanError(
        'PORTOLAN_KUBECONFIG_FILE_MISSING',
        `kubeconfig ${file} names the token file ${e.path}, which does not exist.`,
        'Fix token-file in its users entry, or log in again so that the file is written.',
      );
    }
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
