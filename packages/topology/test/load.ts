/** Test helper: YAML fixtures (multi-document, or v1 Lists) -> slim objects. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { SlimObject } from '../src/index.js';
import { slim } from '../src/index.js';

export function loadYaml(text: string): SlimObject[] {
  const out: SlimObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    const raw = doc.toJS() as { kind?: string; items?: unknown[] } | null;
    if (!raw) continue;
    for (const item of raw.kind?.endsWith('List') ? (raw.items ?? []) : [raw]) out.push(slim(item));
  }
  return out;
}

export function loadFixture(name: string): SlimObject[] {
  const path = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  return loadYaml(readFileSync(path, 'utf8'));
}
