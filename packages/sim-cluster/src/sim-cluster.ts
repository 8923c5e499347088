/**
 * Assembles a simulated cluster: store, registry, controllers, the HTTP
 * API on 127.0.0.1, a scenario, and a kubeconfig pointing at it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EndpointSliceController } from './controllers/endpointslices.js';
import { IngressStatusController } from './controllers/ingress-status.js';
import { Kubelet } from './controllers/kubelet.js';
import { LoadBalancerController } from './controllers/loadbalancer.js';
import { NamespaceController } from './controllers/namespaces.js';
import { NodeIpam } from './controllers/node-ipam.js';
import { Scheduler } from './controllers/scheduler.js';
import type { Controller } from './controllers/workqueue.js';
import { createHandler } from './http/handler.js';
import { seededRandom } from './ip.js';
import { kubeconfigYaml, writeKubeconfig } from './kubeconfig.js';
import { Registry, type DeleteOptions } from './registry.js';
import { R, findByKind, type ResourceType } from './resources.js';
import { DaemonSetController } from './controllers/daemonsets.js';
import { DeploymentController } from './controllers/deployments.js';
import { GarbageCollector } from './controllers/garbage-collector.js';
import { OwnerIndex } from './controllers/owner-index.js';
import { ReplicaSetController } from './controllers/replicasets.js';
import { StatefulSetController } from './controllers/statefulsets.js';
import { applyManifests, type ApplyResult, type Manifest } from './manifests.js';
import { applyScenario, loadScenario } from './scenarios.js';
import { ServiceAllocations } from './service-allocation.js';
import { Store } from './store.js';
import type { KubeObject, StoredObject } from './types.js';
import { WatchHub } from './watch.js';

export interface SimClusterOptions {
  /** A built-in scenario name (see SCENARIOS) or a path to a YAML file. Default `demo`. */
  scenario?: string;
  /** 0 = a random free port (default). The server binds 127.0.0.1 only. */
  port?: number;
  /** Write the kubeconfig here if given. */
  kubeconfigPath?: string;
  /** How long a pod takes from getting its IP to Running/Ready. Default 300. */
  readyDelayMs?: number;
  log?: (line: string) => void;
  /** Log every HTTP request through `log`. Default false. */
  logRequests?: boolean;
  /**
   * Readiness probes: a pod with a `readinessProbe` becomes Ready
   * `initialDelaySeconds * probeDelayScale` seconds after `readyDelayMs`
   * (0 = ignore the probe's delay, the default; 1 = real time).
   */
  probeDelayScale?: number;
  /** How long a deleted pod stays Terminating (capped by its grace period). Default 300. */
  terminationDelayMs?: number;
  /** Events kept for watch resume; older resourceVersions get 410 Expired. Default 10000. */
  historySize?: number;
  /** Interval of BOOKMARK events on watches that allow them. Default 60000, as upstream. */
  bookmarkIntervalMs?: number;
  /** A too-old watch resourceVersion: ERROR event in a 200 stream (upstream, default) or HTTP 410. */
  expiredWatchAs?: 'event' | 'status';
  /** Bearer token written to the kubeconfig and accepted. Default: random. Requests without a token are accepted too. */
  token?: string;
  /** Default 10.96.0.0/16. */
  serviceCidr?: string;
  /** Default [30000, 32767]. */
  nodePortRange?: [number, number];
  /** Pod network; nodes without a podCIDR get a /24 of it. Default 10.244.0.0/16. */
  clusterCidr?: string;
  /** LoadBalancer address pool (ranges or CIDRs). Default ['192.0.2.10-192.0.2.99']. */
  loadBalancerPool?: string[];
  /** Seed for ClusterIP and NodePort picks, so runs repeat. Default 1. */
  seed?: number;
  /** Default 100, as upstream. */
  maxEndpointsPerSlice?: number;
  /**
   * Set kind/apiVersion on the items of list responses (default true). Real
   * API servers leave them out of list items (watch events carry them);
   * false reproduces that, for testing clients that must not rely on them.
   */
  listItemTypeMeta?: boolean;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface SimCluster {
  url: string;
  /** Kubeconfig YAML text. */
  kubeconfig: string;
  kubeconfigPath?: string;
  port: number;
  token: string;
  scenario: string;
  close(): Promise<void>;
  /** Create an object directly (same rules as a POST). */
  create(obj: KubeObject): StoredObject;
  /** Replace an object directly (same rules as a PUT). */
  replace(obj: KubeObject): StoredObject;
  get(ref: ObjectRef): StoredObject | undefined;
  list(apiVersion: string, kind: string, namespace?: string): StoredObject[];
  /** Delete as a DELETE would (pods terminate gracefully unless gracePeriodSeconds is 0). */
  delete(ref: ObjectRef, options?: DeleteOptions): StoredObject;
  /** The store's current resourceVersion. */
  resourceVersion(): number;
  /** Resolves once every controller has caught up (pods scheduled, ready, slices written). */
  idle(timeoutMs?: number): Promise<void>;
  /** End every open watch stream (clients re-list or resume). */
  closeWatches(): void;
  /**
   * Apply manifests as `kubectl apply -f` would (strict field validation,
   * last-applied-configuration three-way merge), each object on its own:
   * one object's error does not stop the others. See `readManifests`.
   */
  applyManifests(objects: readonly Manifest[]): Promise<ApplyResult>;
}

function kind(apiVersion: string | undefined, k: string | undefined): ResourceType {
  const r = findByKind(apiVersion, k);
  if (!r) throw new Error(`sim-cluster does not serve ${String(apiVersion)} ${String(k)}`);
  return r;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE')
        reject(
          Object.assign(new Error(`port ${port} on 127.0.0.1 is already in use`), {
            code: 'EADDRINUSE',
          }),
        );
      else reject(err);
    };
    server.once('error', onError);
    server.listen({ port, host: '127.0.0.1' }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startSimCluster(options: SimClusterOptions = {}): Promise<SimCluster> {
  const log = options.log ?? (() => {});
  const scenarioName = options.scenario ?? 'demo';
  const scenario = loadScenario(scenarioName);
  const store = new Store({
    historySize: options.historySize,
    onListenerError: (err, e) =>
      log(
        `error: store listener failed on ${e.type} ${e.resource.kind} ${e.object.metadata.name}: ${String(err)}`,
      ),
  });
  const random = seededRandom(options.seed ?? 1);
  const registry = new Registry(
    store,
    new ServiceAllocations({
      serviceCidr: options.serviceCidr,
      nodePortRange: options.nodePortRange,
      random,
    }),
  );
  const onError = (name: string) => (err: unknown, key: string) =>
    log(`error: ${name} ${key}: ${err instanceof Error ? err.message : String(err)}`);
  const delay = (v: number | undefined, fallback: number) => Math.max(0, v ?? fallback);
  const owners = new OwnerIndex(store);
  const gc = new GarbageCollector(registry, owners, onError('garbage-collector'));
  const controllers: Controller[] = [
    gc,
    new DeploymentController(registry, owners, onError('deployment-controller')),
    new ReplicaSetController(registry, owners, R.replicaSets, onError('replicaset-controller')),
    new ReplicaSetController(
      registry,
      owners,
      R.replicationControllers,
      onError('replicationcontroller'),
    ),
    new StatefulSetController(registry, owners, onError('statefulset-controller')),
    new DaemonSetController(registry, owners, onError('daemonset-controller')),
    new NodeIpam(registry, options.clusterCidr ?? '10.244.0.0/16', onError('node-ipam-controller')),
    new Scheduler(registry, onError('scheduler')),
    new Kubelet(
      registry,
      {
        readyDelayMs: delay(options.readyDelayMs, 300),
        terminationDelayMs: delay(options.terminationDelayMs, 300),
        probeDelayScale: Math.max(0, options.probeDelayScale ?? 0),
      },
      onError('kubelet'),
    ),
    new EndpointSliceController(
      registry,
      onError('endpointslice-controller'),
      options.maxEndpointsPerSlice,
    ),
    new LoadBalancerController(
      registry,
      options.loadBalancerPool ?? ['192.0.2.10-192.0.2.99'],
      onError('loadbalancer-controller'),
    ),
    new IngressStatusController(registry, onError('ingress-controller')),
    new NamespaceController(registry, onError('namespace-controller')),
  ];
  const stopControllers = () => {
    controllers.forEach((c) => c.stop());
    owners.unsubscribe();
  };
  const watches = new WatchHub(store, {
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    expiredAs: options.expiredWatchAs ?? 'event',
  });
  const token = options.token ?? randomBytes(24).toString('hex');
  let address = '127.0.0.1:0';
  const server = createServer(
    createHandler({
      registry,
      watches,
      token,
      serverAddress: () => address,
      listItemTypeMeta: options.listItemTypeMeta ?? true,
      log: options.logRequests ? log : undefined,
    }),
  );
  try {
    applyScenario(registry, scenario, (line) => log(`warning: ${line}`));
  } catch (err) {
    stopControllers();
    throw err;
  }
  let port: number;
  try {
    port = await listen(server, options.port ?? 0);
  } catch (err) {
    stopControllers();
    throw err;
  }
  address = `127.0.0.1:${port}`;
  const url = `http://${address}`;
  const kubeconfig = kubeconfigYaml(url, token);
  if (options.kubeconfigPath) writeKubeconfig(options.kubeconfigPath, kubeconfig);

  let closed: Promise<void> | undefined;
  return {
    url,
    kubeconfig,
    kubeconfigPath: options.kubeconfigPath,
    port,
    token,
    scenario: scenarioName,
    create: (obj) =>
      registry.create(kind(obj.apiVersion, obj.kind), obj.metadata?.namespace, obj, {
        fieldValidation: 'Strict',
      }).object,
    replace: (obj) =>
      registry.replace(
        kind(obj.apiVersion, obj.kind),
        obj.metadata?.namespace,
        obj.metadata?.name ?? '',
        obj,
      ).object,
    get: (ref) => store.get(kind(ref.apiVersion, ref.kind), ref.namespace, ref.name),
    list: (apiVersion, k, namespace) => store.list(kind(apiVersion, k), namespace),
    delete: (ref, opts) =>
      registry.delete(kind(ref.apiVersion, ref.kind), ref.namespace, ref.name, opts),
    resourceVersion: () => store.resourceVersion,
    closeWatches: () => watches.closeAll(),
    applyManifests: (objects) => Promise.resolve(applyManifests(registry, objects)),
    idle: async (timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      // Two quiet turns in a row: a controller's write may wake another one.
      for (let quiet = 0; quiet < 2;) {
        if (Date.now() > deadline)
          throw new Error(`sim-cluster did not settle within ${timeoutMs}ms`);
        await new Promise((resolve) =>
          setTimeout(resolve, controllers.every((c) => c.idle()) ? 0 : 5),
        );
        quiet = controllers.every((c) => c.idle()) ? quiet + 1 : 0;
      }
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        stopControllers();
        watches.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
