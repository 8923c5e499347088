export * from './objects.js';
export * from './graph.js';
export * from './protocol.js';
export * from './ids.js';
export { slim, slimSelector, SlimError, rawKind } from './slim.js';
export { matchesMap, matchesSelector, selectorText } from './selectors.js';
export { ObjectStore } from './store.js';
export { TopologyEngine, buildGraph, applyDelta } from './engine.js';
export { dnsNames, resolveTargetPort, SERVICE_TYPES, NODE_PORT_RANGE } from './service.js';
export * from './netpol/index.js';
export { describePaths, workloadOf } from './paths.js';
export {
  QueryError,
  connection,
  reachability,
  resolveEnd,
  parsePort,
  parseProtocol,
} from './connectivity.js';
export type { ConnectionAnswer, Reachability, ReachRow } from './connectivity.js';
export { connectivityReport, reportText, identity } from './report.js';
export type { ConnectivityReport, Connection, PodConnection, PodIdentity } from './report.js';
export { ScopedView, scopeGraph, namespaceOfId, edgeEnds } from './scope.js';
