import { setNamespaceExpanded, setNamespaceFilter } from '../../store/view-actions.js';
import {
  nsGroupAccessibleName,
  nsGroupEntriesText,
  nsGroupLines,
  type NamespaceGroup,
} from '../../view/namespace-groups.js';
import { InspectorFrame } from './InspectorFrame.js';

/** A folded namespace's details: its counts, and the ways to open it. */
export function NamespaceGroupInspector({ group }: { group: NamespaceGroup }) {
  const lines = nsGroupLines(group);
  return (
    <InspectorFrame name={nsGroupAccessibleName(group)}>
      <p>
        The map spans many namespaces, so each is folded into one card. Open this one card by card,
        or show only it.
      </p>
      <button
        type="button"
        className="pn-button"
        onClick={() => setNamespaceExpanded(group.namespace, true, group.firstService)}
      >
        Show its {group.serviceCount} Services here
      </button>{' '}
      <button
        type="button"
        className="pn-button"
        onClick={() => setNamespaceFilter(group.namespace)}
      >
        Show only namespace {group.namespace}
      </button>
      <h3>Counts</h3>
      <ul className="pn-connections">
        <li>
          {lines.services}: {lines.types}
        </li>
        <li>{nsGroupEntriesText(group)}</li>
        <li>{lines.pods}</li>
        <li>Findings: {lines.findings}</li>
      </ul>
    </InspectorFrame>
  );
}
