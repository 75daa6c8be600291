// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeModules = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'net',
  'worker_threads',
  'better-sqlite3',
  'electron',
];
// Plain .js/.mjs scripts run on Node (no TypeScript to declare its globals).
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'Buffer',
    'URL',
    'URLSearchParams',
    'console',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'TextEncoder',
    'TextDecoder',
    'fetch',
    'AbortController',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
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
        {
          paths: [
            { name: 'electron', message: 'Only electron/main and electron/preload.ts may import electron.' },
          ],
        },
      ],
    },
  },
  {
    // Layer boundary: the renderer never imports Node or the store.
    // (Regexes, not globs: a glob `electron` would also match the folder electron/api/.)
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({
            name,
            message: 'The renderer never touches Node: call window.valija / the bridge.',
          })),
          patterns: [
            { regex: '^node:', message: 'The renderer never touches Node: call window.valija / the bridge.' },
            // Pure zod schemas and error codes (no Node) are shared with the store.
            {
              regex: '(^|/)db/(?!(kinds|errors)\\.js$)',
              message: 'The renderer knows only the API contract (and db/kinds.js, db/errors.js).',
            },
            {
              regex: '(^|/)electron/(?!api/)',
              message: 'The renderer knows only the API contract (electron/api/).',
            },
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
        {
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'electron'],
              message: 'db/ knows nothing above it.',
            },
          ],
        },
      ],
    },
  },
);
