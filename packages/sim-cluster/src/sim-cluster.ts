/**
 * Assembles a simulated cluster: store, registry, controllers, the HTTP
 * API on 127.0.0.1, a scenario, and a kubeconfig pointing at it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
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
import { Registry } from './registry.js';
import { R, findByKind, type ResourceType } from './resources.js';
import { DaemonSetController } from './controllers/daemonsets.js';
import { DeploymentController } from './controllers/deployments.js';
import { GarbageCollector } from './controllers/garbage-collector.js';
import { OwnerIndex } from './controllers/owner-index.js';
import { ReplicaSetController } from './controllers/replicasets.js';
import { StatefulSetController } from './controllers/statefulsets.js';
import { Churn } from './churn.js';
import { Faults } from './faults.js';
import { sharedTls } from './tls.js';
import { applyManifests } from './manifests.js';
import type { SimCluster, SimClusterOptions } from './sim-types.js';
import { applyScenario, loadScenario } from './scenarios.js';
import { ServiceAllocations } from './service-allocation.js';
import { Store } from './store.js';
import { WatchHub } from './watch.js';

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
  registry.managedFields = options.managedFields ?? true;
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
  const churn = new Churn(registry, (err) => log(`warning: churn: ${String(err)}`));
  const stopControllers = () => {
    churn.stop();
    controllers.forEach((c) => c.stop());
    owners.unsubscribe();
  };
  let restart: () => Promise<void> = () => Promise.resolve();
  const watches = new WatchHub(store, {
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    expiredAs: options.expiredWatchAs ?? 'event',
    drops: (plural) => faults.drops(plural),
  });
  const faults = new Faults({
    closeWatches: () => watches.closeAll(),
    setStalled: (on) => watches.setStalled(on),
    stallOpen: (): number => watches.stallOpen(),
    expireHistory: () => store.compact(),
    expireBefore: (rv: number): number => {
      store.compactTo(rv);
      return watches.expireBefore(rv);
    },
    restart: () => restart(),
  });
  const users = options.users ?? [];
  const token = options.token ?? randomBytes(24).toString('hex');
  let address = '127.0.0.1:0';
  const tls = (options.tls ?? true) ? sharedTls() : undefined;
  const handler = createHandler({
    registry,
    watches,
    faults,
    users,
    orphan: (uid) => gc.orphan(uid),
    continueTtlMs: options.continueTtlMs ?? 300_000,
    token,
    serverAddress: () => address,
    listItemTypeMeta: options.listItemTypeMeta ?? true,
    log: options.logRequests ? log : undefined,
  });
  const server: Server = tls
    ? createHttpsServer({ key: tls.keyPem, cert: tls.certPem }, handler)
    : createServer(handler);
  // Every socket, from accept on: closeAllConnections() misses a TLS socket
  // still in its handshake, which would keep close() waiting for ever.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
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
  const url = `${tls ? 'https' : 'http'}://${address}`;
  const kubeconfig = kubeconfigYaml(url, token, 'default', users, tls?.caPem);
  restart = async () => {
    // Watches end cleanly, idle connections close, the rest are cut shortly after.
    watches.closeAll();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 50).unref();
    });
    await listen(server, port);
  };
  if (options.kubeconfigPath) writeKubeconfig(options.kubeconfigPath, kubeconfig);

  if (options.churn) churn.start({ rate: options.churn, seed: options.seed });
  let closed: Promise<void> | undefined;
  return {
    url,
    kubeconfig,
    caPem: tls?.caPem,
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
    churn: {
      start: (opts) => churn.start(opts),
      stop: () => churn.stop(),
      stats: () => churn.stats(),
    },
    faults: {
      state: () => ({ ...faults.state }),
      apply: (request) => faults.apply(request),
      restart: () => restart(),
    },
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
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}
