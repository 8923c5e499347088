import type { PodGroup } from '../../view/aggregate.js';
import { groupAccessibleName, groupCountsText } from '../../view/aggregate.js';
import { useAppStore } from '../../store/store.js';
import { revealNode, setExpanded } from '../../store/view-actions.js';
import { InspectorFrame } from './InspectorFrame.js';

/** A group card's details: counts, members, and the way to show them one by one. */
export function GroupInspector({ group }: { group: PodGroup }) {
  const nodes = useAppStore((s) => s.nodes);
  const name = groupAccessibleName(group);
  return (
    <InspectorFrame name={name}>
      <p>{groupCountsText(group)}</p>
      <button
        type="button"
        className="pn-button"
        onClick={() => {
          setExpanded(group.serviceId, true);
          revealNode(group.serviceId);
        }}
      >
        Show all {group.members.length} pods
      </button>
      <h3>Pods</h3>
      <ul className="pn-connections">
        {group.members.slice(0, 200).map((id) => (
          <li key={id}>{nodes.get(id)?.name ?? id}</li>
        ))}
        {group.members.length > 200 && (
          <li className="pn-muted">… and {group.members.length - 200} more</li>
        )}
      </ul>
    </InspectorFrame>
  );
}
