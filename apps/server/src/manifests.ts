/**
 * Manifest files -> raw objects with their source (file and line), for
 * `portolan --manifests`. Files or directories (recursively: .yaml, .yml,
 * .json), multi-document YAML, JSON, and `List` wrappers whose items lack a
 * kind. Syntax errors are reported with file and line, and do not stop the
 * other documents from loading.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { PortolanError } from './errors.js';

export interface ManifestSource {
  file: string;
  line: number;
}

export interface ManifestObject {
  object: Record<string, unknown>;
  source: ManifestSource;
}

export interface ManifestProblem {
  source: ManifestSource;
  message: string;
}

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

function listFiles(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      `manifest path ${path} does not exist.`,
      'Pass files or directories of Kubernetes YAML or JSON.',
    );
  }
  if (st.isFile()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    const p = join(path, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else if (EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(p);
  }
  return out;
}

function unwrap(
  raw: unknown,
  source: ManifestSource,
  out: ManifestObject[],
  problems: ManifestProblem[],
): void {
  if (raw === null || raw === undefined) return;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({
      source,
      message:
        'this document is not a Kubernetes object (expected a mapping with apiVersion, kind and metadata)',
    });
    return;
  }
  const obj = raw as Record<string, unknown>;
  const kind = typeof obj.kind === 'string' ? obj.kind : undefined;
  if (kind?.endsWith('List') && Array.isArray(obj.items)) {
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    for (const item of obj.items) {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const it = item as Record<string, unknown>;
        if (it.kind === undefined && itemKind) it.kind = itemKind;
        if (it.apiVersion === undefined && typeof obj.apiVersion === 'string')
          it.apiVersion = obj.apiVersion;
      }
      unwrap(item, source, out, problems);
    }
    return;
  }
  out.push({ object: obj, source });
}

export function parseManifestText(
  text: string,
  file: string,
): { objects: ManifestObject[]; problems: ManifestProblem[] } {
  const objects: ManifestObject[] = [];
  const problems: ManifestProblem[] = [];
  if (extname(file).toLowerCase() === '.json') {
    try {
      unwrap(JSON.parse(text), { file, line: 1 }, objects, problems);
    } catch (err) {
      problems.push({
        source: { file, line: 1 },
        message: `not valid JSON: ${(err as Error).message}`,
      });
    }
    return { objects, problems };
  }
  const lines = new LineCounter();
  for (const doc of parseAllDocuments(text, { lineCounter: lines })) {
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const source = { file, line: lines.linePos(start).line };
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const line = e?.linePos?.[0]?.line ?? source.line;
      problems.push({
        source: { file, line },
        message: `not valid YAML: ${e?.message.split('\n')[0] ?? 'parse error'}`,
      });
      continue;
    }
    unwrap(doc.toJS(), source, objects, problems);
  }
  return { objects, problems };
}

export function loadManifests(
  paths: readonly string[],
  cwd = process.cwd(),
): { objects: ManifestObject[]; problems: ManifestProblem[]; files: string[] } {
  const objects: ManifestObject[] = [];
  const problems: ManifestProblem[] = [];
  const files = paths.flatMap(listFiles);
  if (files.length === 0) {
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      `no .yaml, .yml or .json files under ${paths.join(', ')}.`,
    );
  }
  for (const file of files) {
    const shown = relative(cwd, file) || file;
    const r = parseManifestText(readFileSync(file, 'utf8'), shown.startsWith('..') ? file : shown);
    objects.push(...r.objects);
    problems.push(...r.problems);
  }
  return { objects, problems, files };
}
