/** The shared corpus beside the repository (`../shared/corpus` from the repo root). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS = fileURLToPath(new URL('../../../../../shared/corpus/', import.meta.url));

export function corpusText(path: string): string {
  return readFileSync(`${CORPUS}${path}`, 'utf8');
}

export function corpusFiles(dir: string): string[] {
  return readdirSync(`${CORPUS}${dir}`).sort();
}
