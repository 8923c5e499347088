import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from '../test/helpers.js';
import { parseManifests, type SimCluster } from './index.js';

const FILE = 'broken.yaml';
const TEXT = `apiVersion: v1
kind: Service
metadata: { name: typo }
spec:
  type: clusterIP
  ports: [{ port: 80 }]
---
apiVersion: v
kind: Service
metadata: { name: noversion }
---
apiVersion: v1
kind: Service
metadata: { name: misplaced }
selector: { app: web }
spec:
  ports: [{ port: 80 }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: cidr }
spec:
  podSelector: {}
  egress:
    - to:
        - cidrSelector: 10.0.0.0/8
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: team }
data: { a: "1" }
---
apiVersion: v1
kind: Namespace
metadata: { name: team }
`;

describe('applyManifests', () => {
  let sim: SimCluster;
  beforeAll(async () => {
    sim = await startTestCluster();
  });
  afterAll(() => sim.close());

  it('reports per-object errors with the API server messages and source lines', async () => {
    const { manifests, errors } = parseManifests(TEXT, FILE);
    expect(errors).toEqual([]);
    expect(manifests.map((m) => m.source.line)).toEqual([1, 8, 12, 19, 28, 33]);
    const result = await sim.applyManifests(manifests);
    expect(result.applied.map((a) => `${a.kind}/${a.name} ${a.action}`)).toEqual([
      'Namespace/team created',
      'ConfigMap/settings created',
    ]);
    expect(result.errors).toEqual([
      {
        source: { file: FILE, line: 1 },
        reason: 'Invalid',
        code: 422,
        message:
          'Service "typo" is invalid: spec.type: Unsupported value: "clusterIP": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      },
      {
        source: { file: FILE, line: 8 },
        reason: 'NoKindMatch',
        code: 404,
        message: 'no matches for kind "Service" in version "v"',
      },
      {
        source: { file: FILE, line: 12 },
        reason: 'BadRequest',
        code: 400,
        message:
          'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "selector"',
      },
      {
        source: { file: FILE, line: 19 },
        reason: 'BadRequest',
        code: 400,
        message:
          'NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "spec.egress[0].to[0].cidrSelector"',
      },
    ]);
  });

  it('applies a changed manifest as an update and an unchanged one as nothing', async () => {
    const deploy = (replicas: number, image: string) => ({
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'team' },
        spec: {
          replicas,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: {
              containers: [{ name: 'web', image, ports: [{ name: 'http', containerPort: 8080 }] }],
            },
          },
        },
      },
      source: { file: 'web.yaml', line: 1 },
    });
    expect((await sim.applyManifests([deploy(2, 'nginx:1')])).applied[0]?.action).toBe('created');
    await sim.idle();
    const rv = sim.resourceVersion();
    expect((await sim.applyManifests([deploy(2, 'nginx:1')])).applied[0]?.action).toBe('unchanged');
    await sim.idle();
    expect(sim.resourceVersion()).toBe(rv);
    expect((await sim.applyManifests([deploy(3, 'nginx:2')])).applied[0]?.action).toBe(
      'configured',
    );
    await sim.idle();
    const pods = sim.list('v1', 'Pod', 'team');
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      const c = (pod.spec as { containers: { image: string; ports: { name: string }[] }[] })
        .containers[0];
      expect(c?.image).toBe('nginx:2');
      expect(c?.ports[0]?.name).toBe('http');
      expect(pod.metadata.labels?.['pod-template-hash']).toMatch(
        /^[bcdfghjklmnpqrstvwxz2456789]+$/,
      );
      expect(pod.metadata.ownerReferences?.[0]?.kind).toBe('ReplicaSet');
    }
  });

  it('unwraps lists: items of a typed list take its kind and apiVersion, each with its own line', async () => {
    const text = `apiVersion: v1
kind: ServiceList
items:
- metadata: { name: listed-a, namespace: team }
  spec: { ports: [{ port: 80 }] }
- metadata: { name: listed-b, namespace: team }
  spec: { ports: [{ port: 81 }] }
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: { name: listed-c, namespace: team }
`;
    const { manifests, errors } = parseManifests(text, 'list.yaml');
    expect(errors).toEqual([]);
    expect(
      manifests.map((m) => [
        (m.object as { kind: string }).kind,
        (m.object as { apiVersion: string }).apiVersion,
        m.source.line,
      ]),
    ).toEqual([
      ['Service', 'v1', 4],
      ['Service', 'v1', 6],
      ['ConfigMap', 'v1', 12],
    ]);
    const result = await sim.applyManifests(manifests);
    expect(result.errors).toEqual([]);
    expect(result.applied.map((a) => `${a.kind}/${a.name} ${a.action}`)).toEqual([
      'Service/listed-a created',
      'Service/listed-b created',
      'ConfigMap/listed-c created',
    ]);
  });
});
