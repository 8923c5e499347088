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
  /** `serve` (default), `connectivity` (print the connectivity report and exit), `doctor` (what the credentials can read) or `share` (manage share links). */
  command: 'serve' | 'connectivity' | 'doctor' | 'share';
  output: 'text' | 'json';
  /** Share mode: every request needs the owner token or a share link (docs/adr/0004). */
  share: boolean;
  /** No authentication on a non-loopback address: anyone who reaches the port sees everything. */
  allowAnonymous: boolean;
  /** Let the local user switch between the kubeconfig's contexts in the UI. */
  contextPicker: boolean;
  /** Where the share key, owner token and links live (default: $XDG_STATE_HOME/portolan). */
  stateDir?: string;
  /** The address people use to reach this server, for links and the Host check. */
  publicUrl?: string;
  /** With `share`: what to do, and its options. */
  shareAction?: 'create' | 'list' | 'revoke';
  shareId?: string;
  namespaces?: string;
  expires?: string;
  /** With `share`: the server to talk to (default: the one the state folder names). */
  server?: string;
}

export const USAGE = `Usage: portolan [options]
       portolan connectivity [--kubeconfig FILE | --simulate [SCENARIO] | --manifests PATH...] [--output text|json]
       portolan share create [--namespaces a,b] [--expires 24h] [--server URL] [--state-dir DIR]
       portolan share list | portolan share revoke ID
       portolan doctor [--kubeconfig FILE] [--context NAME]   (what these credentials let Portolan read)

Live map of how traffic reaches the workloads of a Kubernetes cluster.

Options:
  --kubeconfig FILE     kubeconfig to use (default: KUBECONFIG, then ~/.kube/config,
                        then the in-cluster service account, as kubectl does)
  --context NAME        kubeconfig context to use (default: its current-context)
  --simulate [SCENARIO] start Portolan's simulated cluster and connect to it through its
                        own kubeconfig; scenario: demo (the default), empty, a corpus app
                        (online-boutique, bookinfo, guestbook, sock-shop, voting-app,
                        aks-store) or scale:<services>x<pods> (e.g. scale:1000x10)
  --manifests PATH...   show what these manifests (files or folders of YAML) would look
                        like: they are applied to a fresh simulated cluster whose
                        controllers create pods and endpoints; rejected objects
                        become findings with file and line
  --port N              HTTP port (default: PORT, else 7420; 0 picks a free port)
  --host ADDRESS        address to listen on (default 127.0.0.1); another address needs
                        --share or --allow-anonymous
  --context-picker      let the person who started Portolan switch between the kubeconfig's
                        contexts in the header (never share links or anonymous viewers)
  --share               share mode: every request needs a share link or the owner token
                        (printed at startup); see portolan share
  --allow-anonymous     no authentication on --host: ANYONE who can reach the port sees the
                        whole cluster graph (trusted networks only)
  --state-dir DIR       share key, owner token and links (default: $XDG_STATE_HOME/portolan,
                        else ~/.local/state/portolan); owner-only permissions
  --public-url URL      how others reach this server (links use it; its host passes the
                        Host check), e.g. https://portolan.example.com
  --output text|json    with connectivity: workload-level text (default), or pod-level JSON
  -h, --help            show this help

Share links (talk to the running server through the state folder):
  create [--namespaces a,b] [--expires 24h]   print a signed, scoped, expiring link
  list                                        every link with its state
  revoke ID                                   end a link and close its open streams

Examples:
  portolan --simulate
  portolan --kubeconfig ~/.kube/config --context staging
  portolan --simulate --share --host 0.0.0.0        (then, in another terminal:)
  portolan share create --namespaces shop --expires 8h`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function parseArgs(input: readonly string[], env: NodeJS.ProcessEnv = {}): CliArgs {
  let argv = input;
  const out: CliArgs = {
    port: 7420,
    host: '127.0.0.1',
    help: false,
    command: 'serve',
    output: 'text',
    share: false,
    allowAnonymous: false,
    contextPicker: false,
  };
  if (argv[0] === 'connectivity' || argv[0] === 'doctor') {
    out.command = argv[0];
    argv = argv.slice(1);
  } else if (argv[0] === 'share') {
    out.command = 'share';
    const action = argv[1];
    if (action !== 'create' && action !== 'list' && action !== 'revoke')
      throw new PortolanError(
        'PORTOLAN_BAD_ARGUMENT',
        `portolan share needs create, list or revoke${action ? `, got "${action}"` : ''}.`,
        'See portolan --help.',
      );
    out.shareAction = action;
    argv = argv.slice(2);
    if (action === 'revoke') {
      const id = argv[0];
      if (id === undefined || id.startsWith('-'))
        throw new PortolanError(
          'PORTOLAN_BAD_ARGUMENT',
          'portolan share revoke needs the id of a link.',
          'portolan share list shows them.',
        );
      out.shareId = id;
      argv = argv.slice(1);
    }
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
      case '--share':
        out.share = true;
        break;
      case '--allow-anonymous':
        out.allowAnonymous = true;
        break;
      case '--context-picker':
        out.contextPicker = true;
        break;
      case '--state-dir':
        out.stateDir = value();
        break;
      case '--public-url': {
        const v = value();
        if (!/^https?:\/\/[^/]+\/?$/.test(v))
          throw new PortolanError(
            'PORTOLAN_BAD_ARGUMENT',
            `--public-url must be a base URL like https://portolan.example.com, got "${v}".`,
          );
        out.publicUrl = v.replace(/\/$/, '');
        break;
      }
      case '--namespaces':
        out.namespaces = value();
        break;
      case '--expires':
        out.expires = value();
        break;
      case '--server':
        out.server = value().replace(/\/$/, '');
        break;
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
  const shareOnly: [string, unknown][] = [
    ['--namespaces', out.namespaces],
    ['--expires', out.expires],
    ['--server', out.server],
  ];
  for (const [flag, v] of shareOnly) {
    if (v !== undefined && !(out.command === 'share' && out.shareAction === 'create'))
      throw new PortolanError(
        'PORTOLAN_BAD_ARGUMENT',
        `${flag} belongs to portolan share create.`,
        'See portolan --help.',
      );
  }
  if (out.contextPicker && out.manifests)
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      '--context-picker needs a kubeconfig: --manifests has one made-up cluster.',
      'Drop --context-picker, or use --kubeconfig.',
    );
  if (out.share && out.allowAnonymous)
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      '--share and --allow-anonymous cannot be used together.',
      '--share asks every viewer for a link; --allow-anonymous asks nobody for anything.',
    );
  if (!LOOPBACK.has(out.host) && !out.share && !out.allowAnonymous) {
    throw new PortolanError(
      'PORTOLAN_BAD_ARGUMENT',
      `--host ${out.host} would expose the dashboard beyond this machine without authentication.`,
      'Add --share (viewers need a link from portolan share create), or --allow-anonymous on a network you trust; or keep 127.0.0.1 and use an SSH tunnel or kubectl port-forward.',
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
