// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'better-sqlite3', 'electron'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Layer boundary: only the Electron main process and the preload may touch Electron.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/main/**', 'electron/preload.ts', 'tests/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload.ts may import electron.' }] },
      ],
    },
  },
  {
    // Layer boundary: the renderer never imports Node or the store.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer never touches Node: call window.valija / the bridge.' },
            { group: ['**/db/**', '**/electron/*', '!**/electron/api/*'], message: 'The renderer knows only the API contract.' },
          ],
        },
      ],
    },
  },
  {
    // The store knows nothing above it.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/**', '**/renderer/**', 'electron'], message: 'db/ knows nothing above it.' }] },
      ],
    },
  },
);
