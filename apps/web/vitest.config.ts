import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Unit tests cover the pure modules (store, view pipeline, layout, stream
// client with a fake EventSource), so the node environment is enough.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
