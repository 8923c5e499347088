/**
 * @portolan/sim-cluster: a simulated Kubernetes API server. Start one with
 * `startSimCluster()`, point any Kubernetes client at its kubeconfig.
 */
export { startSimCluster } from './sim-cluster.js';
export type { ObjectRef, SimCluster, SimClusterOptions } from './sim-types.js';
export type { FaultRequest, FaultState } from './faults.js';
export type { SimUser } from './rbac.js';
export { isScenarioName, SCENARIOS, UnknownScenarioError } from './scenarios.js';
export { CORPUS_APPS, CorpusMissingError } from './corpus.js';
export { READY_ANNOTATION } from './controllers/kubelet.js';
export { PUBLISH_SERVICE_ANNOTATION } from './controllers/ingress-status.js';
export type { KubeObject, StoredObject } from './types.js';
export type { DeleteOptions } from './registry.js';
export { readManifests, parseManifests, LAST_APPLIED } from './manifests.js';
export type {
  AppliedRef,
  ApplyResult,
  Manifest,
  ManifestError,
  ManifestSource,
} from './manifests.js';
export type { ChurnAction, ChurnOptions, ChurnStats } from './churn.js';
