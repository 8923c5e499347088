/** Command-line parsing for `portolan-sim`, kept apart from the process so it can be tested. */
import { SCENARIOS } from './scenarios.js';

export interface CliOptions {
  port: number;
  scenario: string;
  kubeconfigOut: string;
  readyDelayMs?: number;
  verbose: boolean;
  help: boolean;
}

export const DEFAULT_PORT = 6443;
export const DEFAULT_KUBECONFIG = '.portolan/sim-kubeconfig.yaml';

export const USAGE = `Usage: portolan-sim [options]

A simulated Kubernetes API server on 127.0.0.1 that kubectl and client
libraries read like a real cluster. It writes a kubeconfig for itself.

Options:
  --port N              port to listen on, 0 = any free port (default ${DEFAULT_PORT})
  --scenario NAME       ${SCENARIOS.join(' | ')}, or a path to a YAML file (default demo)
  --kubeconfig-out FILE where to write the kubeconfig (default ${DEFAULT_KUBECONFIG})
  --ready-delay MS      how long pods take to become ready (default 300)
  --verbose             log every request
  --help                show this help
`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function integer(flag: string, text: string | undefined, min: number, max: number): number {
  if (text === undefined || !/^\d+$/.test(text))
    throw new UsageError(
      `${flag} needs a number, got ${text === undefined ? 'nothing' : `"${text}"`}`,
    );
  const n = Number(text);
  if (n < min || n > max)
    throw new UsageError(`${flag} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = {
    port: DEFAULT_PORT,
    scenario: 'demo',
    kubeconfigOut: DEFAULT_KUBECONFIG,
    verbose: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--port':
        opts.port = integer(flag, value(), 0, 65535);
        break;
      case '--scenario':
        opts.scenario = value();
        break;
      case '--kubeconfig-out':
        opts.kubeconfigOut = value();
        break;
      case '--ready-delay':
        opts.readyDelayMs = integer(flag, value(), 0, 3_600_000);
        break;
      case '--verbose':
        opts.verbose = true;
        break;
      case '--help':
      case '-h':
        opts.help = true;
        break;
      default:
        throw new UsageError(`unknown option "${raw}"`);
    }
  }
  return opts;
}
