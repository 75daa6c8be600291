// End-to-end tests: the real UI in Chromium (Playwright's own when installed, else $CHROMIUM_BIN or a system
// Chrome/Chromium: see bench/chromium.ts; `npm test` installs one first where none is found, through
// scripts/ensure-chromium.mjs), served by `valija serve` on a temporary demo store (see tests/e2e/fixtures.ts);
// the Electron smoke test runs where Electron exists.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_BIN, CHROMIUM_MISSING } from './bench/chromium.js';

if (CHROMIUM_MISSING) {
  throw new Error(`${CHROMIUM_MISSING} (or run \`node scripts/ensure-chromium.mjs\`, as \`npm test\` does)`);
}

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_BIN,
      args: CHROMIUM_ARGS,
    },
    trace: 'off',
  },
});
