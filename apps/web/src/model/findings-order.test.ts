import { describe, expect, it } from 'vitest';
import type { Finding } from '@portolan/topology';
import { sortFindings } from './findings-order.js';

const f = (id: string, severity: Finding['severity'], code: string): Finding => ({
  id,
  code,
  severity,
  message: id,
  objects: [],
  nodeIds: [],
});

describe('sortFindings', () => {
  const all = [
    f('a', 'info', 'A'),
    f('b', 'warning', 'B'),
    f('c', 'error', 'C'),
    f('d', 'error', 'A'),
  ];
  it('puts errors first, then warnings, then info; code breaks ties', () => {
    expect(sortFindings(all).map((x) => x.id)).toEqual(['d', 'c', 'b', 'a']);
  });
  it('sorts by code on request', () => {
    expect(sortFindings(all, 'code').map((x) => x.id)).toEqual(['d', 'a', 'b', 'c']);
  });
});
