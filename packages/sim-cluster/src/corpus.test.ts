/**
 * Corpus apps by name (`--scenario online-boutique`): the app's quickstart
 * manifests on top of `empty`. Loading is skipped where the corpus is absent;
 * the error for a missing corpus is tested everywhere.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CORPUS_APPS, corpusCandidates, CorpusMissingError, corpusPaths } from './corpus.js';
import { startSimCluster, type SimCluster } from './index.js';
import { loadScenario } from './scenarios.js';

const HERE = corpusCandidates().find((dir) => existsSync(dir));
if (!HERE) console.warn('corpus.test.ts: no shared manifest corpus here, skipping the loads');

describe('corpus apps as scenarios', () => {
  let sim: SimCluster | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('names the places it looked when the corpus is absent', () => {
    const env = { PORTOLAN_CORPUS: '/nonexistent/corpus' };
    expect(() => corpusPaths('online-boutique', env)).toThrow(CorpusMissingError);
    expect(() => corpusPaths('online-boutique', env)).toThrow(
      'scenario "online-boutique" is an app of the shared manifest corpus, which is not on this machine (looked in /nonexistent/corpus); set PORTOLAN_CORPUS',
    );
    expect(corpusPaths('demo', env)).toBeUndefined();
  });

  it.skipIf(!HERE)('resolves every app and its aliases to files that exist', () => {
    for (const [name, app] of Object.entries(CORPUS_APPS))
      for (const alias of [name, ...app.aliases]) {
        const paths = corpusPaths(alias) ?? [];
        expect(paths.length, alias).toBeGreaterThan(0);
        expect(
          paths.every((p) => existsSync(p)),
          alias,
        ).toBe(true);
      }
    expect(corpusPaths('google-microservices-demo')).toEqual([
      join(HERE ?? '', 'google-microservices-demo/release/kubernetes-manifests.yaml'),
    ]);
  });

  it.skipIf(!HERE)('every app parses into manifests on top of empty', () => {
    for (const name of Object.keys(CORPUS_APPS)) {
      const s = loadScenario(name);
      expect(s.manifests?.length, name).toBeGreaterThan(0);
      expect(s.objects.some((o) => o.kind === 'Node')).toBe(true);
    }
  });

  it.skipIf(!HERE)(
    'online-boutique starts with its pods ready and frontend-external load balanced',
    async () => {
      sim = await startSimCluster({ scenario: 'online-boutique', readyDelayMs: 0, tls: false });
      await sim.idle(20_000);
      expect(sim.scenario).toBe('online-boutique');
      const deployments = sim.list('apps/v1', 'Deployment', 'default');
      expect(deployments).toHaveLength(12);
      const pods = sim.list('v1', 'Pod', 'default');
      expect(pods).toHaveLength(12);
      expect(pods.every((p) => (p.status as { phase?: string }).phase === 'Running')).toBe(true);
      const lb = sim.get({
        apiVersion: 'v1',
        kind: 'Service',
        namespace: 'default',
        name: 'frontend-external',
      });
      expect(
        (lb?.status as { loadBalancer: { ingress?: { ip: string }[] } }).loadBalancer.ingress?.[0]
          ?.ip,
      ).toMatch(/^192\.0\.2\./);
    },
  );
});
