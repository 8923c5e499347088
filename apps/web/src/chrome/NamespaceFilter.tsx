import { useAppStore } from '../store/store.js';
import { setNamespaceFilter } from '../store/view-actions.js';
import { selectNamespaces } from '../view/select-visible-graph.js';

const ALL = '';

export function NamespaceFilter() {
  const namespaces = useAppStore(selectNamespaces);
  const current = useAppStore((s) => s.namespace);
  return (
    <label className="pn-field">
      <span>Namespace</span>
      <select
        value={current ?? ALL}
        onChange={(e) => setNamespaceFilter(e.target.value === ALL ? null : e.target.value)}
      >
        <option value={ALL}>All namespaces</option>
        {namespaces.map((ns) => (
          <option key={ns} value={ns}>
            {ns}
          </option>
        ))}
      </select>
    </label>
  );
}
