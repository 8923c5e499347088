// One lint configuration for the workspace. Each package runs `eslint .` with
// zero warnings allowed; package boundaries are enforced here.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/test-results/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The core is pure: no I/O, no framework, nothing of ours.
    files: ['packages/topology/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'http', 'https', 'net', 'path', 'child_process'],
              message: 'packages/topology is pure: no I/O.',
            },
            {
              group: ['react', 'react-dom', '@xyflow/*', 'fastify', '@kubernetes/*', 'zustand'],
              message: 'packages/topology imports no framework.',
            },
            { group: ['@portolan/*'], message: 'packages/topology imports nothing of ours.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/sim-cluster/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@portolan/server', '@portolan/web'], message: 'Nothing imports an app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@portolan/sim-cluster', '@portolan/server', 'node:*'],
              message: 'The web app imports only @portolan/topology.',
            },
          ],
        },
      ],
    },
  },
);
