// Builds the Electron side that tsconfig.build.json leaves out: the main process (tsc, ESM, next to the rest
// of dist/) and the preload, bundled by vite into one CommonJS file (a sandboxed preload cannot import
// local modules). Needs no Electron binary: only its type declarations.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

let typeErrors = false;
try {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.electron.json'], { cwd: root, stdio: 'inherit' });
} catch {
  typeErrors = true; // tsc still wrote its output; report after bundling the preload
}

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/electron',
    emptyOutDir: false,
    sourcemap: false,
    minify: false,
    target: 'chrome140',
    lib: { entry: 'electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
    rollupOptions: { external: ['electron'] },
  },
});
if (typeErrors) {
  console.error('build-electron: the TypeScript compiler reported errors (above)');
  process.exit(1);
}
console.log('built dist/electron/main/ and dist/electron/preload.cjs');
