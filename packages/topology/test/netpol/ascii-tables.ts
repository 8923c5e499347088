/**
 * Parsers for cyclonus' ASCII output (tablewriter boxes), so tests read the
 * truth tables as published instead of copies of their answers.
 */

export interface TruthTable {
  title: string;
  /** Column keys as printed, lower-cased (`x/a`). */
  columns: string[];
  /** row key -> column key -> cell (`.`, `X`, `N`, `?`...). */
  cells: Map<string, Map<string, string>>;
}

function cellsOf(line: string): string[] {
  return line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

/** Every `Title:` followed by a box, in order. */
export function parseTruthTables(text: string): TruthTable[] {
  const out: TruthTable[] = [];
  let current: TruthTable | undefined;
  for (const line of text.split('\n')) {
    const title = /^(Ingress|Egress|Combined):\s*$/.exec(line);
    if (title) {
      current = { title: title[1] ?? '', columns: [], cells: new Map() };
      out.push(current);
      continue;
    }
    if (!current || !line.startsWith('|')) continue;
    const cells = cellsOf(line);
    if (current.columns.length === 0 && current.cells.size === 0 && cells[0] === '') {
      current.columns = cells.slice(1).map((c) => c.toLowerCase());
      continue;
    }
    const [row = '', ...values] = cells;
    if (row === '') continue;
    current.cells.set(
      row.toLowerCase(),
      new Map(current.columns.map((col, i) => [col, values[i] ?? ''])),
    );
  }
  return out;
}

export interface TrafficAnswer {
  /** Per direction, the actions of the targets that applied (`Allow` / `Deny`). */
  actions: { Ingress: string[]; Egress: string[] };
  allowed: boolean;
}

/** The "Is traffic allowed?" boxes of `analyze --mode query-traffic`, in order. */
export function parseTrafficAnswers(text: string): TrafficAnswer[] {
  const out: TrafficAnswer[] = [];
  let current: TrafficAnswer | undefined;
  let type: 'Ingress' | 'Egress' | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('Is traffic allowed?')) {
      current = { actions: { Ingress: [], Egress: [] }, allowed: false };
      type = undefined;
      continue;
    }
    if (!current || !line.startsWith('|')) continue;
    const [first = '', action = ''] = cellsOf(line);
    if (first === 'IS ALLOWED?') {
      current.allowed = action === 'TRUE';
      out.push(current);
      current = undefined;
      continue;
    }
    if (first === 'Ingress' || first === 'Egress') type = first;
    if (type && (action === 'Allow' || action === 'Deny')) current.actions[type].push(action);
  }
  return out;
}
