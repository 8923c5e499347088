/** Helpers for tests that talk to a running simulated cluster over real HTTP. */
import { request } from 'node:http';
import { startSimCluster, type SimCluster, type SimClusterOptions } from '../src/index.js';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A cluster on a random port, `empty` scenario and instant readiness unless
 * told otherwise; plain HTTP, since these helpers use node:http (the kubectl
 * tests run over TLS, the default).
 */
export function startTestCluster(options: SimClusterOptions = {}): Promise<SimCluster> {
  return startSimCluster({
    scenario: 'empty',
    readyDelayMs: 0,
    terminationDelayMs: 0,
    tls: false,
    ...options,
  });
}

export function api<T = Record<string, unknown>>(
  sim: SimCluster,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${sim.url}${path}`,
      {
        method,
        headers: {
          Accept: 'application/json',
          ...(payload ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // plain text (health checks)
          }
          resolve({ status: res.statusCode ?? 0, body: parsed as T, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export interface WatchEvent {
  type: string;
  object: {
    kind?: string;
    metadata: {
      name?: string;
      resourceVersion?: string;
      annotations?: Record<string, string>;
    };
    code?: number;
    reason?: string;
    [key: string]: unknown;
  };
}

export interface OpenWatch {
  status: number;
  events: WatchEvent[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Wait until `n` events have arrived (or fail after `ms`). */
  waitFor(n: number, ms?: number): Promise<WatchEvent[]>;
  close(): void;
}

export function openWatch(sim: SimCluster, path: string): Promise<OpenWatch> {
  return new Promise((resolve, reject) => {
    const req = request(`${sim.url}${path}`, { headers: { Accept: 'application/json' } }, (res) => {
      const events: WatchEvent[] = [];
      let buffer = '';
      let endResolve: () => void = () => {};
      const ended = new Promise<void>((r) => (endResolve = r));
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let nl = buffer.indexOf('\n');
        while (nl >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line.trim()) events.push(JSON.parse(line) as WatchEvent);
          nl = buffer.indexOf('\n');
        }
      });
      res.on('end', () => endResolve());
      res.on('close', () => endResolve());
      resolve({
        status: res.statusCode ?? 0,
        events,
        ended,
        close: () => req.destroy(),
        waitFor: async (n, ms = 3000) => {
          const deadline = Date.now() + ms;
          while (events.length < n) {
            if (Date.now() > deadline)
              throw new Error(
                `expected ${n} watch events, got ${events.length}: ${JSON.stringify(events.map((e) => `${e.type} ${e.object.metadata?.name ?? ''}`))}`,
              );
            await new Promise((r) => setTimeout(r, 5));
          }
          return events;
        },
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export function pod(
  name: string,
  labels: Record<string, string>,
  ports: { name?: string; containerPort: number }[] = [],
  extra: { annotations?: Record<string, string>; namespace?: string } = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: extra.namespace ?? 'default',
      labels,
      ...(extra.annotations ? { annotations: extra.annotations } : {}),
    },
    spec: { containers: [{ name: 'main', image: 'example/app:1', ports }] },
  };
}

export function service(name: string, spec: Record<string, unknown>, namespace = 'default') {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec };
}
