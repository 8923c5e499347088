import { describe, expect, it } from 'vitest';
import { R } from './resources.js';
import { Store, type StoreEvent } from './store.js';
import type { StoredObject } from './types.js';

function ns(name: string): StoredObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, uid: name, resourceVersion: '', creationTimestamp: '' },
  };
}

describe('Store', () => {
  it('stamps every write with the next resourceVersion, shared across kinds', () => {
    const store = new Store();
    const a = store.insert(R.namespaces, ns('a'));
    const b = store.insert(R.nodes, { ...ns('n1'), kind: 'Node' });
    const a2 = store.replace(R.namespaces, {
      ...a,
      metadata: { ...a.metadata, labels: { x: 'y' } },
    });
    const gone = store.remove(R.namespaces, undefined, 'a');
    const versions = [a, b, a2, gone].map((o) => Number(o.metadata.resourceVersion));
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions).size).toBe(4);
    expect(store.resourceVersion).toBe(versions[3]);
  });

  it('rejects duplicate inserts and missing replaces with API errors', () => {
    const store = new Store();
    store.insert(R.namespaces, ns('a'));
    expect(() => store.insert(R.namespaces, ns('a'))).toThrow(/already exists/);
    expect(() => store.replace(R.namespaces, ns('b'))).toThrow(/not found/);
    expect(() => store.remove(R.namespaces, undefined, 'b')).toThrow(/not found/);
  });

  it('answers eventsSince with exactly the later events, and expired once history has moved past', () => {
    const store = new Store({ historySize: 3 });
    const start = store.resourceVersion;
    for (const name of ['a', 'b', 'c']) store.insert(R.namespaces, ns(name));
    const since = store.eventsSince(start + 1);
    expect(since).not.toBe('expired');
    expect((since as StoreEvent[]).map((e) => e.object.metadata.name)).toEqual(['b', 'c']);
    store.insert(R.namespaces, ns('d'));
    expect(store.eventsSince(start)).toBe('expired');
    expect(
      (store.eventsSince(start + 1) as StoreEvent[]).map((e) => e.object.metadata.name),
    ).toEqual(['b', 'c', 'd']);
  });

  it('delivers events in resourceVersion order even when a listener writes', () => {
    const store = new Store();
    const seenByLater: number[] = [];
    store.subscribe((e) => {
      if (e.object.metadata.name === 'a') store.insert(R.namespaces, ns('from-listener'));
    });
    store.subscribe((e) => seenByLater.push(e.rv));
    store.insert(R.namespaces, ns('a'));
    expect(seenByLater).toHaveLength(2);
    expect(seenByLater[0]).toBeLessThan(seenByLater[1] as number);
  });

  it('lists in namespace/name order and hands out stored copies', () => {
    const store = new Store();
    const input = ns('b');
    store.insert(R.namespaces, input);
    store.insert(R.namespaces, ns('a'));
    input.metadata.name = 'mutated';
    expect(store.list(R.namespaces).map((o) => o.metadata.name)).toEqual(['a', 'b']);
  });
});
