/** Search box: `/` focuses it (useKeyboardShortcuts), Esc in it clears and leaves it. */
import { useAppStore } from '../../store/store.js';
import { setSearch } from '../../store/view-actions.js';
import { selectVisibleGraph } from '../../view/select-visible-graph.js';

export const SEARCH_INPUT_ID = 'pn-search';

export function SearchBox() {
  const search = useAppStore((s) => s.search);
  const matches = useAppStore((s) => selectVisibleGraph(s).matchCount);
  return (
    <div className="pn-search">
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        aria-label="Search"
        placeholder="Search: name, app=web, 10.96.0.1, 8080, name.ns.svc   ( / )"
        value={search}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setSearch('');
            e.currentTarget.blur();
            e.stopPropagation();
          }
        }}
      />
      {search.trim() !== '' && (
        <span className="pn-search-count" role="status">
          {matches === 0 ? 'no match' : `${matches} match${matches === 1 ? '' : 'es'}`}
        </span>
      )}
    </div>
  );
}
