import { useAppStore } from '../store/store.js';

/** Before the first snapshot, or when the cluster has nothing to draw. */
export function EmptyState() {
  const snapshots = useAppStore((s) => s.snapshotCount);
  const empty = useAppStore((s) => s.nodes.size === 0);
  if (!empty) return null;
  return (
    <div className="pn-empty" role="status">
      {snapshots === 0
        ? 'Waiting for the first snapshot from the server…'
        : 'Nothing to draw: no Services or Pods yet.'}
    </div>
  );
}
