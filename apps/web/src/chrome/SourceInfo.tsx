import { useAppStore } from '../store/store.js';
import { ContextPicker } from './ContextPicker.js';

/** What the server watches: context and cluster (never credentials), and whether it is simulated. */
export function SourceInfo() {
  const source = useAppStore((s) => s.source);
  if (!source) return <span className="pn-source pn-muted">no source yet</span>;
  return (
    <span className="pn-source" title={`context ${source.context} · ${source.cluster}`}>
      <ContextPicker current={source.context} />
      <span className="pn-muted pn-source-cluster"> · {source.cluster}</span>
      {source.simulated && <span className="pn-chip pn-chip-sim">simulated</span>}
    </span>
  );
}
