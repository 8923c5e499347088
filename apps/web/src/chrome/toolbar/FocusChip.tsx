/** What the view is focused on, with a way out. */
import { nodeAccessibleName } from '../../model/a11y.js';
import { useAppStore } from '../../store/store.js';
import { setFocus } from '../../store/view-actions.js';

export function FocusChip() {
  const focus = useAppStore((s) => s.focus);
  const node = useAppStore((s) => (s.focus === null ? undefined : s.nodes.get(s.focus)));
  if (focus === null) return null;
  const name = node ? nodeAccessibleName(node) : focus;
  return (
    <span className="pn-focus-chip" role="status">
      <span>Focus: {name}</span>
      <button
        type="button"
        className="pn-chip-close"
        aria-label="Leave focus"
        title="Leave focus (Esc)"
        onClick={() => setFocus(null)}
      >
        ×
      </button>
    </span>
  );
}
