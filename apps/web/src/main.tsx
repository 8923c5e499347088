/** Entry: start the stream and the layout outside React, then render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import './styles/canvas.css';
import './styles/theme-dark.css';
import { App } from './App.js';
import { startLayoutSync } from './layout/layout-sync.js';
import { workerLayout } from './layout/layout-worker-client.js';
import { startStreamClient } from './stream/stream-client.js';
import { startUrlSync } from './view/url-sync.js';

startLayoutSync(workerLayout());
startStreamClient();
startUrlSync();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
