/** The graph canvas: React Flow with our cards, port edges, lane headers and namespace labels. */
import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  type EdgeMouseHandler,
  type NodeChange,
  type NodeMouseHandler,
} from '@xyflow/react';
import { useCallback } from 'react';
import { selectEdge, selectNode } from '../store/view-actions.js';
import { useFlowElements } from '../view/useFlowElements.js';
import type { FlowEdge, FlowNode } from '../view/to-flow.js';
import { LaneHeaders } from './LaneHeaders.js';
import { NamespaceLabels } from './NamespaceLabels.js';
import { edgeTypes, nodeTypes } from './node-types.js';
import { FIT_MAX_ZOOM } from './fit-viewport.js';
import { FitView } from './FitView.js';
import { useKeyboardNav } from './useKeyboardNav.js';
import { useWindowedElements } from './useWindowedElements.js';

export function Canvas() {
  const all = useFlowElements();
  const { nodes, edges } = useWindowedElements(all);
  const onNodeClick = useCallback<NodeMouseHandler<FlowNode>>((_, n) => selectNode(n.id), []);
  const onEdgeClick = useCallback<EdgeMouseHandler<FlowEdge>>((_, e) => selectEdge(e.id), []);
  const onPaneClick = useCallback(() => selectNode(null), []);
  // Keyboard selection (Enter/Space on a focused card) arrives as a select change.
  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    for (const c of changes) if (c.type === 'select' && c.selected) selectNode(c.id);
  }, []);
  const onKeyDown = useKeyboardNav(all.nodes);
  return (
    <div className="pn-canvas" onKeyDownCapture={onKeyDown}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        onNodesChange={onNodesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable
        edgesFocusable={false}
        minZoom={0.15}
        maxZoom={2}
        defaultViewport={{ x: 24, y: 48, zoom: FIT_MAX_ZOOM }}
        deleteKeyCode={null}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="var(--pn-border)" />
        <Controls showInteractive={false} position="bottom-left" />
        <NamespaceLabels nodes={all.nodes} />
        <LaneHeaders />
        <FitView nodes={all.nodes} />
      </ReactFlow>
    </div>
  );
}
