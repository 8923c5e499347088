/**
 * A pod deleted and created again under the same name while the watch was
 * blind: the relist shows it as an update, and the informer turns it into a
 * deletion and an addition (its UID changed), so nothing of the old one lingers.
 */
import { startSimCluster, type SimCluster } from '@portolan/sim-cluster';
import type { ObjectEvent } from '@portolan/topology';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { KindInformer } from '../src/informers.js';
import { resolveKubeconfig } from '../src/kubeconfig.js';
import { until } from './net.js';

let sim: SimCluster;
let informer: KindInformer | undefined;
const dir = mkdtempSync(join(tmpdir(), 'portolan-recreate-'));
afterAll(async () => {
  await informer?.stop();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('turns a relisted object with a new UID into DELETED then ADDED', async () => {
  sim = await startSimCluster({
    scenario: 'empty',
    port: 0,
    kubeconfigPath: join(dir, 'kc.yaml'),
    readyDelayMs: 10,
    terminationDelayMs: 10,
  });
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { containers: [{ name: 'web', image: 'nginx' }] },
  };
  sim.create(pod);
  await sim.idle();
  const config = resolveKubeconfig({ file: join(dir, 'kc.yaml'), env: {} });
  const events: ObjectEvent[] = [];
  informer = new KindInformer(
    config.kc,
    'Pod',
    { event: (e) => events.push(e), status() {}, log() {} },
    config,
    {},
  );
  informer.start();
  await until(
    'the pod listed',
    () => events.some((e) => e.object.metadata.name === 'web') || undefined,
  );
  const firstUid = events.find((e) => e.object.metadata.name === 'web')?.object.metadata.uid;

  // Blind the watch, delete and recreate the pod, then make the informer relist.
  await sim.faults.apply({ dropWatchEvents: ['pods'] });
  sim.delete(
    { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'web' },
    { gracePeriodSeconds: 0 },
  );
  await sim.idle();
  sim.create({ ...pod, metadata: { ...pod.metadata, labels: { app: 'web', version: 'v2' } } });
  await sim.idle();
  const before = events.length;
  await sim.faults.apply({ reset: true, expireHistory: true, closeWatches: true });
  await until('the relist', () => informer!.recreated === 1 || undefined);

  const after = events.slice(before).filter((e) => e.object.metadata.name === 'web');
  expect(after.map((e) => e.type)).toEqual(['DELETED', 'ADDED']);
  expect(after[1]?.object.metadata.uid).not.toBe(firstUid);
  expect(after[1]?.object.metadata.labels).toEqual({ app: 'web', version: 'v2' });
});
