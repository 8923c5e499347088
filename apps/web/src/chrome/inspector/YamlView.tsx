import { useMemo } from 'react';
import type { GraphNode } from '@portolan/topology';
import { toYamlText } from '../../model/yaml-text.js';
import { CopyButton } from './CopyButton.js';

/** The node's data as YAML-like text (a text node in a <pre>, never markup). */
export function YamlView({ node }: { node: GraphNode }) {
  const text = useMemo(() => toYamlText(node), [node]);
  return (
    <details className="pn-yaml">
      <summary>
        Data (YAML) <CopyButton text={text} what="YAML" />
      </summary>
      <pre>{text}</pre>
    </details>
  );
}
