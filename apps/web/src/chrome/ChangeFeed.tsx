/** Recent changes from the stream, newest first; an entry about a node that still exists reveals it. */
import { useAppStore } from '../store/store.js';
import { revealNode, togglePanel } from '../store/view-actions.js';

const clock = (at: number): string => new Date(at).toLocaleTimeString([], { hour12: false });

export function ChangeFeed() {
  const open = useAppStore((s) => s.panel === 'changes');
  const changes = useAppStore((s) => s.changes);
  const nodes = useAppStore((s) => s.nodes);
  if (!open) return null;
  return (
    <aside id="pn-changes-panel" className="pn-side-panel" aria-label="Changes">
      <div className="pn-inspector-head">
        <h2>Changes</h2>
        <button
          type="button"
          className="pn-close"
          aria-label="Close changes"
          onClick={() => togglePanel('changes')}
        >
          ×
        </button>
      </div>
      <ol className="pn-feed">
        {changes.map((c) => (
          <li key={`${c.revision}-${c.i}`}>
            <time className="pn-muted">{clock(c.at)}</time>{' '}
            {c.nodeId !== undefined && nodes.has(c.nodeId) ? (
              <button type="button" className="pn-link" onClick={() => revealNode(c.nodeId!)}>
                {c.text}
              </button>
            ) : (
              <span>{c.text}</span>
            )}
          </li>
        ))}
        {changes.length === 0 && (
          <li className="pn-muted">Nothing has changed since the page loaded.</li>
        )}
      </ol>
    </aside>
  );
}
