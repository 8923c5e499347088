/**
 * `portolan doctor`: what this kubeconfig lets Portolan see, checked the
 * way the server will use it (list and watch of each kind it draws), so a
 * user learns before sharing a dashboard which kinds will be missing and
 * why. Only GET requests, like the server; Secrets are never asked for.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import fetch from 'node-fetch';
import { PortolanError } from './errors.js';
import type { WatchedKind } from '@portolan/topology';
import { KIND_PATHS } from './informers.js';
import {
  ApiStatusError,
  describeRequestError,
  getJson,
  preflight,
  requestOptions,
} from './kube-request.js';
import type { ResolvedKubeconfig } from './kubeconfig.js';

export interface KindAccess {
  kind: WatchedKind;
  list: 'ok' | 'forbidden' | 'error';
  watch: 'ok' | 'forbidden' | 'error' | 'skipped';
  /** Objects visible (from a one-item list: complete, or with remainingItemCount), when known. */
  count?: number;
  message?: string;
}

export interface DoctorReport {
  source: string;
  context: string;
  server: string;
  credentials: string;
  version?: string;
  kinds: KindAccess[];
  /** Set when the cluster could not be read at all (then `kinds` is empty). */
  failure?: PortolanError;
}

/** How the current user authenticates, named without revealing anything secret. */
export function credentialKind(kc: KubeConfig): string {
  const user = kc.getCurrentUser();
  if (!user) return 'none (anonymous)';
  if (user.exec) return `exec plugin "${(user.exec as { command?: string }).command ?? '?'}"`;
  if (user.authProvider) return `auth provider "${user.authProvider.name}"`;
  if (user.certData || user.certFile) return 'client certificate';
  if (user.token) return 'bearer token';
  if (user.username) return 'basic auth';
  return 'none (anonymous)';
}

async function watchStatus(kc: KubeConfig, path: string): Promise<number> {
  const cluster = kc.getCurrentCluster();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    const res = await fetch(`${cluster?.server}${path}?watch=true&timeoutSeconds=1&limit=1`, {
      ...(await requestOptions(kc)),
      method: 'GET',
      signal: controller.signal,
    } as never);
    return res.status;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

async function checkKind(config: ResolvedKubeconfig, kind: WatchedKind): Promise<KindAccess> {
  const path = KIND_PATHS[kind];
  const describe = (err: unknown) =>
    describeRequestError(
      err,
      config.server,
      config.context,
      config.kc.getCurrentCluster()?.proxyUrl,
    ).message;
  let count: number | undefined;
  try {
    const list = (await getJson(config.kc, `${path}?limit=1`)) as {
      items?: unknown[];
      metadata?: { remainingItemCount?: number; continue?: string };
    };
    const seen = list.items?.length ?? 0;
    const remaining = list.metadata?.remainingItemCount;
    // Complete (no continue token), or the server said how many remain.
    if (!list.metadata?.continue) count = seen;
    else if (remaining !== undefined) count = seen + remaining;
  } catch (err) {
    const forbidden = err instanceof ApiStatusError && err.statusCode === 403;
    return {
      kind,
      list: forbidden ? 'forbidden' : 'error',
      watch: 'skipped',
      message: forbidden ? err.message : describe(err),
    };
  }
  try {
    const status = await watchStatus(config.kc, path);
    if (status === 200) return { kind, list: 'ok', watch: 'ok', count };
    return {
      kind,
      list: 'ok',
      watch: status === 403 ? 'forbidden' : 'error',
      count,
      message: `watch answered ${status}`,
    };
  } catch (err) {
    return { kind, list: 'ok', watch: 'error', count, message: describe(err) };
  }
}

export async function runDoctor(config: ResolvedKubeconfig): Promise<DoctorReport> {
  const report: DoctorReport = {
    source: config.source,
    context: config.context,
    server: config.server,
    credentials: credentialKind(config.kc),
    kinds: [],
  };
  try {
    report.version = (await preflight(config.kc, config.server, config.context)).gitVersion;
  } catch (err) {
    report.failure =
      err instanceof PortolanError ? err : describeRequestError(err, config.server, config.context);
    return report;
  }
  report.kinds = await Promise.all(
    (Object.keys(KIND_PATHS) as WatchedKind[]).map((kind) => checkKind(config, kind)),
  );
  return report;
}

/** True when Portolan can draw everything: every kind listable and watchable. */
export function doctorHealthy(report: DoctorReport): boolean {
  return !report.failure && report.kinds.every((k) => k.list === 'ok' && k.watch === 'ok');
}

export function doctorText(report: DoctorReport): string {
  const lines = [
    `kubeconfig   ${report.source}`,
    `context      ${report.context}`,
    `cluster      ${report.server}`,
    `credentials  ${report.credentials}`,
  ];
  if (report.failure) {
    lines.push(`API server   not usable: ${report.failure.message}`);
    if (report.failure.hint) lines.push(`             ${report.failure.hint}`);
    return lines.join('\n');
  }
  lines.push(`API server   reachable, Kubernetes ${report.version ?? '(version not given)'}`, '');
  const width = Math.max(...report.kinds.map((k) => k.kind.length));
  for (const k of report.kinds) {
    const state =
      k.list === 'ok' && k.watch === 'ok'
        ? `readable (list, watch)${k.count !== undefined ? `, ${k.count} object${k.count === 1 ? '' : 's'}` : ''}`
        : k.list !== 'ok'
          ? `NOT READABLE: list ${k.list}${k.message ? `: ${k.message}` : ''}`
          : `NOT WATCHABLE: watch ${k.watch}${k.message ? `: ${k.message}` : ''}`;
    lines.push(`${k.kind.padEnd(width)}  ${state}`);
  }
  const missing = report.kinds.filter((k) => k.list !== 'ok' || k.watch !== 'ok');
  lines.push(
    '',
    missing.length === 0
      ? `All ${report.kinds.length} kinds are readable: Portolan will draw everything. (Secrets are never read.)`
      : `${missing.length} of ${report.kinds.length} kinds cannot be read; Portolan will draw the rest and mark ${missing
          .map((k) => k.kind)
          .join(
            ', ',
          )} as forbidden. Ask for get/list/watch on them (deploy/portolan.yaml has the ClusterRole).`,
  );
  return lines.join('\n');
}
