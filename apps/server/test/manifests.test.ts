/**
 * `portolan --manifests`: real manifests applied to a fresh simulated
 * cluster, read back through the real informers, drawn by the engine.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, show } from './manifest-cluster.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
afterAll(closeAll);

describe("the seeds' broken examples", () => {
  it('each raises the finding the API server would give, with file and line', async () => {
    const { messages, graph } = await show([here('./fixtures/seeds')]);
    const file = '(?:apps/server/)?test/fixtures/seeds';
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^${file}/externalname.yaml:1: the API server would reject Service prod/my-service: .*v`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^${file}/network-policy.yaml:1: the API server would reject NetworkPolicy my-app-network-policy: .*unknown field "spec.egress\\[0\\].to\\[0\\].cidrSelector"`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^${file}/service-definitions.yaml:1: the API server would reject Service myapp-service: .*unknown field "selector"`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^${file}/service-definitions.yaml:16: the API server would reject Service backend-service: .*Unsupported value: "clusterIP"`,
          ),
        ),
      ]),
    );
    expect(graph.findings.filter((f) => f.code === 'MANIFEST_REJECTED')).toHaveLength(4);
  });
});
