/**
 * Discovery documents: what `kubectl` and client libraries fetch to learn
 * which groups, versions and resources the server has (`/version`, `/api`,
 * `/api/v1`, `/apis`, `/apis/<group>`, `/apis/<group>/<version>`).
 * Served as legacy (unaggregated) discovery; clients that ask for the
 * aggregated format fall back to it when the response is plain JSON.
 */
import { RESOURCES, VERBS, groupVersion, type ResourceType } from './resources.js';

export const KUBERNETES_VERSION = { major: '1', minor: '32', gitVersion: 'v1.32.0' };

export function versionInfo(): unknown {
  return {
    ...KUBERNETES_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-12-11T00:00:00Z',
    goVersion: 'go1.23.3',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function apiVersions(serverAddress: string): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupNames(): string[] {
  return [...new Set(RESOURCES.filter((r) => r.group).map((r) => r.group))];
}

function apiGroup(name: string): unknown {
  const versions = [...new Set(RESOURCES.filter((r) => r.group === name).map((r) => r.version))];
  const gvs = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { kind: 'APIGroup', apiVersion: 'v1', name, versions: gvs, preferredVersion: gvs[0] };
}

export function apiGroupList(): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groupNames().map((name) => {
      const { kind: _k, apiVersion: _a, ...group } = apiGroup(name) as Record<string, unknown>;
      return group;
    }),
  };
}

export function apiGroupDocument(name: string): unknown | undefined {
  return groupNames().includes(name) ? apiGroup(name) : undefined;
}

function resourceEntries(r: ResourceType): unknown[] {
  const main = {
    name: r.plural,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: [...VERBS],
    ...(r.shortNames.length ? { shortNames: [...r.shortNames] } : {}),
    ...(r.categories.length ? { categories: [...r.categories] } : {}),
  };
  const subs = r.subresources.map((sub) => ({
    name: `${r.plural}/${sub}`,
    singularName: '',
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: ['get', 'patch', 'update'],
  }));
  return [main, ...subs];
}

/** The APIResourceList for `/api/v1` (group '') or `/apis/<group>/<version>`. */
export function apiResourceList(group: string, version: string): unknown | undefined {
  const resources = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (resources.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: resources[0] ? groupVersion(resources[0]) : version,
    resources: resources.flatMap(resourceEntries),
  };
}
