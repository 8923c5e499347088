/**
 * An edge with its port mappings as a label, one line per mapping, plus the
 * Ingress rule when there is one and the state in words when it is not a
 * normal one. Style by state lives in canvas.css (solid, dashed, dotted).
 */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { EDGE_STATE_TEXT } from '../../model/node-summary.js';
import type { FlowEdge } from '../../view/to-flow.js';
import { edgeGeometry } from './edge-path.js';

/** Vertical distance between the labels of parallel edges. */
const LABEL_STACK = 44;

export function PortEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
  markerEnd,
}: EdgeProps<FlowEdge>) {
  const { path, labelX, labelY } = edgeGeometry(sourceX, sourceY, targetX, targetY);
  if (!data) return <BaseEdge id={id} path={path} markerEnd={markerEnd} />;
  const { edge, portLines, active, parallel } = data;
  const dy = (parallel.index - (parallel.count - 1) / 2) * LABEL_STACK;
  const stateText = EDGE_STATE_TEXT[edge.state];
  const hasLabel = portLines.length > 0 || edge.label !== undefined || stateText !== undefined;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} interactionWidth={12} />
      {hasLabel && (
        <EdgeLabelRenderer>
          <div
            className={`pn-edge-label pn-edge-label-${edge.state}${active ? ' is-active' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + dy}px)` }}
          >
            {edge.label !== undefined && <div className="pn-edge-rule">{edge.label}</div>}
            {portLines.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
            {stateText !== undefined && <div className="pn-edge-state">{stateText}</div>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
