/** Copies a name or address; says so for a moment. */
import { useState } from 'react';

export function CopyButton({ text, what }: { text: string; what: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="pn-copy"
      aria-label={`Copy ${what}`}
      title={`Copy ${text}`}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1200);
          },
          () => setCopied(false),
        );
      }}
    >
      <span aria-hidden="true">{copied ? '✓ copied' : 'copy'}</span>
      {copied && <span className="pn-sr-only">copied</span>}
    </button>
  );
}
