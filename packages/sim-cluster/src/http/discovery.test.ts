import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestCluster } from '../../test/helpers.js';
import type { SimCluster } from '../index.js';

describe('discovery and authentication', () => {
  let sim: SimCluster;
  beforeAll(async () => {
    sim = await startTestCluster();
  });
  afterAll(() => sim.close());

  it('serves discovery documents kubectl relies on', async () => {
    expect((await api(sim, 'GET', '/version')).body).toMatchObject({
      major: '1',
      gitVersion: expect.stringMatching(/^v1\.\d+\.\d+$/),
    });
    expect((await api(sim, 'GET', '/api')).body).toMatchObject({
      kind: 'APIVersions',
      versions: ['v1'],
    });
    const core = (
      await api<{
        resources: {
          name: string;
          namespaced: boolean;
          kind: string;
          verbs: string[];
          shortNames?: string[];
        }[];
      }>(sim, 'GET', '/api/v1')
    ).body.resources;
    expect(core.find((r) => r.name === 'services')).toMatchObject({
      namespaced: true,
      kind: 'Service',
      shortNames: ['svc'],
      verbs: expect.arrayContaining(['list', 'watch', 'create']),
    });
    expect(core.find((r) => r.name === 'nodes')).toMatchObject({
      namespaced: false,
      shortNames: ['no'],
    });
    const groups = (await api<{ groups: { name: string }[] }>(sim, 'GET', '/apis')).body.groups.map(
      (g) => g.name,
    );
    expect(groups).toEqual(expect.arrayContaining(['discovery.k8s.io', 'networking.k8s.io']));
    const net = (
      await api<{ resources: { name: string; shortNames?: string[] }[] }>(
        sim,
        'GET',
        '/apis/networking.k8s.io/v1',
      )
    ).body.resources;
    expect(net.find((r) => r.name === 'networkpolicies')?.shortNames).toEqual(['netpol']);
    expect((await api(sim, 'GET', '/apis/apps/v1')).status).toBe(200);
    expect((await api(sim, 'GET', '/apis/example.com/v1')).status).toBe(404);
  });

  it('accepts its own token, no token, and refuses a wrong one', async () => {
    expect(
      (
        await api(sim, 'GET', '/api/v1/namespaces', undefined, {
          Authorization: `Bearer ${sim.token}`,
        })
      ).status,
    ).toBe(200);
    expect((await api(sim, 'GET', '/api/v1/namespaces')).status).toBe(200);
    expect(
      (await api(sim, 'GET', '/api/v1/namespaces', undefined, { Authorization: 'Bearer wrong' }))
        .body,
    ).toMatchObject({ code: 401, reason: 'Unauthorized' });
  });
});
