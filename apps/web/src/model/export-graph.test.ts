import { describe, expect, it } from 'vitest';
import { pod } from '../test-support/graph-builders.js';
import { exportFileName, graphJson } from './export-graph.js';

describe('export', () => {
  it('writes the graph with its revision and view', () => {
    const p = pod('shop', 'a');
    const text = graphJson(
      {
        revision: 7,
        nodes: new Map([[p.id, p]]),
        edges: new Map(),
        findings: new Map(),
        context: 'kind-dev',
        view: '?ns=shop',
      },
      new Date(0),
    );
    const doc = JSON.parse(text) as { revision: number; nodes: unknown[]; view: string };
    expect(doc.revision).toBe(7);
    expect(doc.nodes).toHaveLength(1);
    expect(doc.view).toBe('?ns=shop');
  });

  it('makes safe file names', () => {
    expect(exportFileName('arn:aws:eks/prod cluster', 12, 'png')).toBe(
      'portolan-arn_aws_eks_prod_cluster-r12.png',
    );
  });
});
