/**
 * Test helpers: build pods, namespaces and policies from raw Kubernetes
 * objects (through slim(), as everything entering the core), and ask
 * questions of a small world by `ns/name` or IP.
 */
import type {
  Labels,
  Protocol,
  SlimNamespace,
  SlimNetworkPolicy,
  SlimObject,
  SlimPod,
  Peer,
  Verdict,
} from '../../src/index.js';
import { evaluate, ipPeer, objectKey, podPeer, PolicyIndex, slim } from '../../src/index.js';

export interface PodOptions {
  ips?: string[];
  /** `[name, number, protocol?]` container ports. */
  ports?: [string | undefined, number, Protocol?][];
  node?: string;
  hostNetwork?: boolean;
}

let nextIp = 1;

/** `pod('prod/web', { app: 'web' }, { ports: [['http', 8080]] })` */
export function pod(key: string, labels: Labels = {}, opts: PodOptions = {}): SlimPod {
  const [namespace, name] = key.split('/');
  const ips = opts.ips ?? [`10.244.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`];
  return slim({
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: {
      nodeName: opts.node ?? 'node-1',
      hostNetwork: opts.hostNetwork,
      containers: [
        {
          name: 'c',
          ports: (opts.ports ?? []).map(([n, containerPort, protocol]) => ({
            name: n,
            containerPort,
            protocol,
          })),
        },
      ],
    },
    status: { phase: 'Running', podIPs: ips.map((ip) => ({ ip })) },
  }) as SlimPod;
}

export function ns(name: string, labels: Labels = {}): SlimNamespace {
  return slim({ kind: 'Namespace', metadata: { name, labels } }) as SlimNamespace;
}

/** `np('prod/allow-web', { podSelector: {}, ingress: [{}] })`: the raw spec, as in YAML. */
export function np(key: string, spec: Record<string, unknown>): SlimNetworkPolicy {
  const [namespace, name] = key.split('/');
  return slim({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec,
  }) as SlimNetworkPolicy;
}

export class World {
  readonly index: PolicyIndex;
  readonly pods = new Map<string, SlimPod>();
  readonly namespaces = new Map<string, SlimNamespace>();

  constructor(objects: Iterable<SlimObject>) {
    this.index = new PolicyIndex();
    for (const o of objects) {
      if (o.kind === 'Pod') this.pods.set(objectKey(o), o);
      else if (o.kind === 'Namespace') this.namespaces.set(o.metadata.name, o);
      else if (o.kind === 'NetworkPolicy') this.index.upsert(o);
    }
  }

  pod(key: string): SlimPod {
    const p = this.pods.get(key);
    if (!p) throw new Error(`no pod ${key}`);
    return p;
  }

  /** `ns/name` -> that pod; anything else is an IP (`ip@node` marks a node's IP). */
  peer(ref: string): Peer {
    if (this.pods.has(ref)) {
      const p = this.pod(ref);
      return podPeer(p, this.namespaces.get(p.metadata.namespace ?? 'default')?.metadata.labels);
    }
    const [ip = '', node] = ref.split('@');
    return ipPeer(ip, node);
  }

  check(src: string, dst: string, port: number, protocol?: Protocol): Verdict {
    return evaluate(this.index, {
      src: this.peer(src),
      dst: this.peer(dst),
      port,
      ...(protocol ? { protocol } : {}),
    });
  }
}
