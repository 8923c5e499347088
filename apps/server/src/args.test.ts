import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.js';

describe('portolan arguments', () => {
  it('defaults to loopback port 7420, and honours PORT', () => {
    expect(parseArgs([])).toMatchObject({ port: 7420, host: '127.0.0.1', help: false });
    expect(parseArgs([], { PORT: '8080' }).port).toBe(8080);
    expect(parseArgs(['--port', '9000'], { PORT: '8080' }).port).toBe(9000);
  });
  it('takes --simulate with or without a scenario', () => {
    expect(parseArgs(['--simulate']).simulate).toBe('demo');
    expect(parseArgs(['--simulate', 'empty', '--port', '0'])).toMatchObject({
      simulate: 'empty',
      port: 0,
    });
    expect(parseArgs(['--simulate', '--port', '1']).simulate).toBe('demo');
    expect(parseArgs(['--simulate=empty']).simulate).toBe('empty');
  });
  it('says what is wrong with bad input', () => {
    expect(() => parseArgs(['--kubeconfig'])).toThrow('--kubeconfig needs a value');
    expect(() => parseArgs(['--port', 'http'])).toThrow(
      '--port must be a port number (0-65535), got "http"',
    );
    expect(() => parseArgs(['--frobnicate'])).toThrow('unknown argument "--frobnicate"');
    expect(() => parseArgs(['--simulate', '--kubeconfig', 'x'])).toThrow('cannot be used together');
    expect(() => parseArgs(['--host', '0.0.0.0'])).toThrow(
      'would expose the dashboard beyond this machine',
    );
  });

  it('takes --context-picker, but not with --manifests', () => {
    expect(parseArgs(['--context-picker']).contextPicker).toBe(true);
    expect(parseArgs([]).contextPicker).toBe(false);
    expect(() => parseArgs(['--context-picker', '--manifests', 'k8s/'])).toThrow(
      '--context-picker needs a kubeconfig',
    );
  });

  it('takes the connectivity command with --output', () => {
    expect(parseArgs(['connectivity', '--simulate', '--output', 'json'])).toMatchObject({
      command: 'connectivity',
      simulate: 'demo',
      output: 'json',
    });
    expect(() => parseArgs(['connectivity', '--output', 'yaml'])).toThrow(
      '--output must be text or json, got "yaml"',
    );
    expect(parseArgs(['--manifests', 'a.yaml', 'dir/'])).toMatchObject({
      manifests: ['a.yaml', 'dir/'],
    });
    expect(() => parseArgs(['--manifests'])).toThrow(
      '--manifests needs at least one file or folder',
    );
  });
});
