import { connectionPill } from '../model/connection-text.js';
import { useAppStore } from '../store/store.js';

export function ConnectionStatus() {
  const pill = connectionPill(useAppStore((s) => s.connection));
  return (
    <span
      className={`pn-pill pn-tone-${pill.tone}`}
      role="status"
      aria-label={`Connection: ${pill.text}`}
    >
      <span aria-hidden="true">{pill.icon}</span> {pill.text}
    </span>
  );
}
