import type { MouseEvent } from 'react';
import { useExport } from './useExport.js';

/** Close the menu once a choice is made. */
const done = (e: MouseEvent<HTMLElement>): void =>
  e.currentTarget.closest('details')?.removeAttribute('open');

/** Export the view (PNG, SVG) or the graph (JSON). */
export function ExportMenu() {
  const { png, svg, json } = useExport();
  return (
    <details className="pn-menu">
      <summary className="pn-button">Export</summary>
      <div className="pn-menu-items" role="group" aria-label="Export">
        <button
          type="button"
          className="pn-button"
          onClick={(e) => {
            done(e);
            void png();
          }}
        >
          View as PNG
        </button>
        <button
          type="button"
          className="pn-button"
          onClick={(e) => {
            done(e);
            void svg();
          }}
        >
          View as SVG
        </button>
        <button
          type="button"
          className="pn-button"
          onClick={(e) => {
            done(e);
            json();
          }}
        >
          Graph as JSON
        </button>
      </div>
    </details>
  );
}
