/**
 * A small stand-in for RBAC: extra kubeconfig users, each with its own
 * bearer token, who may be denied verbs on some resources. A denied request
 * gets the 403 Forbidden Status a real API server's authorizer gives.
 */
import { ApiError } from './errors.js';
import type { ResourceType } from './resources.js';

export interface SimUser {
  /** The user name (and kubeconfig context `portolan-sim-<name>`). */
  name: string;
  token: string;
  /** Resources this user may not touch: `<plural>` or `<plural>.<group>`, all verbs unless `verbs` says. */
  deny: { resource: string; verbs?: string[] }[];
}

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';

export function authorize(
  user: SimUser | undefined,
  r: ResourceType,
  verb: Verb,
  namespace: string | undefined,
  name: string | undefined,
): void {
  if (!user) return;
  const full = r.group ? `${r.plural}.${r.group}` : r.plural;
  const denied = user.deny.some(
    (d) => (d.resource === full || d.resource === r.plural) && (!d.verbs || d.verbs.includes(verb)),
  );
  if (!denied) return;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const subject = name ? `${full} "${name}"` : full;
  throw new ApiError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user.name}" cannot ${verb} resource "${r.plural}" in API group "${r.group}" ${scope}`,
    { ...(name ? { name } : {}), group: r.group, kind: r.plural },
  );
}
