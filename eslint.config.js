// @ts-check
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const RENDERER_NO_NODE = 'The renderer never touches Node: call window.valija / the bridge.';
const RENDERER_ONLY_CONTRACT =
  'The renderer knows only domain/ and the API contract (electron/api/contract.js, bridge-files.js, progress.js).';
/** Globals that exist only in Node: code the renderer loads must not lean on them. */
const nodeOnlyGlobals = [
  'process',
  'Buffer',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
].map((name) => ({ name, message: 'Node only: this code runs in the renderer too.' }));

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
    // Tool configurations written as CommonJS (dependency-cruiser's).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
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
    // Layer boundary: the renderer knows the domain (domain/) and the API contract (electron/api/contract.ts,
    // bridge-files.ts, progress.ts), nothing else of ours, and never Node — neither its modules nor its globals.
    // (Regexes, not globs: a glob `electron` would also match the folder electron/api/.)
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({ name, message: RENDERER_NO_NODE })),
          patterns: [
            { regex: '^node:', message: RENDERER_NO_NODE },
            { regex: `^(${builtinModules.join('|')})(/|$)`, message: RENDERER_NO_NODE },
            { regex: '(^|/)(db|bench|scripts|tests)/', message: RENDERER_ONLY_CONTRACT },
            {
              regex: '(^|/)electron/(?!api/(contract|bridge-files|progress)\\.js$)',
              message: RENDERER_ONLY_CONTRACT,
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...nodeOnlyGlobals],
    },
  },
  {
    // What the renderer may reach must itself stay free of Node: the domain and the contract import only zod
    // and each other.
    files: [
      'domain/**/*.ts',
      'electron/api/contract.ts',
      'electron/api/bridge-files.ts',
      'electron/api/progress.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\.{1,2}/)',
              message: 'domain/ and the contract import only zod and each other: the renderer loads them.',
            },
            {
              regex: '(^|/)(db|electron|renderer|bench|scripts|tests)/',
              message: 'domain/ knows nothing above it; the contract only domain/.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...nodeOnlyGlobals],
    },
  },
  {
    // Every SQL statement lives in db/, each table with one owning module.
    files: ['electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'domain/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
          message: 'SQL lives in db/: call the module that owns the table.',
        },
        {
          selector:
            "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
          message: 'SQL lives in db/: call the module that owns the table.',
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
