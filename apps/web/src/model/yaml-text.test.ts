import { describe, expect, it } from 'vitest';
import { toYamlText } from './yaml-text.js';

describe('toYamlText', () => {
  it('renders nested objects and lists', () => {
    expect(
      toYamlText({
        kind: 'service',
        selector: { app: 'web' },
        ports: [{ port: 80, protocol: 'TCP' }],
        clusterIPs: ['10.96.0.1'],
        empty: [],
      }),
    ).toBe(
      [
        'kind: service',
        'selector:',
        '  app: web',
        'ports:',
        '  - port: 80',
        '    protocol: TCP',
        'clusterIPs:',
        '  - 10.96.0.1',
        'empty: []',
      ].join('\n'),
    );
  });

  it('quotes what YAML would misread, and markup stays text', () => {
    expect(toYamlText({ a: 'true', b: '8080', c: '<b>x</b>', 'd e': 'x: y' })).toBe(
      ['a: "true"', 'b: "8080"', 'c: "<b>x</b>"', '"d e": "x: y"'].join('\n'),
    );
  });
});
