/** Command-line arguments of `portolan`, parsed without side effects (tested). */
import { PortolanError } from './errors.js';

export interface CliArgs {
  kubeconfig?: string;
  context?: string;
  port: number;
  host: string;
  /** Scenario name when --simulate was given. */
  simulate?: string;
  /** Files or folders of manifests to show, with --manifests. */
  manifests?: string[];
  help: boolean;
  /** `serve` (default), `connectivity` (print the connectivity report and exit) or `doctor` (what the credentials can read). */
  command: 'serve' | 'connectivity' | 'doctor';
  output: 'text' | 'json';
}

export const USAGE = `Usage: portolan [options]
       portolan connectivity [--kubeconfig FILE | --simulate [SCENARIO] | --manifests PATH...] [--output text|json]
       portolan doctor [--kubeconfig FILE] [--context NAME]   (what these credentials let Portolan read)

Live map of how traffic reaches the workloads of a Kubernetes cluster.

Options:
  --kubeconfig FILE     kubeconfig to use (default: KUBECONFIG, then ~/.kube/config,
                        then the in-cluster service account, as kubectl does)
  --context NAME        kubeconfig context to use (default: its current-context)
  --simulate [SCENARIO] start Portolan's simulated cluster (scenario: demo, the default,
                        or empty) and connect to it through its own kubeconfig
  --manifests PATH...   show what these manifests (files or folders of YAML) would look
                        like: they are applied to a fresh simulated cluster whose
                        controllers create pods and endpoints; rejected objects
                        become findings with file and line
  --port N              HTTP port (default: PORT, else 7420; 0 picks a free port)
  --host ADDRESS        address to listen on (default 127.0.0.1; loopback only for now)
  --output text|json    with connectivity: workload-level text (default), or pod-level JSON
  -h, --help            show this help

Examples:
  portolan --simulate
  portolan --kubeconfig ~/.kube/config --context staging`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function parseArgs(input: readonly string[], env: NodeJS.ProcessEnv = {}): CliArgs {
  let argv = input;
  const out: CliArgs = {
    port: 7420,
    host: '127.0.0.1',
    help: false,
    command: 'serve',
    output: 'text',
  };
  if (argv[0] === 'connectivity' || argv[0] === 'doctor') {
    out.command = argv[0];
    argv = argv.slice(1);
  }
  if (env.PORT) out.port = parsePort(env.PORT, 'PORT');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('-'))) {
        throw new PortolanError(
          'PORTOLAN_BAD_ARGUMENT',
          `${flag} needs a value.`,
          'See portolan --help.',
        );
      }
      return v;
    };
    switch (flag) {
      case '--kubeconfig':
        out.kubeconfig = value();
        break;
      case '--context':
        out.context = value();
        break;
      case '--port':
        out.port = parsePort(value(), '--port');
        break;
      case '--host':
        out.host = value();
        break;
      case '--simulate': {
        const next = argv[i + 1];
        if (inline !== undefined) out.simulate = inline;
        else if (next !== undefined && !next.startsWith('-')) out.simulate = argv[++i];
        else out.simulate = 'demo';
        break;
      }
      case '--manifests': {
        const paths: string[] = inline !== undefined ? [inline] : [];
        while (argv[i + 1] !== undefined && !(argv[i + 1] as string).startsWith('-'))
          paths.push(argv[++i] as string);
        if (paths.length === 0)
          throw new PortolanError(
            'PORTOLAN_BAD_ARGUMENT',
            '--manifests needs at least one file or folder.',
            'See portolan --help.',
          );
        out.manifests = [...(out.manifests ?? []), ...paths];
        break;
      }
      case '--output': {
        const v = value();
        if (v !== 'text' && v !== 'json')
          throw new PortolanError(
            'PORTOLAN_BAD_ARGUMENT',
            `--output must be text or json, got "${v}".`,
          );
        out.output = v;
        break;
      }
      case '-h':
      case '--help':
        out.help = true;
        break;
      default:
        throw new PortolanError(
          'PORTOLAN_BAD_ARGUMENT',
          `unknown argument "${arg}".`,
          'See portolan --help.',
        );
    }
  }
  if (out.manifests && (out.simulate !== undefined || out.kubeconfig)) {
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      '--manifests cannot be combined with --simulate or --kubeconfig.',
      'It starts its own simulated cluster with just those manifests.',
    );
  }
  if (out.simulate !== undefined && out.kubeconfig) {
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      '--simulate and --kubeconfig cannot be used together.',
      'Use --simulate for the built-in cluster, or --kubeconfig for a real one.',
    );
  }
  if (!LOOPBACK.has(out.host)) {
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      `--host ${out.host} would expose the dashboard beyond this machine, and sharing with authentication is not available yet.`,
      'Listen on 127.0.0.1 (the default) and reach it through an SSH tunnel or kubectl port-forward.',
    );
  }
  return out;
}

function parsePort(v: string, what: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535)
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      `${what} must be a port number (0-65535), got "${v}".`,
    );
  return n;
}
