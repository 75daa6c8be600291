#!/usr/bin/env node
// The `valija` command. The TypeScript sources are compiled to dist/ by `npm install` (prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/electron/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'error[E_NOT_BUILT]: valija is not built yet; run `npm install` (or `npm run build`) in its folder\n',
  );
  process.exit(1);
}
await import(cli.href);
