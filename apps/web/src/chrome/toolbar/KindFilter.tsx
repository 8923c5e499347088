/** Show/hide node kinds: one toggle button per kind, pressed = shown. */
import type { NodeKind } from '@portolan/topology';
import { KIND_BADGE, KIND_TITLE } from '../../model/kind-meta.js';
import { useAppStore } from '../../store/store.js';
import { toggleKind } from '../../store/view-actions.js';

const KINDS = Object.keys(KIND_TITLE).filter((k) => k !== 'external') as NodeKind[];

export function KindFilter() {
  const hidden = useAppStore((s) => s.hiddenKinds);
  return (
    <div className="pn-kind-filter" role="group" aria-label="Kinds shown">
      {KINDS.map((k) => (
        <button
          key={k}
          type="button"
          className="pn-toggle"
          aria-pressed={!hidden.has(k)}
          title={`${hidden.has(k) ? 'Show' : 'Hide'} ${KIND_TITLE[k]} nodes`}
          aria-label={KIND_TITLE[k]}
          onClick={() => toggleKind(k)}
        >
          <span aria-hidden="true">{hidden.has(k) ? '○' : '●'}</span> {KIND_BADGE[k]}
        </button>
      ))}
    </div>
  );
}
