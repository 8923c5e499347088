/**
 * Scenarios: multi-document YAML files under `scenarios/` (beside `src/` and
 * `dist/`, so both run from the same files) holding the objects a cluster
 * starts with. A first document of kind `Scenario` (apiVersion
 * `sim.portolan.dev/v1`) may describe the file and `include` other
 * scenarios, loaded first. Objects are created through the same registry as
 * API requests, so they are defaulted, validated and allocated alike;
 * namespaces and nodes go first.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { CORPUS_APPS, corpusPaths, CORPUS_SCENARIOS } from './corpus.js';
import { ApiError } from './errors.js';
import { parseScale, SCALE_PATTERN, scaleObjects } from './scenario-scale.js';
import { applyManifests, readManifests, type Manifest } from './manifests.js';
import type { Registry } from './registry.js';
import { findByKind } from './resources.js';
import type { KubeObject } from './types.js';

/** The scenarios of files under `scenarios/`, by name. */
export const BUILTIN_SCENARIOS: readonly string[] = ['demo', 'empty'];

/** Every scenario name: the built-in ones, then the corpus apps and their aliases (see corpus.ts). */
export const SCENARIOS: readonly string[] = [...BUILTIN_SCENARIOS, ...CORPUS_SCENARIOS];

export const SCENARIO_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));

export interface Scenario {
  name: string;
  description: string;
  objects: KubeObject[];
  /** Plain manifests (a folder or a file without a Scenario header), applied as `kubectl apply -f` would. */
  manifests?: Manifest[];
}

interface ScenarioHeader {
  apiVersion: 'sim.portolan.dev/v1';
  kind: 'Scenario';
  metadata?: { name?: string };
  spec?: { description?: string; include?: string[] };
}

export class UnknownScenarioError extends Error {
  constructor(readonly scenario: string) {
    super(
      `unknown scenario "${scenario}": valid scenarios are ${[...BUILTIN_SCENARIOS, ...Object.keys(CORPUS_APPS)].join(', ')} ` +
        `(apps of the shared manifest corpus, also by their folder names), scale:<services>x<pods> ` +
        `(or a path to a .yaml file or a folder of manifests)`,
    );
    this.name = 'UnknownScenarioError';
  }
}

/**
 * Whether `name` names a scenario without being a path: a built-in, a corpus
 * app (or alias), or `scale:<services>x<pods>`. For callers that accept names
 * only (`portolan --simulate NAME`).
 */
export function isScenarioName(name: string): boolean {
  return SCENARIOS.includes(name) || SCALE_PATTERN.test(name);
}

/** A built-in name, or a path to a YAML file of one's own. */
export function scenarioFile(nameOrPath: string): string {
  if (BUILTIN_SCENARIOS.includes(nameOrPath)) return `${SCENARIO_DIR}${nameOrPath}.yaml`;
  if (/\.ya?ml$/.test(nameOrPath) && existsSync(nameOrPath)) return nameOrPath;
  if (existsSync(nameOrPath) && statSync(nameOrPath).isDirectory()) return nameOrPath;
  throw new UnknownScenarioError(nameOrPath);
}

export function loadScenario(nameOrPath: string, seen: readonly string[] = []): Scenario {
  const scale = parseScale(nameOrPath);
  if (scale) {
    const base = loadScenario('empty');
    return {
      name: nameOrPath,
      description: `${scale.services} Services with ${scale.pods} pods each`,
      objects: [...base.objects, ...scaleObjects(scale.services, scale.pods)],
    };
  }
  const corpus = corpusPaths(nameOrPath);
  if (corpus) {
    const manifests: Manifest[] = [];
    for (const path of corpus) {
      const { manifests: more, errors } = readManifests(path);
      if (errors[0])
        throw new Error(`${errors[0].source.file}:${errors[0].source.line}: ${errors[0].message}`);
      manifests.push(...more);
    }
    const base = loadScenario('empty');
    return { ...base, name: nameOrPath, description: `${corpus.join(', ')}`, manifests };
  }
  const file = scenarioFile(nameOrPath);
  if (seen.includes(file)) throw new Error(`scenario ${nameOrPath} includes itself`);
  if (statSync(file).isDirectory() || !hasHeader(file)) {
    const { manifests, errors } = readManifests(file);
    if (errors[0])
      throw new Error(`${errors[0].source.file}:${errors[0].source.line}: ${errors[0].message}`);
    const base = loadScenario('empty');
    return { ...base, name: nameOrPath, description: `manifests from ${nameOrPath}`, manifests };
  }
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const objects: KubeObject[] = [];
  let description = '';
  docs.forEach((doc, i) => {
    if (doc.errors.length > 0)
      throw new Error(`${file}: document ${i + 1}: ${doc.errors[0]?.message ?? 'invalid YAML'}`);
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) return;
    if (typeof value !== 'object' || Array.isArray(value))
      throw new Error(`${file}: document ${i + 1} is not an object`);
    const obj = value as KubeObject;
    if (obj.kind === 'Scenario' && obj.apiVersion === 'sim.portolan.dev/v1') {
      const header = obj as unknown as ScenarioHeader;
      description = header.spec?.description ?? '';
      for (const inc of header.spec?.include ?? [])
        objects.push(...loadScenario(inc, [...seen, file]).objects);
      return;
    }
    if (!findByKind(obj.apiVersion, obj.kind)) {
      throw new Error(
        `${file}: document ${i + 1}: ${String(obj.apiVersion)} ${String(obj.kind)} is not a kind sim-cluster serves`,
      );
    }
    objects.push(obj);
  });
  return { name: nameOrPath, description, objects };
}

const FIRST = ['Namespace', 'Node', 'IngressClass'];

function hasHeader(file: string): boolean {
  return /^kind:\s*Scenario\s*$/m.test(readFileSync(file, 'utf8'));
}

/**
 * Create the scenario's objects; errors name the object that failed. Plain
 * manifests are applied one by one after them; their failures (a kind not
 * served, say) go to `warn` and do not stop the rest.
 */
export function applyScenario(
  registry: Registry,
  scenario: Scenario,
  warn: (line: string) => void = () => {},
): number {
  // Array.prototype.sort is stable: file order holds within each rank.
  const ordered = [...scenario.objects].sort((a, b) => rank(a) - rank(b));
  for (const obj of ordered) {
    const r = findByKind(obj.apiVersion, obj.kind);
    if (!r) continue;
    try {
      registry.create(r, obj.metadata?.namespace ?? (r.namespaced ? 'default' : undefined), obj, {
        fieldValidation: 'Strict',
        fieldManager: 'kubectl-create',
      });
    } catch (err) {
      const what = `${String(obj.kind)} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''}${String(obj.metadata?.name)}`;
      const message = err instanceof ApiError || err instanceof Error ? err.message : String(err);
      throw new Error(`scenario ${scenario.name}: cannot create ${what}: ${message}`);
    }
  }
  const result = applyManifests(registry, scenario.manifests ?? []);
  for (const e of result.errors)
    warn(`scenario ${scenario.name}: ${e.source.file}:${e.source.line}: ${e.message}`);
  return ordered.length + result.applied.length;
}

function rank(obj: KubeObject): number {
  const i = FIRST.indexOf(obj.kind ?? '');
  return i < 0 ? FIRST.length : i;
}
