/**
 * Lane titles pinned to the top of the canvas: they follow the lanes when
 * panning or zooming sideways, but stay visible when scrolling down.
 */
import { useViewport } from '@xyflow/react';
import { LANES } from '@portolan/topology';
import { NODE_W, laneX } from '../layout/geometry.js';
import { LANE_TITLE } from '../model/kind-meta.js';

const HINT: Record<string, string> = {
  external: 'clients',
  entry: 'LB · Ingress · ExternalIP',
  nodeport: 'on every node',
  service: 'ClusterIP',
  pod: 'endpoints',
};

export function LaneHeaders() {
  const { x, zoom } = useViewport();
  return (
    <div className="pn-lane-headers" aria-label="Lanes">
      {LANES.map((lane) => (
        <div
          key={lane}
          className="pn-lane-header"
          role="heading"
          aria-level={2}
          style={{ left: x + laneX(lane) * zoom, width: Math.max(NODE_W * zoom, 120) }}
        >
          <span className="pn-lane-title">{LANE_TITLE[lane]}</span>
          <span className="pn-lane-hint">{HINT[lane]}</span>
        </div>
      ))}
    </div>
  );
}
