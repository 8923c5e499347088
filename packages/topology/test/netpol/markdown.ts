/** Fenced code blocks of a markdown file, and the NetworkPolicies among them. */
import { parse, parseAllDocuments } from 'yaml';
import type { SlimNetworkPolicy } from '../../src/index.js';
import { slim } from '../../src/index.js';

export interface Block {
  lang: string;
  text: string;
}

export function fencedBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  const re = /^```(\w*)[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    out.push({ lang: m[1] ?? '', text: m[2] ?? '' });
  }
  return out;
}

/** Every NetworkPolicy of the yaml blocks, in order (a policy may be shown twice, revised). */
export function policiesIn(markdown: string): SlimNetworkPolicy[] {
  return fencedBlocks(markdown)
    .filter((b) => b.lang === 'yaml')
    .flatMap((b) => parseAllDocuments(b.text).map((d) => d.toJS() as { kind?: string } | null))
    .filter((o) => o?.kind === 'NetworkPolicy')
    .map((o) => slim(o) as SlimNetworkPolicy);
}

/** The blocks that are YAML fragments (no `kind`), parsed, in order; any language tag. */
export function fragmentsIn(markdown: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const b of fencedBlocks(markdown)) {
    if (b.lang !== 'yaml' && b.lang !== '') continue;
    let value: unknown;
    try {
      value = parse(b.text);
    } catch {
      continue; // shell transcripts and prose
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && !('kind' in value)) {
      out.push(value as Record<string, unknown>);
    }
  }
  return out;
}
