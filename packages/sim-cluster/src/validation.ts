/**
 * Validation shared by every kind, as the API server does it before storing:
 * names, labels, port numbers and names, and which top-level fields a kind
 * has. Every problem becomes a field error; the caller turns them into one
 * 422 Invalid Status. Per-kind rules live in validation-service.ts and
 * validation-kinds.ts.
 */
import { FieldError } from './errors.js';
import type { ResourceType } from './resources.js';

export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
export const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
export const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
export const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
export const quoteAll = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

export function validateName(r: ResourceType, name: string, field = 'metadata.name'): FieldError[] {
  if (r.kind === 'Service') {
    if (!DNS1035_LABEL.test(name) || name.length > 63) {
      return [
        new FieldError(
          'Invalid',
          field,
          "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
          name,
        ),
      ];
    }
  } else if (r.kind === 'Namespace') {
    if (!DNS1123_LABEL.test(name) || name.length > 63) {
      return [
        new FieldError(
          'Invalid',
          field,
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
          name,
        ),
      ];
    }
  } else if (!DNS1123_SUBDOMAIN.test(name) || name.length > 253) {
    return [
      new FieldError(
        'Invalid',
        field,
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        name,
      ),
    ];
  }
  return [];
}

export function validateLabels(labels: unknown, field: string): FieldError[] {
  if (labels === undefined || labels === null) return [];
  if (typeof labels !== 'object' || Array.isArray(labels))
    return [
      new FieldError(
        'Invalid',
        field,
        'must be a map of string keys to string values',
        String(labels),
      ),
    ];
  const errors: FieldError[] = [];
  for (const [k, v] of Object.entries(labels)) {
    if (!LABEL_KEY.test(k) || k.length > 316)
      errors.push(
        new FieldError(
          'Invalid',
          field,
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          k,
        ),
      );
    if (typeof v !== 'string' || !LABEL_VALUE.test(v) || v.length > 63)
      errors.push(
        new FieldError(
          'Invalid',
          `${field}`,
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          String(v),
        ),
      );
  }
  return errors;
}

export function validPortNumber(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}

export function validatePortName(name: string, field: string): FieldError[] {
  if (!IANA_SVC_NAME.test(name) || name.length > 15 || !/[a-z]/.test(name) || name.includes('--')) {
    return [
      new FieldError(
        'Invalid',
        field,
        'must be no more than 15 characters, contain only lowercase alphanumerics or "-", contain at least one letter (a-z), and not start or end with "-"',
        name,
      ),
    ];
  }
  return [];
}
