import type { PodGroup } from '../../view/aggregate.js';
import { groupAccessibleName, groupCountsText } from '../../view/aggregate.js';
import { useAppStore } from '../../store/store.js';
import { revealNode, selectNode, setExpanded } from '../../store/view-actions.js';

/** A group card's details: counts, members, and the way to show them one by one. */
export function GroupInspector({ group }: { group: PodGroup }) {
  const nodes = useAppStore((s) => s.nodes);
  const name = groupAccessibleName(group);
  return (
    <aside className="pn-inspector" aria-label={`Inspector: ${name}`}>
      <div className="pn-inspector-head">
        <h2>{name}</h2>
        <button
          type="button"
          className="pn-close"
          aria-label="Close inspector"
          onClick={() => selectNode(null)}
        >
          ×
        </button>
      </div>
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
    </aside>
  );
}
