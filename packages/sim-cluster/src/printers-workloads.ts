/** Upstream's printers for the workload kinds and the stored-only kinds (see printers.ts). */
import { selectorString, type LabelSelectorObject } from './label-selector.js';
import { age, type Cell, type Printer } from './printers.js';
import type { Container, KubeObject } from './types.js';

const NONE = '<none>';

interface WorkloadSpec {
  replicas?: number;
  selector?: LabelSelectorObject | Record<string, string>;
  template?: { spec?: { containers?: Container[]; nodeSelector?: Record<string, string> } };
}
type Status = Record<string, number | undefined>;

const spec = (o: KubeObject) => (o.spec ?? {}) as WorkloadSpec;
const status = (o: KubeObject) => (o.status ?? {}) as Status;
const n = (v: number | undefined) => v ?? 0;

function wide(o: KubeObject, withSelector = true): Cell[] {
  const containers = spec(o).template?.spec?.containers ?? [];
  const cells: Cell[] = [
    containers.map((c) => c.name).join(','),
    containers.map((c) => c.image ?? '').join(','),
  ];
  if (withSelector) {
    const sel = spec(o).selector;
    const text =
      o.kind === 'ReplicationController'
        ? Object.entries((sel ?? {}) as Record<string, string>)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        : selectorString(sel as LabelSelectorObject | undefined);
    cells.push(text || NONE);
  }
  return cells;
}

const WIDE: [string, number][] = [
  ['Containers', 1],
  ['Images', 1],
  ['Selector', 1],
];

const replicaSetPrinter: Printer = {
  columns: [['Name', 0], ['Desired', 0], ['Current', 0], ['Ready', 0], ['Age', 0], ...WIDE],
  cells: (o, now) => [
    o.metadata.name ?? '',
    n(spec(o).replicas),
    n(status(o).replicas),
    n(status(o).readyReplicas),
    age(o, now),
    ...wide(o),
  ],
};

const dataCount = (o: KubeObject) =>
  Object.keys((o.data ?? {}) as object).length + Object.keys((o.binaryData ?? {}) as object).length;

export const WORKLOAD_PRINTERS: Record<string, Printer> = {
  Deployment: {
    columns: [['Name', 0], ['Ready', 0], ['Up-to-date', 0], ['Available', 0], ['Age', 0], ...WIDE],
    cells: (o, now) => [
      o.metadata.name ?? '',
      `${n(status(o).readyReplicas)}/${n(spec(o).replicas)}`,
      n(status(o).updatedReplicas),
      n(status(o).availableReplicas),
      age(o, now),
      ...wide(o),
    ],
  },
  ReplicaSet: replicaSetPrinter,
  ReplicationController: replicaSetPrinter,
  StatefulSet: {
    columns: [
      ['Name', 0],
      ['Ready', 0],
      ['Age', 0],
      ['Containers', 1],
      ['Images', 1],
    ],
    cells: (o, now) => [
      o.metadata.name ?? '',
      `${n(status(o).readyReplicas)}/${n(spec(o).replicas)}`,
      age(o, now),
      ...wide(o, false),
    ],
  },
  DaemonSet: {
    columns: [
      ['Name', 0],
      ['Desired', 0],
      ['Current', 0],
      ['Ready', 0],
      ['Up-to-date', 0],
      ['Available', 0],
      ['Node Selector', 0],
      ['Age', 0],
      ...WIDE,
    ],
    cells: (o, now) => {
      const s = status(o);
      const sel = Object.entries(spec(o).template?.spec?.nodeSelector ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      return [
        o.metadata.name ?? '',
        n(s.desiredNumberScheduled),
        n(s.currentNumberScheduled),
        n(s.numberReady),
        n(s.updatedNumberScheduled),
        n(s.numberAvailable),
        sel || NONE,
        age(o, now),
        ...wide(o),
      ];
    },
  },
  ConfigMap: {
    columns: [
      ['Name', 0],
      ['Data', 0],
      ['Age', 0],
    ],
    cells: (o, now) => [o.metadata.name ?? '', dataCount(o), age(o, now)],
  },
  Secret: {
    columns: [
      ['Name', 0],
      ['Type', 0],
      ['Data', 0],
      ['Age', 0],
    ],
    cells: (o, now) => [o.metadata.name ?? '', String(o.type ?? ''), dataCount(o), age(o, now)],
  },
  ServiceAccount: {
    columns: [
      ['Name', 0],
      ['Secrets', 0],
      ['Age', 0],
    ],
    cells: (o, now) => [
      o.metadata.name ?? '',
      ((o.secrets ?? []) as unknown[]).length,
      age(o, now),
    ],
  },
};
