/**
 * Server-side printing: `kubectl get` asks for `application/json;as=Table`
 * and prints the columns the server returns. This builds those Table
 * responses (rows, with the object as PartialObjectMetadata unless
 * `includeObject` says otherwise) from the per-kind printers.
 */
import { PRINTERS, age, type Cell } from './printers.js';
import { WORKLOAD_PRINTERS } from './printers-workloads.js';
import type { ResourceType } from './resources.js';
import type { KubeObject } from './types.js';

interface Column {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function columns(r: ResourceType): Column[] {
  const printer = PRINTERS[r.kind] ?? WORKLOAD_PRINTERS[r.kind];
  const defs = printer?.columns ?? [
    ['Name', 0],
    ['Age', 0],
  ];
  return defs.map(([name, priority]) => ({
    name,
    type: 'string',
    format: name === 'Name' ? 'name' : '',
    description:
      name === 'Name'
        ? 'Name must be unique within a namespace.'
        : name === 'Age'
          ? 'CreationTimestamp is a timestamp representing the server time when this object was created.'
          : `${name} of the ${r.kind}.`,
    priority,
  }));
}

function rowObject(obj: KubeObject, include: IncludeObject): unknown {
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

export function toTable(
  r: ResourceType,
  objects: readonly KubeObject[],
  opts: { include: IncludeObject; resourceVersion?: string; continue?: string; now?: Date },
): unknown {
  const now = opts.now ?? new Date();
  const printer = PRINTERS[r.kind] ?? WORKLOAD_PRINTERS[r.kind];
  const metadata: Record<string, string> = {};
  if (opts.resourceVersion) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continue) metadata.continue = opts.continue;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: columns(r),
    rows: objects.map((obj) => {
      const row: { cells: Cell[]; object?: unknown } = {
        cells: printer ? printer.cells(obj, now) : [obj.metadata.name ?? '', age(obj, now)],
      };
      if (opts.include !== 'None') row.object = rowObject(obj, opts.include);
      return row;
    }),
  };
}

/** Whether the Accept header asks for a meta.k8s.io Table. */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some((part) => /;\s*as=Table/.test(part) && /;\s*g=meta\.k8s\.io/.test(part));
}
