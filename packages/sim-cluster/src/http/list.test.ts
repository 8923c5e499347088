import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, pod as basePod, startTestCluster } from '../../test/helpers.js';
import type { SimCluster } from '../index.js';

interface List {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: {
    kind: string;
    apiVersion: string;
    metadata: {
      name: string;
      namespace?: string;
      uid: string;
      resourceVersion: string;
      creationTimestamp: string;
    };
  }[];
}

const pod = (
  name: string,
  labels: Record<string, string>,
  ports: { name?: string; containerPort: number }[] = [],
) => basePod(name, labels, ports, { namespace: 'team' });

describe('lists over HTTP', () => {
  let sim: SimCluster;
  beforeAll(async () => {
    sim = await startTestCluster();
    await api(sim, 'POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team' },
    });
  });
  afterAll(() => sim.close());

  it('pages lists with limit and continue', async () => {
    for (const name of ['pa', 'pb', 'pc'])
      await api(sim, 'POST', '/api/v1/namespaces', { metadata: { name } });
    const first = await api<List>(sim, 'GET', '/api/v1/namespaces?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.metadata.continue).toBeTruthy();
    const names = first.body.items.map((i) => i.metadata.name);
    let token = first.body.metadata.continue;
    while (token) {
      const next = await api<List>(
        sim,
        'GET',
        `/api/v1/namespaces?limit=2&continue=${encodeURIComponent(token)}`,
      );
      names.push(...next.body.items.map((i) => i.metadata.name));
      token = next.body.metadata.continue;
    }
    const full = await api<List>(sim, 'GET', '/api/v1/namespaces');
    expect(names).toEqual(full.body.items.map((i) => i.metadata.name));
  });

  it('pages across namespaces in list order, one a prefix of another (shop before shop-admin)', async () => {
    for (const ns of ['shop', 'shop-admin']) {
      await api(sim, 'POST', '/api/v1/namespaces', { metadata: { name: ns } });
      for (const name of ['a', 'b', 'c'])
        sim.create(basePod(name, { app: 'pager' }, [], { namespace: ns }));
    }
    const seen: string[] = [];
    let token = '';
    let remaining: (number | undefined)[] = [];
    do {
      const page = await api<List>(
        sim,
        'GET',
        `/api/v1/pods?limit=2${token ? `&continue=${encodeURIComponent(token)}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => `${i.metadata.namespace}/${i.metadata.name}`));
      remaining = [...remaining, page.body.metadata.remainingItemCount];
      token = page.body.metadata.continue ?? '';
    } while (token);
    const all = (await api<List>(sim, 'GET', '/api/v1/pods')).body.items.map(
      (i) => `${i.metadata.namespace}/${i.metadata.name}`,
    );
    expect(seen).toEqual(all);
    expect(seen.filter((k) => k.startsWith('shop'))).toEqual([
      'shop/a',
      'shop/b',
      'shop/c',
      'shop-admin/a',
      'shop-admin/b',
      'shop-admin/c',
    ]);
    expect(remaining.at(-1)).toBeUndefined();
    expect(remaining[0]).toBe(all.length - 2);
  });

  it('expires continue tokens after continueTtlMs', async () => {
    const short = await startTestCluster({ continueTtlMs: 50 });
    try {
      const first = await api<List>(short, 'GET', '/api/v1/namespaces?limit=1');
      const token = encodeURIComponent(first.body.metadata.continue ?? '');
      expect((await api(short, 'GET', `/api/v1/namespaces?limit=1&continue=${token}`)).status).toBe(
        200,
      );
      await new Promise((r) => setTimeout(r, 80));
      const late = await api(short, 'GET', `/api/v1/namespaces?limit=1&continue=${token}`);
      expect(late.status).toBe(410);
      expect(late.body.reason).toBe('Expired');
    } finally {
      await short.close();
    }
  });

  it('filters lists by label and field selectors', async () => {
    await api(
      sim,
      'POST',
      '/api/v1/namespaces/team/pods',
      pod('sel-a', { app: 'web', tier: 'front' }),
    );
    await api(sim, 'POST', '/api/v1/namespaces/team/pods', pod('sel-b', { app: 'web' }));
    const q = async (query: string) =>
      (await api<List>(sim, 'GET', `/api/v1/namespaces/team/pods?${query}`)).body.items.map(
        (i) => i.metadata.name,
      );
    expect(await q(`labelSelector=${encodeURIComponent('app=web,tier')}`)).toEqual(['sel-a']);
    expect(await q(`labelSelector=${encodeURIComponent('app=web,!tier')}`)).toEqual(['sel-b']);
    expect(
      await q(`labelSelector=${encodeURIComponent('tier notin (back),app in (web)')}`),
    ).toEqual(['sel-a', 'sel-b']);
    expect(await q(`fieldSelector=${encodeURIComponent('metadata.name=sel-b')}`)).toEqual([
      'sel-b',
    ]);
    const bad = await api(
      sim,
      'GET',
      `/api/v1/pods?fieldSelector=${encodeURIComponent('spec.bogus=x')}`,
    );
    expect(bad.body).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('answers kubectl-style Table requests with columns and rows', async () => {
    const accept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
    const table = await api<{
      kind: string;
      columnDefinitions: { name: string }[];
      rows: { cells: unknown[]; object: { kind: string } }[];
    }>(sim, 'GET', '/api/v1/namespaces/team/pods', undefined, { Accept: accept });
    expect(table.body.kind).toBe('Table');
    expect(table.body.columnDefinitions.map((c) => c.name).slice(0, 5)).toEqual([
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
    ]);
    expect(table.body.rows[0]?.object.kind).toBe('PartialObjectMetadata');
  });

  it('can leave kind/apiVersion off list items, as real API servers do', async () => {
    const bare = await startTestCluster({ listItemTypeMeta: false });
    try {
      const list = await api<List>(bare, 'GET', '/api/v1/nodes');
      expect(list.body.kind).toBe('NodeList');
      expect(list.body.items[0]).not.toHaveProperty('kind');
      expect(list.body.items[0]).not.toHaveProperty('apiVersion');
      expect(list.body.items[0]?.metadata.name).toBe('portolan-control-plane');
    } finally {
      await bare.close();
    }
  });
});
