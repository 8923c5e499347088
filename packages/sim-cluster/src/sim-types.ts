/** The options and the handle of a simulated cluster. */
import type { ChurnOptions, ChurnStats } from './churn.js';
import type { FaultRequest, FaultState } from './faults.js';
import type { ApplyResult, Manifest } from './manifests.js';
import type { SimUser } from './rbac.js';
import type { DeleteOptions } from './registry.js';
import type { KubeObject, StoredObject } from './types.js';

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
  /** Start the churn generator at this many changes per second (default: off). */
  churn?: number;
  /** Continue tokens of paginated lists expire after this long (410 Expired). Default 300000. */
  continueTtlMs?: number;
  /**
   * Serve HTTPS with a CA of its own (in the kubeconfig as
   * certificate-authority-data), as a real cluster does. Default true; false
   * serves plain HTTP and the kubeconfig says insecure-skip-tls-verify.
   */
  tls?: boolean;
  /**
   * Write metadata.managedFields on every write, as API servers do (default
   * true). They roughly triple an object's size; false for lean benchmarks.
   */
  managedFields?: boolean;
  /** Extra kubeconfig users with their own tokens, denied some resources (see rbac.ts). */
  users?: SimUser[];
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
  /** The CA certificate (PEM) when serving TLS. */
  caPem?: string;
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
  /** The churn generator (random scale/restart/kill/edit at a rate); see churn.ts. */
  churn: {
    start(options?: ChurnOptions): void;
    stop(): void;
    stats(): ChurnStats;
  };
  /** Fault injection (also over HTTP at `/sim/faults`); see faults.ts. */
  faults: {
    state(): FaultState;
    apply(request: FaultRequest): Promise<FaultState>;
    /** Close every connection and listen again on the same port, keeping all data. */
    restart(): Promise<void>;
  };
}
