import type { ReactNode } from 'react';
import { selectNode } from '../../store/view-actions.js';

/** The inspector panel: its accessible name, a heading, actions and a close button. */
export function InspectorFrame({
  name,
  actions,
  children,
}: {
  name: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <aside className="pn-inspector" aria-label={`Inspector: ${name}`}>
      <div className="pn-inspector-head">
        <h2>{name}</h2>
        {actions}
        <button
          type="button"
          className="pn-close"
          aria-label="Close inspector"
          onClick={() => selectNode(null)}
        >
          ×
        </button>
      </div>
      {children}
    </aside>
  );
}
