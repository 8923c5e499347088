/**
 * Scenarios named after the apps of the shared manifest corpus
 * (`../shared/corpus/manifests/`, beside this repository, not part of it):
 * `--scenario online-boutique` is `empty` plus that app's manifests, applied
 * as `kubectl apply -f` would. Each app names the files its quickstart
 * applies (the corpus keeps variants beside them: older copies, alternative
 * Services, optional NetworkPolicies), so a scenario is one consistent app.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CorpusApp {
  /** The corpus folder. */
  folder: string;
  /** Files or folders under it, applied in this order. */
  paths: string[];
  aliases: string[];
}

export const CORPUS_APPS: Readonly<Record<string, CorpusApp>> = {
  'online-boutique': {
    folder: 'google-microservices-demo',
    paths: ['release/kubernetes-manifests.yaml'],
    aliases: ['google-microservices-demo', 'boutique'],
  },
  bookinfo: {
    folder: 'istio-bookinfo',
    paths: ['bookinfo.yaml', 'bookinfo-ingress.yaml'],
    aliases: ['istio-bookinfo'],
  },
  guestbook: {
    folder: 'kubernetes-examples-guestbook',
    paths: ['all-in-one/guestbook-all-in-one.yaml'],
    aliases: ['kubernetes-examples-guestbook'],
  },
  'sock-shop': {
    folder: 'sock-shop',
    paths: ['complete-demo.yaml'],
    aliases: [],
  },
  'voting-app': {
    folder: 'example-voting-app',
    paths: ['k8s-specifications'],
    aliases: ['example-voting-app'],
  },
  'aks-store': {
    folder: 'aks-store-demo',
    paths: ['aks-store-all-in-one.yaml'],
    aliases: ['aks-store-demo'],
  },
};

/** Every name a corpus app answers to: its own, then its aliases (folder names among them). */
export const CORPUS_SCENARIOS: readonly string[] = Object.entries(CORPUS_APPS).flatMap(
  ([name, app]) => [name, ...app.aliases],
);

export function corpusApp(name: string): { name: string; app: CorpusApp } | undefined {
  for (const [own, app] of Object.entries(CORPUS_APPS))
    if (own === name || app.aliases.includes(name)) return { name: own, app };
  return undefined;
}

/**
 * Where the corpus may be: `PORTOLAN_CORPUS` when set (only there), else the
 * `shared/` folder beside this repository's checkout, then `../shared/` and
 * `shared/` under the current directory; the first holding the app wins.
 */
export function corpusCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.PORTOLAN_CORPUS) return [resolve(env.PORTOLAN_CORPUS)];
  const beside = fileURLToPath(new URL('../../../../shared/corpus/manifests', import.meta.url));
  return [beside, resolve('../shared/corpus/manifests'), resolve('shared/corpus/manifests')].filter(
    (p, i, all) => all.indexOf(p) === i,
  );
}

export class CorpusMissingError extends Error {
  constructor(
    readonly scenario: string,
    readonly looked: string[],
  ) {
    super(
      `scenario "${scenario}" is an app of the shared manifest corpus, which is not on this machine ` +
        `(looked in ${looked.join(', ')}); set PORTOLAN_CORPUS to its manifests folder, or pass the app's ` +
        `manifests as a path (--scenario path/to/folder-or-file.yaml)`,
    );
    this.name = 'CorpusMissingError';
  }
}

/** The files and folders to apply for a corpus app, or undefined when `name` is not one. */
export function corpusPaths(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): string[] | undefined {
  const found = corpusApp(name);
  if (!found) return undefined;
  const looked = corpusCandidates(env);
  const root = looked.find((dir) => existsSync(join(dir, found.app.folder)));
  if (!root) throw new CorpusMissingError(name, looked);
  return found.app.paths.map((p) => join(root, found.app.folder, p));
}
