/** The second header row: search, filters, focus. */
import { useAppStore } from '../../store/store.js';
import { setFindingsOnly } from '../../store/view-actions.js';
import { NamespaceFilter } from '../NamespaceFilter.js';
import { FocusChip } from './FocusChip.js';
import { KindFilter } from './KindFilter.js';
import { SearchBox } from './SearchBox.js';
import { VerdictFilter } from './VerdictFilter.js';

export function Toolbar() {
  const findingsOnly = useAppStore((s) => s.findingsOnly);
  return (
    <div className="pn-toolbar" role="search">
      <SearchBox />
      <NamespaceFilter />
      <KindFilter />
      <button
        type="button"
        className="pn-toggle"
        aria-pressed={findingsOnly}
        onClick={() => setFindingsOnly(!findingsOnly)}
        title="Only nodes with findings, and the paths through them"
      >
        <span aria-hidden="true">{findingsOnly ? '☑' : '☐'}</span> Findings only
      </button>
      <VerdictFilter />
      <FocusChip />
    </div>
  );
}
