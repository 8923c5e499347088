/**
 * A client-node `Watch` that we own end to end, because the library's one
 * swallows malformed lines and never notices a stalled connection:
 * - asks for bookmarks, so a quiet watch still proves it is alive;
 * - projects objects to slim shapes before client-node's cache sees them;
 * - counts malformed lines (and says so) instead of dropping them silently;
 * - ends a watch that has received nothing, not even a bookmark, for
 *   `stallMs`, so the informer resumes on a fresh connection.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { Watch } from '@kubernetes/client-node';
import type { SlimObject } from '@portolan/topology';
import fetch from 'node-fetch';
import { createInterface } from 'node:readline';
import { ApiStatusError, requestOptions } from './kube-request.js';

export interface WatchSink {
  project(raw: unknown): SlimObject | undefined;
  /** The server accepted the watch. */
  watching(): void;
  malformedLine(line: string, err: Error): void;
}

export const DEFAULT_STALL_MS = 150_000;

export class SlimWatch extends Watch {
  constructor(
    private readonly kc: KubeConfig,
    private readonly sink: WatchSink,
    private readonly stallMs = DEFAULT_STALL_MS,
  ) {
    super(kc);
  }

  override async watch(
    path: string,
    params: Record<string, unknown>,
    callback: (phase: string, apiObj: unknown, watchObj?: unknown) => void,
    done: (err: unknown) => void,
  ): Promise<AbortController> {
    const controller = new AbortController();
    let stallTimer: NodeJS.Timeout | undefined;
    let finished = false;
    const finish = (err: unknown) => {
      if (finished) return;
      finished = true;
      clearInterval(stallTimer);
      controller.abort();
      done(err);
    };
    try {
      const cluster = this.kc.getCurrentCluster();
      if (!cluster) throw new Error('no current cluster in the kubeconfig');
      const url = new URL(cluster.server + path);
      url.searchParams.set('watch', 'true');
      url.searchParams.set('allowWatchBookmarks', 'true');
      for (const [k, v] of Object.entries(params))
        if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
      const init = await requestOptions(this.kc);
      const res = await fetch(url.toString(), {
        ...init,
        method: 'GET',
        signal: controller.signal,
      } as never);
      if (res.status !== 200) {
        const text = await res.text();
        let message = text.slice(0, 300) || res.statusText;
        try {
          message = (JSON.parse(text) as { message?: string }).message ?? message;
        } catch {
          // not a Status object
        }
        throw Object.assign(new ApiStatusError(res.status, message), { statusCode: res.status });
      }
      this.sink.watching();
      let last = Date.now();
      stallTimer = setInterval(
        () => {
          if (Date.now() - last > this.stallMs) {
            finish(
              Object.assign(
                new Error(
                  `watch stalled: nothing received for ${Math.round(this.stallMs / 1000)} s`,
                ),
                { code: 'ESTALL' },
              ),
            );
          }
        },
        Math.min(5000, Math.max(50, this.stallMs / 4)),
      );
      const body = res.body as unknown as NodeJS.ReadableStream;
      body.on('error', (err: Error) => finish(controller.signal.aborted ? null : err));
      const lines = createInterface({ input: body });
      lines.on('line', (line) => {
        last = Date.now();
        if (!line.trim()) return;
        let data: { type?: string; object?: unknown };
        try {
          data = JSON.parse(line) as typeof data;
        } catch (err) {
          this.sink.malformedLine(line, err as Error);
          return;
        }
        const type = data.type ?? '';
        if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') {
          const projected = this.sink.project(data.object);
          if (projected) callback(type, projected, data);
        } else {
          callback(type, data.object, data);
        }
      });
      lines.on('error', (err: Error) => finish(controller.signal.aborted ? null : err));
      lines.on('close', () => finish(null));
    } catch (err) {
      finish((err as Error).name === 'AbortError' ? null : err);
    }
    return controller;
  }
}
