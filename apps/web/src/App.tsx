import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas.js';
import { ConnectionBanner } from './chrome/ConnectionBanner.js';
import { EmptyState } from './chrome/EmptyState.js';
import { Header } from './chrome/Header.js';
import { Inspector } from './chrome/Inspector.js';

export function App() {
  return (
    <div className="pn-app">
      <Header />
      <main className="pn-main">
        <ReactFlowProvider>
          <Canvas />
        </ReactFlowProvider>
        <ConnectionBanner />
        <EmptyState />
        <Inspector />
      </main>
    </div>
  );
}
