import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas.js';
import { ConnectionBanner } from './chrome/ConnectionBanner.js';
import { ChangeFeed } from './chrome/ChangeFeed.js';
import { EmptyState } from './chrome/EmptyState.js';
import { FindingsPanel } from './chrome/FindingsPanel.js';
import { PoliciesPanel } from './chrome/policy/PoliciesPanel.js';
import { Header } from './chrome/Header.js';
import { Inspector } from './chrome/inspector/Inspector.js';
import { Toolbar } from './chrome/toolbar/Toolbar.js';
import { useKeyboardShortcuts } from './chrome/useKeyboardShortcuts.js';
import { useAppStore } from './store/store.js';

export function App() {
  useKeyboardShortcuts();
  // While the stream is down or behind, the map is the last known state: say so visually too.
  const outdated = useAppStore(
    (s) => s.snapshotCount > 0 && (s.connection.phase !== 'live' || s.stale),
  );
  return (
    <div className="pn-app">
      <Header />
      <Toolbar />
      <main className={outdated ? 'pn-main is-outdated' : 'pn-main'}>
        <ReactFlowProvider>
          <Canvas />
        </ReactFlowProvider>
        <ConnectionBanner />
        <EmptyState />
        <FindingsPanel />
        <ChangeFeed />
        <PoliciesPanel />
        <Inspector />
      </main>
    </div>
  );
}
