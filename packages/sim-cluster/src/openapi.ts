/**
 * Just enough OpenAPI v3 for kubectl's write commands: `kubectl create -f`
 * and `kubectl apply -f` fetch `/openapi/v3` to learn whether the server
 * validates fields itself (a `fieldValidation` query parameter on the
 * kind's PATCH operation). Saying yes makes kubectl send
 * `fieldValidation=Strict` and leave validation to the server, so no
 * schemas are needed. Schemas (for `kubectl explain` and client-side
 * validation) are not served.
 */
import { createHash } from 'node:crypto';
import { KUBERNETES_VERSION } from './discovery.js';
import { RESOURCES, type ResourceType } from './resources.js';

function gvPath(r: ResourceType): string {
  return r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`;
}

const QUERY = (name: string) => ({
  name,
  in: 'query',
  schema: { type: 'string', uniqueItems: true },
});

function operations(r: ResourceType): Record<string, unknown> {
  const gvk = {
    'x-kubernetes-group-version-kind': { group: r.group, version: r.version, kind: r.kind },
  };
  const op = (action: string, params: string[]) => ({
    operationId: `${action}${r.kind}`,
    'x-kubernetes-action': action,
    ...gvk,
    parameters: params.map(QUERY),
    responses: { '200': { description: 'OK' } },
  });
  const base = r.namespaced
    ? `/${gvPath(r)}/namespaces/{namespace}/${r.plural}`
    : `/${gvPath(r)}/${r.plural}`;
  const writeParams = ['dryRun', 'fieldManager', 'fieldValidation'];
  return {
    [base]: {
      get: op('list', [
        'labelSelector',
        'fieldSelector',
        'limit',
        'continue',
        'resourceVersion',
        'watch',
      ]),
      post: op('post', writeParams),
    },
    [`${base}/{name}`]: {
      get: op('get', []),
      put: op('put', writeParams),
      patch: op('patch', [...writeParams, 'force']),
      delete: op('delete', ['gracePeriodSeconds']),
    },
  };
}

function document(path: string): unknown {
  const paths = Object.assign(
    {},
    ...RESOURCES.filter((r) => gvPath(r) === path).map(operations),
  ) as Record<string, unknown>;
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION.gitVersion },
    paths,
    components: { schemas: {} },
  };
}

const GV_PATHS = [...new Set(RESOURCES.map(gvPath))];
const hash = (path: string) =>
  createHash('sha512')
    .update(JSON.stringify(document(path)))
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();

/** The document for `/openapi/v3` or `/openapi/v3/<gv path>`, or undefined. */
export function openapiV3(pathname: string): unknown | undefined {
  if (pathname === '/openapi/v3') {
    return {
      paths: Object.fromEntries(
        GV_PATHS.map((p) => [p, { serverRelativeURL: `/openapi/v3/${p}?hash=${hash(p)}` }]),
      ),
    };
  }
  const path = pathname.slice('/openapi/v3/'.length);
  return pathname.startsWith('/openapi/v3/') && GV_PATHS.includes(path)
    ? document(path)
    : undefined;
}
