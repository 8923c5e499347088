/**
 * Read-only details of the selected node. Everything is rendered as text:
 * object names and labels are data, never markup.
 */
import { useMemo } from 'react';
import type { EdgeId } from '@portolan/topology';
import { nodeAccessibleName, qualifiedName } from '../../model/a11y.js';
import { nodeConnections } from '../../model/connections.js';
import { SEVERITY_MARK } from '../../model/findings-order.js';
import { inspectorFields } from '../../model/inspector-fields.js';
import { useAppStore } from '../../store/store.js';
import {
  selectNode,
  setExpanded,
  setFocus,
  setNamespaceExpanded,
} from '../../store/view-actions.js';
import { POD_GROUP_THRESHOLD } from '../../view/aggregate.js';
import { selectCollapsePlan, selectNamespacePlan } from '../../view/select-visible-graph.js';
import { PodPolicySection } from '../policy/PodPolicySection.js';
import { EdgeInspector } from './EdgeInspector.js';
import { GroupInspector } from './GroupInspector.js';
import { NamespaceGroupInspector } from './NamespaceGroupInspector.js';
import { CopyButton } from './CopyButton.js';
import { EndpointsTable } from './EndpointsTable.js';
import { FieldList } from './FieldList.js';
import { PortsTable } from './PortsTable.js';
import { YamlView } from './YamlView.js';
import { InspectorFrame } from './InspectorFrame.js';

export function Inspector() {
  const selection = useAppStore((s) => s.selection);
  const node = useAppStore((s) => (s.selection === null ? undefined : s.nodes.get(s.selection)));
  const edges = useAppStore((s) => s.edges);
  const nodes = useAppStore((s) => s.nodes);
  const findings = useAppStore((s) => s.findings);
  const connections = useMemo(
    () => (selection === null ? [] : nodeConnections(selection, edges, nodes)),
    [selection, edges, nodes],
  );
  const nodeFindings = useMemo(
    () =>
      selection === null ? [] : [...findings.values()].filter((f) => f.nodeIds.includes(selection)),
    [selection, findings],
  );
  const group = useAppStore((s) => selectCollapsePlan(s).groups.find((g) => g.id === s.selection));
  const nsGroup = useAppStore((s) =>
    selectNamespacePlan(s).groups.find((g) => g.id === s.selection),
  );
  const expanded = useAppStore((s) => s.selection !== null && s.expanded.has(s.selection));
  const nsOpened = useAppStore(
    (s) => node?.namespace !== undefined && s.expandedNamespaces.has(node.namespace),
  );
  const selectedEdge = useAppStore((s) =>
    s.selection === null || node ? undefined : s.edges.get(s.selection as string as EdgeId),
  );
  if (group) return <GroupInspector group={group} />;
  if (nsGroup) return <NamespaceGroupInspector group={nsGroup} />;
  if (selectedEdge) return <EdgeInspector edge={selectedEdge} />;
  if (!node) return null;
  const name = nodeAccessibleName(node);
  return (
    <InspectorFrame name={name} actions={<CopyButton text={qualifiedName(node)} what="name" />}>
      {(node.kind === 'service' || node.kind === 'ingress') && (
        <button type="button" className="pn-button" onClick={() => setFocus(node.id)}>
          Focus on its paths
        </button>
      )}
      {expanded &&
        node.kind === 'service' &&
        node.endpointCounts.ready + node.endpointCounts.notReady > POD_GROUP_THRESHOLD && (
          <button type="button" className="pn-button" onClick={() => setExpanded(node.id, false)}>
            Group its pods
          </button>
        )}
      {nsOpened && node.namespace !== undefined && (
        <button
          type="button"
          className="pn-button"
          onClick={() => {
            if (node.namespace !== undefined) setNamespaceExpanded(node.namespace, false);
            selectNode(null);
          }}
        >
          Fold namespace {node.namespace}
        </button>
      )}
      <FieldList fields={inspectorFields(node)} />
      {nodeFindings.length > 0 && (
        <section>
          <h3>Findings</h3>
          <ul className="pn-findings">
            {nodeFindings.map((f) => (
              <li key={f.id} className={`pn-finding pn-finding-${f.severity}`}>
                <strong>{SEVERITY_MARK[f.severity] ?? f.severity}</strong> <code>{f.code}</code>
                <div>{f.message}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {node.kind === 'pod' && <PodPolicySection node={node} />}
      {node.kind === 'service' && <PortsTable ports={node.ports} />}
      {node.kind === 'service' && <EndpointsTable serviceId={node.id} />}
      <section>
        <h3>Connections</h3>
        <ul className="pn-connections">
          {connections.map((c) => (
            <li key={c.id}>
              <span aria-hidden="true">{c.direction === 'in' ? '← ' : '→ '}</span>
              <span className="pn-sr-only">{c.direction === 'in' ? 'from ' : 'to '}</span>
              {c.other}
              {c.detail && <div className="pn-muted">{c.detail}</div>}
            </li>
          ))}
          {connections.length === 0 && <li className="pn-muted">none</li>}
        </ul>
      </section>
      <YamlView node={node} />
    </InspectorFrame>
  );
}
