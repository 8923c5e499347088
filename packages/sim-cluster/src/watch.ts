/**
 * Watch streams: `?watch=true` answers with newline-delimited JSON events
 * `{"type": ..., "object": ...}` until the timeout, the client leaving, or
 * the server closing.
 *
 * Semantics, as the API server's watch cache has them:
 * - resourceVersion unset or "0": synthetic ADDED events for every current
 *   object, then changes. A numeric version: exactly the changes after it.
 * - A version older than the retained history: HTTP 200 and one ERROR event
 *   carrying a 410 Expired Status (upstream's behaviour once the request is
 *   accepted), or a plain HTTP 410 with `expiredAs: 'status'`.
 * - With selectors, an object that stops matching arrives as DELETED and one
 *   that starts matching as ADDED.
 * - `allowWatchBookmarks`: BOOKMARK events carrying the current version,
 *   every `bookmarkIntervalMs`; with `sendInitialEvents=true` one more
 *   bookmark, annotated `k8s.io/initial-events-end`, ends the initial state.
 * - Without `timeoutSeconds` a watch lasts a random 30-60 minutes, as the
 *   API server's default request timeout does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, expired } from './errors.js';
import { groupVersion, type ResourceType } from './resources.js';
import type { FieldSelector, Selector } from './selectors.js';
import type { Store, StoreEvent } from './store.js';
import type { StoredObject } from './types.js';

export interface WatchSettings {
  bookmarkIntervalMs: number;
  expiredAs: 'event' | 'status';
  /** Fault injection: whether events of a resource plural are dropped. */
  drops?: (plural: string) => boolean;
}

export interface WatchRequest {
  resource: ResourceType;
  namespace?: string;
  labels: Selector;
  fields: FieldSelector;
  resourceVersion?: string;
  sendInitialEvents: boolean;
  allowBookmarks: boolean;
  timeoutSeconds?: number;
  /** Render an object for the wire (e.g. as a Table row). */
  render: (obj: StoredObject) => unknown;
}

type WireType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export class WatchHub {
  private readonly active = new Set<() => void>();
  /** Per open watch: release what it held back (`undefined`), or hold back from now on (`true`). */
  private readonly flushes = new Set<(hold?: boolean) => void>();
  /** Per open watch: end it with a 410 ERROR event if its position is older than `rv`. */
  private readonly expirers = new Set<(rv: number) => boolean>();
  private stalled = false;

  constructor(
    private readonly store: Store,
    private readonly settings: WatchSettings,
  ) {}

  get count(): number {
    return this.active.size;
  }

  /** Fault injection: hold every watch's output back (connections stay open), or release it. */
  setStalled(stalled: boolean): void {
    this.stalled = stalled;
    if (!stalled) for (const flush of [...this.flushes]) flush();
  }

  /**
   * Fault injection: the watches open now go silent (connections stay open,
   * output held back), as a hung connection does; watches opened later work.
   * `setStalled(false)` releases them. Returns how many were stalled.
   */
  stallOpen(): number {
    for (const flush of [...this.flushes]) flush(true);
    return this.flushes.size;
  }

  /**
   * Fault injection: every open watch whose position (the version it started
   * from, or the last event or bookmark it was sent) is older than `rv` gets
   * an ERROR event with a 410 Expired Status and ends, as the API server ends
   * a watcher the watch cache has left behind. Returns how many ended.
   */
  expireBefore(rv: number): number {
    let ended = 0;
    for (const expire of [...this.expirers]) if (expire(rv)) ended += 1;
    return ended;
  }

  /** End every open watch cleanly (clients see the stream end and re-watch). */
  closeAll(): void {
    for (const close of [...this.active]) close();
  }

  serve(req: IncomingMessage, res: ServerResponse, w: WatchRequest): void {
    const matches = (obj: StoredObject) =>
      (w.namespace === undefined || obj.metadata.namespace === w.namespace) &&
      w.labels(obj.metadata.labels) &&
      w.fields(obj);
    const rvText = w.resourceVersion ?? '';
    let backlog: StoreEvent[] | 'expired' = [];
    let initial: StoredObject[] = [];
    if (rvText === '' || rvText === '0' || w.sendInitialEvents) {
      initial = this.store.list(w.resource, w.namespace).filter(matches);
    } else {
      if (!/^\d+$/.test(rvText)) throw badRequest(`invalid resource version: ${rvText}`);
      backlog = this.store.eventsSince(Number(rvText));
      if (backlog === 'expired' && this.settings.expiredAs === 'status') {
        throw expired(Number(rvText), this.store.oldestResumableVersion);
      }
    }

    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
    });
    res.flushHeaders();
    const held: string[] = [];
    let position =
      rvText === '' || rvText === '0' || w.sendInitialEvents
        ? this.store.resourceVersion
        : Number(rvText);
    const send = (type: WireType, object: unknown) => {
      const line = `${JSON.stringify({ type, object })}\n`;
      if (this.stalled || hold) held.push(line);
      else if (!res.writableEnded) res.write(line);
    };
    let hold = false;
    const flush = (holdFromNow?: boolean) => {
      if (holdFromNow) {
        hold = true;
        return;
      }
      hold = false;
      if (!res.writableEnded) for (const line of held.splice(0)) res.write(line);
    };
    const bookmark = (annotations?: Record<string, string>) => {
      position = this.store.resourceVersion;
      send('BOOKMARK', {
        kind: w.resource.kind,
        apiVersion: groupVersion(w.resource),
        metadata: {
          resourceVersion: String(this.store.resourceVersion),
          ...(annotations ? { annotations } : {}),
        },
      });
    };

    if (backlog === 'expired') {
      send('ERROR', expired(Number(rvText), this.store.oldestResumableVersion).toStatus());
      res.end();
      return;
    }

    const deliver = (event: StoreEvent) => {
      if (event.resource !== w.resource) return;
      if (this.settings.drops?.(w.resource.plural)) return;
      const now = matches(event.object);
      const before =
        event.type === 'MODIFIED' && event.previous
          ? matches(event.previous)
          : event.type === 'DELETED'
            ? now
            : false;
      if (now || before) position = Math.max(position, event.rv);
      if (event.type === 'ADDED' && now) send('ADDED', w.render(event.object));
      else if (event.type === 'DELETED' && before) send('DELETED', w.render(event.object));
      else if (event.type === 'MODIFIED') {
        if (before && now) send('MODIFIED', w.render(event.object));
        else if (now) send('ADDED', w.render(event.object));
        else if (before) send('DELETED', w.render(event.object));
      }
    };

    for (const obj of initial) send('ADDED', w.render(obj));
    if (w.sendInitialEvents && w.allowBookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });
    for (const event of backlog) deliver(event);
    const unsubscribe = this.store.subscribe(deliver);

    const timeoutMs =
      w.timeoutSeconds !== undefined
        ? w.timeoutSeconds * 1000
        : (1800 + Math.random() * 1800) * 1000;
    const timers = [setTimeout(() => close(), timeoutMs)];
    if (w.allowBookmarks)
      timers.push(setInterval(() => bookmark(), this.settings.bookmarkIntervalMs));

    const expire = (rv: number): boolean => {
      if (position >= rv || !this.active.has(close)) return false;
      const status = expired(position, rv).toStatus();
      // Past any stall: the error is what the client must see.
      if (!res.writableEnded) res.write(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
      close();
      return true;
    };
    const close = () => {
      if (!this.active.delete(close)) return;
      this.expirers.delete(expire);
      this.flushes.delete(flush);
      unsubscribe();
      timers.forEach((t) => clearTimeout(t));
      if (!res.writableEnded) res.end();
    };
    this.active.add(close);
    this.flushes.add(flush);
    this.expirers.add(expire);
    req.on('close', close);
    res.on('close', close);
  }
}
