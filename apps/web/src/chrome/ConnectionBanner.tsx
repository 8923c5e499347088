import { connectionBanner } from '../model/connection-text.js';
import { useAppStore } from '../store/store.js';

/** A visible banner while the stream is down or the data is stale; gone once data flows again. */
export function ConnectionBanner() {
  const connection = useAppStore((s) => s.connection);
  const stale = useAppStore((s) => s.stale);
  const banner = connectionBanner(connection, stale);
  if (!banner) return null;
  return (
    <div className="pn-banner" role="alert">
      <strong>{banner.title}</strong> <span className="pn-banner-detail">{banner.detail}</span>
    </div>
  );
}
