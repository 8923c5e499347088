/**
 * An edge with its label: the Ingress rule when there is one, one line per
 * port mapping, and the state in words when it is not a normal one. Style by
 * state lives in canvas.css (solid, dashed, dotted). Where the label sits is
 * decided in view/to-flow.ts so labels do not cover each other.
 */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { policyChipName, policyChipText, policyDescription } from '../../model/policy-text.js';
import { selectEdge } from '../../store/view-actions.js';
import type { FlowEdge } from '../../view/to-flow.js';
import { edgeGeometry, labelTransform } from './edge-path.js';

export function PortEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
  markerEnd,
}: EdgeProps<FlowEdge>) {
  const { path, labelX, labelY, anchor } = edgeGeometry(
    sourceX,
    sourceY,
    targetX,
    targetY,
    data?.edge.kind,
  );
  // A perfectly level edge has a zero-height box, which browsers (and browser
  // tests) treat as invisible; this empty frame gives every edge a real box.
  const frame = (
    <rect
      x={Math.min(sourceX, targetX)}
      y={Math.min(sourceY, targetY) - 4}
      width={Math.abs(targetX - sourceX)}
      height={Math.abs(targetY - sourceY) + 8}
      fill="none"
      stroke="none"
      pointerEvents="none"
    />
  );
  const hasLabel =
    data !== undefined &&
    (data.ports.length > 0 ||
      data.edge.label !== undefined ||
      data.stateText !== undefined ||
      data.edge.policy !== undefined);
  if (!data || !hasLabel) {
    return (
      <>
        {frame}
        <BaseEdge id={id} path={path} markerEnd={markerEnd} interactionWidth={12} />
      </>
    );
  }
  const { edge, ports, stateText, active, dimmed, labelDy, name } = data;
  return (
    <>
      {frame}
      <BaseEdge id={id} path={path} markerEnd={markerEnd} interactionWidth={12} />
      <EdgeLabelRenderer>
        <div
          className={`pn-edge-label pn-edge-label-${edge.state}${active ? ' is-active' : ''}${dimmed ? ' is-dimmed' : ''}`}
          style={{ transform: labelTransform(anchor, labelX, labelY + labelDy) }}
        >
          {edge.label !== undefined && <div className="pn-edge-rule">{edge.label}</div>}
          {ports.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
          {stateText !== undefined && <div className="pn-edge-state">{stateText}</div>}
          {edge.policy !== undefined && (
            <button
              type="button"
              className={`pn-policy-chip pn-policy-chip-${edge.policy.status} nodrag nopan`}
              aria-label={policyChipName(edge.policy, name)}
              title={policyDescription(edge.policy)}
              aria-description={policyDescription(edge.policy)}
              onClick={(e) => {
                e.stopPropagation();
                selectEdge(edge.id);
              }}
            >
              {policyChipText(edge.policy)}
            </button>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
