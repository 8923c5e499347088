/**
 * Errors as the API server reports them: every failure becomes a `Status`
 * object with the HTTP code, reason and message a real server would send, so
 * clients (kubectl, client-node) print and branch on them as usual.
 */
import type { ResourceType } from './resources.js';

export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toStatus(): Status {
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) status.details = this.details;
    return status;
  }
}

/** `pods`, or `endpointslices.discovery.k8s.io` for grouped kinds, as upstream prints them. */
export function qualifiedResource(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

function details(r: ResourceType, name: string): StatusDetails {
  return r.group ? { name, group: r.group, kind: r.plural } : { name, kind: r.plural };
}

export function notFound(r: ResourceType, name: string): ApiError {
  return new ApiError(
    404,
    'NotFound',
    `${qualifiedResource(r)} "${name}" not found`,
    details(r, name),
  );
}

export function alreadyExists(r: ResourceType, name: string): ApiError {
  return new ApiError(
    409,
    'AlreadyExists',
    `${qualifiedResource(r)} "${name}" already exists`,
    details(r, name),
  );
}

export function conflict(r: ResourceType, name: string, why: string): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(r)} "${name}": ${why}`,
    details(r, name),
  );
}

export function forbidden(r: ResourceType, name: string, why: string): ApiError {
  return new ApiError(
    403,
    'Forbidden',
    `${qualifiedResource(r)} "${name}" is forbidden: ${why}`,
    details(r, name),
  );
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

export function pathNotFound(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function methodNotAllowed(): ApiError {
  return new ApiError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

export function unsupportedMediaType(contentType: string): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json (got ${contentType})`,
  );
}

export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

export function expired(requested: number, oldest: number): ApiError {
  return new ApiError(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

/** A field error, rendered the way apimachinery's field.Error renders. */
export class FieldError {
  constructor(
    readonly type: 'Invalid' | 'Required' | 'NotSupported' | 'Duplicate' | 'Forbidden',
    readonly field: string,
    readonly detail: string,
    readonly value?: unknown,
  ) {}

  get reason(): string {
    return `FieldValue${this.type}`;
  }

  get message(): string {
    switch (this.type) {
      case 'Required':
        return this.detail ? `Required value: ${this.detail}` : 'Required value';
      case 'Forbidden':
        return `Forbidden: ${this.detail}`;
      case 'Duplicate':
        return `Duplicate value: ${render(this.value)}`;
      case 'NotSupported':
        return `Unsupported value: ${render(this.value)}: supported values: ${this.detail}`;
      case 'Invalid':
        return `Invalid value: ${render(this.value)}: ${this.detail}`;
    }
  }
}

function render(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`;
  return String(value);
}

/** 422 Invalid, with one cause per field error, as the API reports validation failures. */
export function invalid(r: ResourceType, name: string, errors: readonly FieldError[]): ApiError {
  const parts = errors.map((e) => `${e.field}: ${e.message}`);
  const summary = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  const d: StatusDetails = {
    name,
    kind: r.kind,
    causes: errors.map((e) => ({ reason: e.reason, message: e.message, field: e.field })),
  };
  if (r.group) d.group = r.group;
  return new ApiError(422, 'Invalid', `${r.kind} "${name}" is invalid: ${summary}`, d);
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`);
}
