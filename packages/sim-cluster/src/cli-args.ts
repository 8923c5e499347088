/** Command-line parsing for `portolan-sim`, kept apart from the process so it can be tested. */
import { SCENARIOS } from './scenarios.js';

export interface CliOptions {
  port: number;
  scenario: string;
  kubeconfigOut: string;
  readyDelayMs?: number;
  probeDelayScale?: number;
  churn?: number;
  tls: boolean;
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
  --scenario NAME       ${SCENARIOS.join(' | ')}, scale:<services>x<pods> (e.g. scale:1000x10),
                        a scenario YAML file, or a folder/file of manifests applied like kubectl apply -f
                        (default demo)
  --kubeconfig-out FILE where to write the kubeconfig (default ${DEFAULT_KUBECONFIG});
                        also --write-kubeconfig FILE
  --ready-delay MS      how long pods take to become ready (default 300)
  --probe-delay-scale X readiness probes' initialDelaySeconds count X times (default 0 = ignored)
  --churn RATE          random scale/restart/pod-kill/service-edit changes per second (default off)
  --no-tls              serve plain HTTP (the kubeconfig then says insecure-skip-tls-verify);
                        by default it serves HTTPS with a CA of its own, in the kubeconfig
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

function decimal(flag: string, text: string | undefined, min: number, max: number): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(n))
    throw new UsageError(
      `${flag} needs a number, got ${text === undefined ? 'nothing' : `"${text}"`}`,
    );
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
    tls: true,
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
      case '--write-kubeconfig':
        opts.kubeconfigOut = value();
        break;
      case '--ready-delay':
        opts.readyDelayMs = integer(flag, value(), 0, 3_600_000);
        break;
      case '--probe-delay-scale':
        opts.probeDelayScale = decimal(flag, value(), 0, 1000);
        break;
      case '--churn':
        opts.churn = decimal(flag, value(), 0.001, 10_000);
        break;
      case '--tls':
        opts.tls = true;
        break;
      case '--no-tls':
        opts.tls = false;
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
