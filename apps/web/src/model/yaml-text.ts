/**
 * A YAML-like text rendering of plain JSON data, for the inspector. Strings
 * that YAML would misread are quoted; the result is shown as text, never
 * parsed or interpreted as markup.
 */
export function toYamlText(value: unknown, indent = 0): string {
  return lines(value, indent).join('\n');
}

const PLAIN = /^[A-Za-z0-9_./:@-][A-Za-z0-9_ ./:@()=-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|~|-?\d+(\.\d+)?)$/i;

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string')
    return PLAIN.test(v) && !RESERVED.test(v) && !v.endsWith(' ') && !v.includes(': ')
      ? v
      : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

function key(k: string): string {
  return PLAIN.test(k) && !RESERVED.test(k) && !k.includes(' ') ? k : JSON.stringify(k);
}

function lines(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (isScalar(value)) return [`${pad}${scalar(value)}`];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    return value.flatMap((item) => {
      if (isScalar(item)) return [`${pad}- ${scalar(item)}`];
      const inner = lines(item, indent + 2);
      const first = inner[0] ?? '';
      return [`${pad}- ${first.trimStart()}`, ...inner.slice(1)];
    });
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  );
  if (entries.length === 0) return [`${pad}{}`];
  return entries.flatMap(([k, v]) => {
    if (isScalar(v)) return [`${pad}${key(k)}: ${scalar(v)}`];
    if (Array.isArray(v) && v.length === 0) return [`${pad}${key(k)}: []`];
    if (!Array.isArray(v) && Object.keys(v as object).length === 0) return [`${pad}${key(k)}: {}`];
    return [`${pad}${key(k)}:`, ...lines(v, indent + 2)];
  });
}
