/**
 * Memoised selectors over the store. The visible graph is recomputed only
 * when one of its inputs changes identity (the store always replaces Maps),
 * so components can select it directly without re-rendering loops.
 */
import type { AppState } from '../store/store.js';
import { planCollapse, type CollapsePlan } from './aggregate.js';
import { deriveVisibleGraph, namespacesOf, type VisibleGraph } from './derive-visible-graph.js';
import {
  planNamespaceCollapse,
  selectionNamespace,
  type NamespacePlan,
} from './namespace-groups.js';

function memoByInputs<I extends unknown[], R>(
  inputs: (s: AppState) => I,
  compute: (...args: I) => R,
): (s: AppState) => R {
  let last: { args: I; result: R } | undefined;
  return (s) => {
    const args = inputs(s);
    if (last && args.length === last.args.length && args.every((a, i) => a === last?.args[i])) {
      return last.result;
    }
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}

export const selectCollapsePlan: (s: AppState) => CollapsePlan = memoByInputs(
  (s): [AppState['nodes'], AppState['edges'], AppState['expanded']] => [
    s.nodes,
    s.edges,
    s.expanded,
  ],
  (nodes, edges, expanded) => planCollapse(nodes, edges, expanded),
);

/** The user narrowed the view: no namespace is folded. */
const narrowed = (s: AppState): boolean =>
  s.namespace !== null ||
  s.search.trim() !== '' ||
  s.focus !== null ||
  s.findingsOnly ||
  s.verdict !== null;

export const selectNamespacePlan: (s: AppState) => NamespacePlan = memoByInputs(
  (
    s,
  ): [
    CollapsePlan,
    AppState['nodes'],
    AppState['edges'],
    AppState['findings'],
    boolean,
    string | undefined,
    AppState['expandedNamespaces'],
  ] => [
    selectCollapsePlan(s),
    s.nodes,
    s.edges,
    s.findings,
    narrowed(s),
    selectionNamespace(s.selection, s.nodes, s.edges),
    s.expandedNamespaces,
  ],
  (plan, nodes, edges, findings, isNarrowed, selectedNs, expanded) =>
    planNamespaceCollapse(
      nodes,
      edges,
      findings,
      plan,
      selectedNs === undefined ? expanded : new Set([...expanded, selectedNs]),
      isNarrowed,
    ),
);

export const selectVisibleGraph: (s: AppState) => VisibleGraph = memoByInputs(
  (s) =>
    [
      selectCollapsePlan(s),
      selectNamespacePlan(s),
      s.nodes,
      s.edges,
      s.findings,
      s.highlights,
      s.selection,
      s.namespace,
      s.search,
      s.focus,
      s.hiddenKinds,
      s.findingsOnly,
      s.verdict,
    ] as [
      CollapsePlan,
      NamespacePlan,
      AppState['nodes'],
      AppState['edges'],
      AppState['findings'],
      AppState['highlights'],
      AppState['selection'],
      AppState['namespace'],
      AppState['search'],
      AppState['focus'],
      AppState['hiddenKinds'],
      AppState['findingsOnly'],
      AppState['verdict'],
    ],
  (
    plan,
    nsPlan,
    nodes,
    edges,
    findings,
    highlights,
    selection,
    namespace,
    search,
    focus,
    hiddenKinds,
    findingsOnly,
    verdict,
  ) =>
    deriveVisibleGraph(
      { nodes, edges, findings, highlights, plan, nsPlan },
      { selection, namespace, search, focus, hiddenKinds, findingsOnly, verdict },
    ),
);

export const selectNamespaces: (s: AppState) => string[] = memoByInputs(
  (s): [AppState['nodes']] => [s.nodes],
  namespacesOf,
);
