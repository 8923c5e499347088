/**
 * The kubeconfig the simulator writes for itself: cluster, context and user
 * all named `portolan-sim`, a bearer token the server accepts, and the
 * server URL. Over TLS (the default) the cluster entry carries the
 * simulator's CA as `certificate-authority-data`, an ordinary kubeconfig.
 * With TLS off the server speaks plain HTTP on 127.0.0.1 and the entry says
 * `insecure-skip-tls-verify: true`: @kubernetes/client-node refuses an
 * `http:` server without it (kubectl does not mind either way).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export const SIM_NAME = 'portolan-sim';

/** `extraUsers` get a user and a context each, named `portolan-sim-<name>`. */
export function kubeconfigYaml(
  url: string,
  token: string,
  namespace = 'default',
  extraUsers: readonly { name: string; token: string }[] = [],
  caPem?: string,
): string {
  const extra = extraUsers.map((u) => ({ ...u, id: `${SIM_NAME}-${u.name}` }));
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [
      {
        name: SIM_NAME,
        cluster: caPem
          ? {
              server: url,
              'certificate-authority-data': Buffer.from(caPem, 'utf8').toString('base64'),
            }
          : { server: url, 'insecure-skip-tls-verify': true },
      },
    ],
    users: [
      { name: SIM_NAME, user: { token } },
      ...extra.map((u) => ({ name: u.id, user: { token: u.token } })),
    ],
    contexts: [
      { name: SIM_NAME, context: { cluster: SIM_NAME, user: SIM_NAME, namespace } },
      ...extra.map((u) => ({ name: u.id, context: { cluster: SIM_NAME, user: u.id, namespace } })),
    ],
    'current-context': SIM_NAME,
  });
}

/**
 * Write the kubeconfig (owner-only, as it holds a token), creating its
 * folder; written aside and renamed into place, so a reader never sees half.
 */
export function writeKubeconfig(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, text, { mode: 0o600 });
  renameSync(aside, path);
}
