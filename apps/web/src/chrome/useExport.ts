/** Export the current view as PNG or SVG (html-to-image) and the graph as JSON. */
import { useCallback } from 'react';
import { toPng, toSvg } from 'html-to-image';
import { exportFileName, graphJson } from '../model/export-graph.js';
import { getState } from '../store/store.js';

function download(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Leave the zoom buttons and the attribution out of the picture. */
const keep = (el: HTMLElement): boolean =>
  !(
    el.classList?.contains('react-flow__controls') ||
    el.classList?.contains('react-flow__attribution')
  );

export function useExport(): {
  png: () => Promise<void>;
  svg: () => Promise<void>;
  json: () => void;
} {
  const picture = useCallback(async (kind: 'png' | 'svg') => {
    const el = document.querySelector<HTMLElement>('.pn-canvas');
    if (!el) return;
    const s = getState();
    const bg = getComputedStyle(el).getPropertyValue('--pn-bg').trim() || '#ffffff';
    const options = { backgroundColor: bg, filter: keep, pixelRatio: 2 };
    try {
      const url = kind === 'png' ? await toPng(el, options) : await toSvg(el, options);
      download(url, exportFileName(s.source?.context, s.revision, kind));
    } catch (err) {
      console.error(`portolan export ${kind} failed`, err);
      window.alert(`Export as ${kind.toUpperCase()} failed: ${String(err)}`);
    }
  }, []);
  const json = useCallback(() => {
    const s = getState();
    const text = graphJson(
      {
        revision: s.revision,
        nodes: s.nodes,
        edges: s.edges,
        findings: s.findings,
        context: s.source?.context,
        view: window.location.search,
      },
      new Date(),
    );
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    download(url, exportFileName(s.source?.context, s.revision, 'json'));
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, []);
  return { png: () => picture('png'), svg: () => picture('svg'), json };
}
