/**
 * The API server's storage layer for each kind: what happens between an
 * HTTP verb and the store. Checks the namespace, fills server-owned fields
 * (uid, creationTimestamp, generateName), applies defaults, validates,
 * allocates ClusterIPs and NodePorts, keeps status and spec writes apart,
 * and turns a delete into graceful termination where upstream does.
 *
 * Controllers write through `writeStatus` and `writeSystem`, which skip the
 * user-facing rules, as the real controllers' privileged writes do.
 */
import { randomUUID } from 'node:crypto';
import {
  ApiError,
  FieldError,
  badRequest,
  conflict,
  forbidden,
  invalid,
  notFound,
} from './errors.js';
import { applyDefaults } from './defaults.js';
import { recordManager } from './managed-fields.js';
import { jsonEqual, timestamp } from './json.js';
import { R, type ResourceType } from './resources.js';
import { AppliedConfigurations } from './server-side-apply.js';
import type { ServiceAllocations } from './service-allocation.js';
import type { Store } from './store.js';
import {
  WITH_GENERATION,
  WITH_STATUS,
  decode,
  dropTypeDependentFields,
  randomName,
  sameContent,
  specOf,
  validate,
  type FieldValidation,
} from './strategy.js';
import type { KubeObject, Service, StoredObject } from './types.js';

export type { FieldValidation };

export interface WriteOptions {
  fieldValidation?: FieldValidation;
  dryRun?: boolean;
  /** The body is the result of a patch (strict decoding errors read as upstream's patch errors). */
  patch?: boolean;
  /** Who writes, for managedFields (default: a controller's name). */
  fieldManager?: string;
  /** `Apply` for server-side apply. */
  operation?: 'Update' | 'Apply';
}

/** The field manager of controllers' writes: the kubelet for pod status, else the controller manager. */
function systemManager(r: ResourceType): string {
  return r.kind === 'Pod' ? 'kubelet' : 'kube-controller-manager';
}

export interface WriteResult {
  object: StoredObject;
  warnings: string[];
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** Namespaces the API server refuses to delete. */
export const PROTECTED_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export class Registry {
  /** Server-side apply: each field manager's last applied configuration, per object. */
  readonly applied = new AppliedConfigurations();
  /** Write metadata.managedFields (on by default, as every API server does). */
  managedFields = true;

  constructor(
    readonly store: Store,
    readonly services: ServiceAllocations,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(r: ResourceType, namespace: string | undefined, name: string): StoredObject {
    const obj = this.store.get(r, namespace, name);
    if (!obj) throw notFound(r, name);
    return obj;
  }

  create(
    r: ResourceType,
    namespace: string | undefined,
    body: unknown,
    opts: WriteOptions = {},
  ): WriteResult {
    const warnings: string[] = [];
    const obj = decode(r, body, opts.fieldValidation ?? 'Warn', warnings);
    const meta = obj.metadata;
    if (r.namespaced) {
      const ns = namespace ?? meta.namespace ?? 'default';
      if (meta.namespace && meta.namespace !== ns)
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      meta.namespace = ns;
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomName()}`;
    if (!meta.name)
      throw invalid(r, '', [
        new FieldError('Required', 'metadata.name', 'name or generateName is required'),
      ]);
    this.admitNamespace(r, meta.namespace, meta.name);
    for (const key of [
      'uid',
      'resourceVersion',
      'creationTimestamp',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
      'selfLink',
      'managedFields',
    ])
      delete meta[key];
    meta.uid = randomUUID();
    meta.creationTimestamp = timestamp(this.now());
    if (WITH_GENERATION.has(r.kind)) meta.generation = 1;
    if (WITH_STATUS.has(r.kind) && r.kind !== 'Node') delete obj.status;
    applyDefaults(r, obj, meta.creationTimestamp);
    validate(r, obj);
    if (this.managedFields)
      recordManager(
        undefined,
        obj,
        opts.fieldManager ?? 'kube-controller-manager',
        meta.creationTimestamp,
        opts.operation,
      );
    const undo = r.kind === 'Service' ? this.services.assign(obj as Service) : () => {};
    if (opts.dryRun) {
      undo();
      if (this.store.get(r, meta.namespace, meta.name))
        throw new ApiError(409, 'AlreadyExists', `${r.plural} "${meta.name}" already exists`);
      return { object: obj as StoredObject, warnings };
    }
    try {
      return { object: this.store.insert(r, obj as StoredObject), warnings };
    } catch (err) {
      undo();
      throw err;
    }
  }

  /** PUT: replace the object (or only its status with `subresource: 'status'`). */
  replace(
    r: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    opts: WriteOptions & { subresource?: string } = {},
  ): WriteResult {
    const warnings: string[] = [];
    const incoming = decode(r, body, opts.fieldValidation ?? 'Warn', warnings, opts.patch);
    if (incoming.metadata.name !== undefined && incoming.metadata.name !== name)
      throw badRequest(
        `the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`,
      );
    if (r.namespaced && incoming.metadata.namespace && incoming.metadata.namespace !== namespace)
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    const existing = this.get(r, namespace, name);
    const rv = incoming.metadata.resourceVersion;
    if (rv && rv !== existing.metadata.resourceVersion)
      throw conflict(
        r,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    let next: KubeObject;
    if (opts.subresource === 'status') {
      next = { ...structuredClone(existing), status: incoming.status };
    } else {
      next = incoming;
      const keep = [
        'uid',
        'creationTimestamp',
        'deletionTimestamp',
        'deletionGracePeriodSeconds',
        'generation',
      ] as const;
      for (const key of keep) {
        if (existing.metadata[key] === undefined) delete next.metadata[key];
        else (next.metadata as Record<string, unknown>)[key] = existing.metadata[key];
      }
      next.metadata.name = name;
      if (r.namespaced) next.metadata.namespace = existing.metadata.namespace;
      if (WITH_STATUS.has(r.kind)) next.status = existing.status;
      if (r.kind === 'Service') dropTypeDependentFields(next as Service, existing as Service);
      applyDefaults(r, next, timestamp(this.now()));
      if (WITH_GENERATION.has(r.kind) && !jsonEqual(specOf(next), specOf(existing)))
        next.metadata.generation = (existing.metadata.generation ?? 1) + 1;
    }
    next.apiVersion = existing.apiVersion;
    next.kind = existing.kind;
    validate(r, next);
    // managedFields are the server's to keep: what the request sent is ignored.
    if (existing.metadata.managedFields)
      next.metadata.managedFields = existing.metadata.managedFields;
    else delete next.metadata.managedFields;
    if (sameContent(next, existing)) return { object: existing, warnings };
    if (this.managedFields)
      recordManager(
        existing,
        next,
        opts.fieldManager ?? 'kube-controller-manager',
        timestamp(this.now()),
        opts.operation,
        opts.subresource === 'status' ? 'status' : undefined,
      );
    const undo =
      r.kind === 'Service' ? this.services.assign(next as Service, existing as Service) : () => {};
    if (opts.dryRun) {
      undo();
      return { object: next as StoredObject, warnings };
    }
    let stored: StoredObject;
    try {
      stored = this.store.replace(r, next as StoredObject);
    } catch (err) {
      undo();
      throw err;
    }
    if (r.kind === 'Service') this.services.commit(stored as Service, existing as Service);
    if (
      stored.metadata.deletionTimestamp &&
      (stored.metadata.finalizers ?? []).length === 0 &&
      r.kind !== 'Pod' &&
      r.kind !== 'Namespace'
    ) {
      return { object: this.remove(r, stored), warnings };
    }
    return { object: stored, warnings };
  }

  delete(
    r: ResourceType,
    namespace: string | undefined,
    name: string,
    opts: DeleteOptions = {},
  ): StoredObject {
    const existing = this.get(r, namespace, name);
    const pre = opts.preconditions ?? {};
    if (pre.uid && pre.uid !== existing.metadata.uid)
      throw conflict(
        r,
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid}`,
      );
    if (pre.resourceVersion && pre.resourceVersion !== existing.metadata.resourceVersion)
      throw conflict(
        r,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`,
      );
    if (r.kind === 'Namespace') {
      if (PROTECTED_NAMESPACES.includes(name))
        throw forbidden(r, name, 'this namespace may not be deleted');
      if (existing.metadata.deletionTimestamp) return existing;
      const next = structuredClone(existing);
      next.metadata.deletionTimestamp = timestamp(this.now());
      next.status = { ...(next.status as object), phase: 'Terminating' };
      return this.store.replace(r, next);
    }
    if (r.kind === 'Pod') {
      const scheduled = Boolean((existing.spec as { nodeName?: string } | undefined)?.nodeName);
      const grace =
        opts.gracePeriodSeconds ??
        (existing.spec as { terminationGracePeriodSeconds?: number } | undefined)
          ?.terminationGracePeriodSeconds ??
        30;
      if (scheduled && grace > 0) {
        const current = existing.metadata.deletionGracePeriodSeconds;
        if (existing.metadata.deletionTimestamp && current !== undefined && current <= grace)
          return existing;
        const next = structuredClone(existing);
        next.metadata.deletionTimestamp = timestamp(new Date(this.now().getTime() + grace * 1000));
        next.metadata.deletionGracePeriodSeconds = grace;
        return this.store.replace(r, next);
      }
    } else if ((existing.metadata.finalizers ?? []).length > 0) {
      if (existing.metadata.deletionTimestamp) return existing;
      const next = structuredClone(existing);
      next.metadata.deletionTimestamp = timestamp(this.now());
      next.metadata.deletionGracePeriodSeconds = 0;
      return this.store.replace(r, next);
    }
    return this.remove(r, existing);
  }

  /** Remove for good (after graceful termination, or when nothing delays it). */
  remove(r: ResourceType, existing: StoredObject): StoredObject {
    const removed = this.store.remove(r, existing.metadata.namespace, existing.metadata.name);
    this.applied.forget(removed.metadata.uid);
    if (r.kind === 'Service') this.services.release(removed as Service);
    return removed;
  }

  /** A controller's status write: only `status` changes; skipped when nothing changed. */
  writeStatus(r: ResourceType, obj: StoredObject, status: unknown): StoredObject {
    const current = this.store.get(r, obj.metadata.namespace, obj.metadata.name) ?? obj;
    if (jsonEqual(current.status, status)) return current;
    const next = { ...structuredClone(current), status: structuredClone(status) };
    if (this.managedFields)
      recordManager(current, next, systemManager(r), timestamp(this.now()), 'Update', 'status');
    return this.store.replace(r, next);
  }

  /** A privileged write by a controller (scheduler binding, kubelet): stored as given when it differs. */
  writeSystem(
    r: ResourceType,
    obj: StoredObject,
    manager = 'kube-controller-manager',
  ): StoredObject {
    const current = this.store.get(r, obj.metadata.namespace, obj.metadata.name);
    if (current && sameContent(obj, current)) return current;
    const next = { ...obj, metadata: { ...obj.metadata } };
    if (this.managedFields) recordManager(current, next, manager, timestamp(this.now()));
    return this.store.replace(r, next);
  }

  private admitNamespace(r: ResourceType, namespace: string | undefined, name: string): void {
    if (!r.namespaced || namespace === undefined) return;
    const ns = this.store.get(R.namespaces, undefined, namespace);
    if (!ns) throw notFound(R.namespaces, namespace);
    if (ns.metadata.deletionTimestamp)
      throw forbidden(
        r,
        name,
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
  }
}
