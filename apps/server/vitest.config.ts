import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript source (the `source` export condition).
export default defineConfig({
  resolve: { conditions: ['source', 'import', 'node', 'default'] },
  ssr: {
    resolve: {
      conditions: ['source', 'import', 'node', 'default'],
      externalConditions: ['source'],
    },
  },
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 60_000 },
});
