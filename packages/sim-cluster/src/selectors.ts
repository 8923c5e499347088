/**
 * Label and field selectors as the API server parses them from
 * `labelSelector=` and `fieldSelector=`. Semantics follow apimachinery:
 * requirements are ANDed; `!=` and `notin` also match objects that lack the
 * key; `key` and `!key` test presence.
 */
import { badRequest } from './errors.js';
import type { ResourceType } from './resources.js';
import type { KubeObject } from './types.js';

export type Operator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type Selector = (labels: Readonly<Record<string, string>> | undefined) => boolean;

const SPECIAL = new Set(['!', '=', '(', ')', ',', '<', '>']);
const KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function tokenize(input: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === '!' && input[i + 1] === '=') {
      tokens.push('!=');
      i += 2;
    } else if (c === '=' && input[i + 1] === '=') {
      tokens.push('==');
      i += 2;
    } else if (SPECIAL.has(c)) {
      tokens.push(c);
      i++;
    } else {
      let j = i;
      while (j < input.length && !SPECIAL.has(input.charAt(j)) && !/\s/.test(input.charAt(j))) j++;
      tokens.push(input.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

function fail(detail: string): never {
  throw badRequest(`unable to parse requirement: ${detail}`);
}

function checkKey(key: string | undefined): string {
  if (!key || SPECIAL.has(key) || !KEY.test(key) || key.length > 316)
    fail(`invalid label key "${key ?? ''}"`);
  return key;
}

function checkValue(value: string): string {
  if (!VALUE.test(value) || value.length > 63) fail(`invalid label value: "${value}"`);
  return value;
}

/** Parse a label selector string into requirements; throws 400 BadRequest on bad syntax. */
export function parseLabelSelector(input: string): Requirement[] {
  const t = tokenize(input);
  const reqs: Requirement[] = [];
  let i = 0;
  const isValueToken = (tok: string | undefined): tok is string =>
    tok !== undefined && !SPECIAL.has(tok);
  while (i < t.length) {
    if (t[i] === '!') {
      reqs.push({ key: checkKey(t[i + 1]), op: '!', values: [] });
      i += 2;
    } else {
      const key = checkKey(t[i]);
      const op = t[i + 1];
      i += op === undefined || op === ',' ? 1 : 2;
      if (op === undefined || op === ',') {
        reqs.push({ key, op: 'exists', values: [] });
      } else if (op === '=' || op === '==' || op === '!=') {
        const value = isValueToken(t[i]) ? (t[i++] as string) : '';
        reqs.push({ key, op: op === '!=' ? '!=' : '=', values: [checkValue(value)] });
      } else if (op === 'in' || op === 'notin') {
        if (t[i] !== '(') fail(`found '${t[i] ?? ''}', expected: '('`);
        i++;
        const values: string[] = [];
        for (let tok = t[i]; tok !== ')'; tok = t[++i]) {
          if (tok === undefined) fail(`found '', expected: ')'`);
          if (tok !== ',') values.push(checkValue(tok));
        }
        i++;
        if (values.length === 0) fail(`for 'in', 'notin' operators, values set can't be empty`);
        reqs.push({ key, op, values });
      } else if (op === '>' || op === '<') {
        const value = t[i++] ?? '';
        if (!/^-?\d+$/.test(value)) fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
        reqs.push({ key, op: op === '>' ? 'gt' : 'lt', values: [value] });
      } else {
        fail(`found '${op}', expected: in, notin, =, ==, !=, gt, lt`);
      }
    }
    if (i < t.length) {
      if (t[i] !== ',') fail(`found '${t[i] ?? ''}', expected: ','`);
      i++;
      if (i >= t.length) fail(`found '', expected: identifier after ','`);
    }
  }
  return reqs;
}

export function matchesRequirement(
  req: Requirement,
  labels: Readonly<Record<string, string>>,
): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  switch (req.op) {
    case '=':
      return has && value === req.values[0];
    case '!=':
      return !has || value !== req.values[0];
    case 'in':
      return has && req.values.includes(value as string);
    case 'notin':
      return !has || !req.values.includes(value as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value as string)) return false;
      const n = Number(value);
      const bound = Number(req.values[0]);
      return req.op === 'gt' ? n > bound : n < bound;
    }
  }
}

export function labelSelector(input: string | null | undefined): Selector {
  if (!input || !input.trim()) return () => true;
  const reqs = parseLabelSelector(input);
  return (labels) => reqs.every((r) => matchesRequirement(r, labels ?? {}));
}

/** A Service-style selector: a map whose every pair must be present (AND). */
export function matchesMap(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === v);
}

/** Fields each kind can be selected by, beyond metadata.name and metadata.namespace. */
const FIELDS: Record<string, readonly string[]> = {
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Namespace: ['status.phase'],
  Node: ['spec.unschedulable'],
  Service: ['spec.clusterIP', 'spec.type'],
};

function fieldValue(obj: KubeObject, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? '' : String(cur);
}

export type FieldSelector = (obj: KubeObject) => boolean;

/** Parse `fieldSelector=`; a field the kind does not support is a 400, as upstream. */
export function fieldSelector(input: string | null | undefined, r: ResourceType): FieldSelector {
  if (!input || !input.trim()) return () => true;
  const allowed = new Set(['metadata.name', 'metadata.namespace', ...(FIELDS[r.kind] ?? [])]);
  const terms = input.split(',').map((term) => {
    const m = /^\s*([^!=\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${input}'; can't understand '${term}'`);
    const [, field = '', op = '', value = ''] = m;
    if (!allowed.has(field)) throw badRequest(`field label not supported: ${field}`);
    return { field, negate: op === '!=', value };
  });
  return (obj) => terms.every((t) => (fieldValue(obj, t.field) === t.value) !== t.negate);
}
