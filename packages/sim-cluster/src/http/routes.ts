/**
 * URL -> what is asked for. Resource paths follow the API server's layout:
 *   /api/v1/<plural>[/<name>[/<sub>]]                         (cluster-scoped, or all namespaces)
 *   /api/v1/namespaces/<ns>/<plural>[/<name>[/<sub>]]         (namespaced)
 *   /apis/<group>/<version>/...                               (same, for named groups)
 * plus the deprecated `/watch/` prefix form.
 */
import {
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
  versionInfo,
} from '../discovery.js';
import { openapiV3 } from '../openapi.js';
import { R, RESOURCES, type ResourceType } from '../resources.js';

export type Route =
  | { type: 'document'; body: unknown }
  | { type: 'health' }
  | {
      type: 'resource';
      resource: ResourceType;
      namespace?: string;
      name?: string;
      subresource?: string;
      watchPrefix: boolean;
    }
  | { type: 'missing' };

const HEALTH = /^\/(healthz|livez|readyz)(\/.*)?$/;

export function route(pathname: string, serverAddress: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (HEALTH.test(path)) return { type: 'health' };
  if (path === '/version') return { type: 'document', body: versionInfo() };
  if (path === '/api') return { type: 'document', body: apiVersions(serverAddress) };
  if (path === '/apis') return { type: 'document', body: apiGroupList() };
  if (path.startsWith('/openapi/')) {
    const doc = openapiV3(path);
    return doc ? { type: 'document', body: doc } : { type: 'missing' };
  }
  const parts = path.split('/').slice(1).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts[1]) {
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts[1]) {
    if (!parts[2]) {
      const doc = apiGroupDocument(parts[1]);
      return doc ? { type: 'document', body: doc } : { type: 'missing' };
    }
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { type: 'missing' };
  }
  if (rest.length === 0) {
    const doc = apiResourceList(group, version);
    return doc ? { type: 'document', body: doc } : { type: 'missing' };
  }
  const watchPrefix = rest[0] === 'watch';
  if (watchPrefix) rest = rest.slice(1);
  const find = (plural: string | undefined, namespaced: boolean) =>
    RESOURCES.find(
      (r) =>
        r.group === group &&
        r.version === version &&
        r.plural === plural &&
        (namespaced ? r.namespaced : true),
    );

  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const namespaced = find(rest[2], true);
    if (namespaced) {
      if (rest.length > 5) return { type: 'missing' };
      return withSub({
        type: 'resource',
        resource: namespaced,
        namespace: rest[1],
        name: rest[3],
        subresource: rest[4],
        watchPrefix,
      });
    }
  }
  const resource = find(rest[0], false);
  if (!resource || rest.length > 3) return { type: 'missing' };
  if (resource === R.namespaces || !resource.namespaced) {
    return withSub({
      type: 'resource',
      resource,
      name: rest[1],
      subresource: rest[2],
      watchPrefix,
    });
  }
  // A namespaced kind without a namespace: the all-namespaces collection only.
  if (rest.length > 1) return { type: 'missing' };
  return { type: 'resource', resource, watchPrefix };
}

function withSub(r: Extract<Route, { type: 'resource' }>): Route {
  if (r.subresource !== undefined && !r.resource.subresources.includes(r.subresource))
    return { type: 'missing' };
  return r;
}
