/** Writing an object back (as JSON or as a Table), and the query parameters of writes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest } from '../errors.js';
import type { FieldValidation } from '../registry.js';
import type { ResourceType } from '../resources.js';
import { toTable, wantsTable, type IncludeObject } from '../tables.js';
import type { StoredObject } from '../types.js';
import { sendJson } from './body.js';

export type ResourceRoute = {
  resource: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  watchPrefix: boolean;
};

/**
 * The write options of a request. The field manager is `fieldManager`, else
 * the user agent's program name (as upstream: `kubectl/v1.32 ...` -> kubectl).
 */
export function writeOptions(
  q: URLSearchParams,
  req?: IncomingMessage,
): {
  fieldValidation: FieldValidation;
  dryRun: boolean;
  fieldManager: string;
} {
  const fv = q.get('fieldValidation') ?? 'Warn';
  if (fv !== 'Strict' && fv !== 'Warn' && fv !== 'Ignore')
    throw badRequest(`fieldValidation must be one of "Ignore", "Warn", or "Strict", got "${fv}"`);
  const agent = req?.headers['user-agent']?.split('/')[0]?.trim();
  return {
    fieldValidation: fv,
    dryRun: q.getAll('dryRun').includes('All'),
    fieldManager: q.get('fieldManager') || agent || 'unknown',
  };
}

export function includeObject(q: URLSearchParams): IncludeObject {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

export function warningHeaders(warnings: readonly string[]): Record<string, string[]> {
  return warnings.length ? { Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`) } : {};
}

export function respondObject(
  req: IncomingMessage,
  res: ServerResponse,
  r: ResourceType,
  code: number,
  obj: StoredObject,
  q: URLSearchParams,
  warnings: readonly string[] = [],
): void {
  const body = wantsTable(req.headers.accept)
    ? toTable(r, [obj], {
        include: includeObject(q),
        resourceVersion: obj.metadata.resourceVersion,
      })
    : obj;
  sendJson(res, code, body, warningHeaders(warnings));
}
