import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

// `source` first so @portolan/topology resolves to its TypeScript source.
const backend = 'http://127.0.0.1:7420';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  worker: { format: 'es' },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': backend, '/healthz': backend },
  },
  preview: { host: '127.0.0.1' },
  build: { outDir: 'dist', sourcemap: true },
});
