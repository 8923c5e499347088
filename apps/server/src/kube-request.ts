/**
 * Raw GET requests to the API server with the kubeconfig's credentials and
 * TLS settings (through client-node's applyToFetchOptions), returning plain
 * JSON: we project objects ourselves and never hold typed client objects.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import fetch from 'node-fetch';
import { PortolanError } from './errors.js';

export class ApiStatusError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** Translate a low-level failure into a sentence about the cluster. */
export function describeRequestError(
  err: unknown,
  server: string,
  context: string,
  proxyUrl?: string,
): PortolanError {
  if (err instanceof PortolanError) return err;
  if (err instanceof ApiStatusError) {
    if (err.statusCode === 401) {
      return new PortolanError(
        'PORTOLAN_CLUSTER_UNAUTHORIZED',
        `the API server at ${server} rejected the credentials of context "${context}" (401 Unauthorized).`,
        'The token or certificate is wrong or expired: log in again (e.g. refresh your cloud credentials) and retry.',
      );
    }
    if (err.statusCode === 403) {
      return new PortolanError(
        'PORTOLAN_CLUSTER_FORBIDDEN',
        `the API server at ${server} refused access for context "${context}" (403 Forbidden): ${err.message}`,
        'Ask for get/list/watch on services, endpointslices, pods, nodes, namespaces, ingresses and networkpolicies.',
      );
    }
    return new PortolanError(
      'PORTOLAN_CLUSTER_ERROR',
      `the API server at ${server} answered ${err.statusCode}: ${err.message}`,
    );
  }
  const e = err as NodeJS.ErrnoException & { type?: string; cause?: NodeJS.ErrnoException };
  if (/HTTP protocol is not allowed/.test(e.message)) {
    return new PortolanError(
      'PORTOLAN_KUBECONFIG_INVALID',
      `the cluster of context "${context}" is a plain-HTTP address (${server}), which the Kubernetes client refuses unless the kubeconfig sets insecure-skip-tls-verify: true for that cluster.`,
      'Use the https:// address of the API server, or add insecure-skip-tls-verify: true to the cluster entry if plain HTTP is really meant (only on a trusted loopback).',
    );
  }
  const code = e.code ?? e.cause?.code ?? '';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code) || /certificate/i.test(e.message)) {
    return new PortolanError(
      'PORTOLAN_CLUSTER_TLS',
      `TLS verification failed for ${server}: ${e.message}`,
      "The kubeconfig's certificate-authority does not match the server's certificate; fix certificate-authority(-data) for this cluster.",
    );
  }
  const why: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host name not found',
    ETIMEDOUT: 'timed out',
    EHOSTUNREACH: 'host unreachable',
    ECONNRESET: 'connection reset',
    'request-timeout': 'timed out',
  };
  const reason = why[code] ?? why[e.type ?? ''] ?? e.message;
  if (proxyUrl) {
    return new PortolanError(
      'PORTOLAN_PROXY_FAILED',
      `cannot reach the Kubernetes API server at ${server} through the proxy ${proxyUrl} (${reason}), context "${context}".`,
      "Check that the proxy in the kubeconfig's proxy-url is running and lets this machine through (kubectl uses the same proxy).",
    );
  }
  return new PortolanError(
    'PORTOLAN_CLUSTER_UNREACHABLE',
    `cannot reach the Kubernetes API server at ${server} (${reason}), context "${context}".`,
    "Check that the cluster is running and that the kubeconfig's server address is right (kubectl cluster-info uses the same file).",
  );
}

/**
 * The kubeconfig's credentials and TLS settings as fetch options. Failures
 * here are the user's credential setup, not the cluster: a credential
 * plugin that fails (its stderr is the message) or is missing, or a
 * certificate, key or CA file the kubeconfig names that is not there.
 */
export async function requestOptions(kc: KubeConfig): Promise<Record<string, unknown>> {
  try {
    return (await kc.applyToFetchOptions({})) as unknown as Record<string, unknown>;
  } catch (err) {
    throw describeCredentialError(err, kc);
  }
}

export function describeCredentialError(err: unknown, kc: KubeConfig): Error {
  const e = err as NodeJS.ErrnoException;
  const user = kc.getCurrentUser();
  const exec = (user?.exec ?? user?.authProvider?.config?.exec) as
    { command?: string; args?: string[] } | undefined;
  const context = kc.getCurrentContext();
  if (e.code === 'ENOENT' && e.syscall?.startsWith('spawn') && exec) {
    return new PortolanError(
      'PORTOLAN_AUTH_PLUGIN_FAILED',
      `the credential plugin of user "${user?.name}" (context "${context}") could not be started: command "${exec.command}" was not found.`,
      `Install it or fix users[].user.exec.command in the kubeconfig; kubectl runs the same command.`,
    );
  }
  if (e.code === 'ENOENT' && e.path) {
    return new PortolanError(
      'PORTOLAN_KUBECONFIG_FILE_MISSING',
      `the kubeconfig (context "${context}") names ${e.path}, which does not exist.`,
      'Fix the certificate-authority, client-certificate or client-key path in the kubeconfig (relative paths are relative to the kubeconfig file).',
    );
  }
  if (exec && !(err instanceof PortolanError)) {
    const command = [exec.command, ...(exec.args ?? [])].join(' ');
    const detail =
      err instanceof SyntaxError
        ? `it printed something that is not an ExecCredential (${e.message})`
        : (e.message || 'it exited non-zero without a message')
            .trim()
            .split('\n')
            .slice(-5)
            .join(' ');
    return new PortolanError(
      'PORTOLAN_AUTH_PLUGIN_FAILED',
      `the credential plugin of user "${user?.name}" (context "${context}") failed: ${detail}`,
      `Run "${command}" yourself to see what it needs; usually the login behind it has expired (e.g. aws sso login, gcloud auth login, az login).`,
    );
  }
  return err as Error;
}

export async function getJson(kc: KubeConfig, path: string, timeoutMs = 15000): Promise<unknown> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('no current cluster');
  const init = await requestOptions(kc);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(cluster.server + path, {
      ...init,
      method: 'GET',
      signal: controller.signal,
    } as never);
    const text = await res.text();
    if (res.status !== 200) {
      let message = text.slice(0, 300);
      let reason: string | undefined;
      try {
        const status = JSON.parse(text) as { message?: string; reason?: string };
        message = status.message ?? message;
        reason = status.reason;
      } catch {
        // not a Status object; keep the text
      }
      throw new ApiStatusError(res.status, message || res.statusText, reason);
    }
    return JSON.parse(text) as unknown;
  } catch (err) {
    if ((err as Error).name === 'AbortError') {
      throw Object.assign(new Error(`request timed out after ${timeoutMs} ms`), {
        code: 'ETIMEDOUT',
      });
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** Fail fast before starting informers: is the server there, and does it take our credentials? */
export async function preflight(
  kc: KubeConfig,
  server: string,
  context: string,
): Promise<{ gitVersion?: string }> {
  try {
    return (await getJson(kc, '/version', 5000)) as { gitVersion?: string };
  } catch (err) {
    throw describeRequestError(err, server, context, kc.getCurrentCluster()?.proxyUrl);
  }
}
