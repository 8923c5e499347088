/**
 * `portolan --manifests PATH...`: "what will this look like before I apply
 * it". The manifests go to a fresh simulated cluster as `kubectl apply` would
 * send them, its controllers make the pods and endpoints, and Portolan reads
 * it like any cluster. What the API server rejects becomes a finding that
 * names the file and line and quotes the API server.
 */
import type { SimCluster } from '@portolan/sim-cluster';
import type { Finding } from '@portolan/topology';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { PortolanError } from './errors.js';

type Sim = SimCluster;

export interface ManifestCluster {
  sim: Sim;
  findings: Finding[];
  summary: string;
}

interface Described {
  kind?: string;
  namespace?: string;
  name?: string;
}

function describe(object: unknown): Described {
  const o = (object ?? {}) as {
    kind?: unknown;
    metadata?: { name?: unknown; namespace?: unknown };
  };
  return {
    kind: typeof o.kind === 'string' ? o.kind : undefined,
    name: typeof o.metadata?.name === 'string' ? o.metadata.name : undefined,
    namespace: typeof o.metadata?.namespace === 'string' ? o.metadata.namespace : undefined,
  };
}

export async function startManifestCluster(
  paths: readonly string[],
  kubeconfigPath: string,
  log: (line: string) => void,
): Promise<ManifestCluster> {
  for (const p of paths) {
    if (!existsSync(p)) {
      throw new PortolanError(
        'PORTOLAN_BAD_ARGUMENT',
        `manifest path ${p} does not exist.`,
        'Pass files or folders of Kubernetes YAML.',
      );
    }
  }
  const { startSimCluster, readManifests } = await import('@portolan/sim-cluster');
  const sim = await startSimCluster({
    scenario: 'empty',
    port: 0,
    kubeconfigPath,
    readyDelayMs: 0,
  });
  const manifests = [];
  const errors = [];
  for (const p of paths) {
    const r = readManifests(p);
    manifests.push(...r.manifests);
    errors.push(...r.errors);
  }
  const result = await sim.applyManifests(manifests);
  errors.push(...result.errors);
  await sim.idle();
  const bySource = new Map(
    manifests.map((m) => [`${m.source.file}:${m.source.line}`, describe(m.object)]),
  );
  const findings: Finding[] = errors.map((e) => {
    const file = relative(process.cwd(), e.source.file) || e.source.file;
    const what = bySource.get(`${e.source.file}:${e.source.line}`) ?? {};
    const name = what.name
      ? `${what.kind ?? 'object'} ${what.namespace ? `${what.namespace}/` : ''}${what.name}`
      : 'this document';
    return {
      id: `MANIFEST_REJECTED:${file}:${e.source.line}`,
      code: e.reason === 'YAMLError' ? 'MANIFEST_INVALID_YAML' : 'MANIFEST_REJECTED',
      severity: 'error',
      message:
        e.reason === 'YAMLError'
          ? `${file}:${e.source.line}: not valid YAML: ${e.message.split('\n')[0]}`
          : `${file}:${e.source.line}: the API server would reject ${name}: ${e.message}`,
      objects: what.name
        ? [
            {
              kind: what.kind ?? 'Object',
              name: what.name,
              ...(what.namespace ? { namespace: what.namespace } : {}),
            },
          ]
        : [],
      nodeIds: [],
    };
  });
  const summary = `applied ${result.applied.length} object(s) from ${paths.join(', ')}; ${findings.length} rejected`;
  log(summary);
  for (const f of findings) log(`  ${f.message}`);
  return { sim, findings, summary };
}
