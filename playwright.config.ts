// End-to-end tests: the real UI in Debian's Chromium (no browser download), served by `valija serve` on a
// temporary demo store (see tests/e2e/fixtures.ts); the Electron smoke test runs where Electron exists.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_BIN } from './bench/chromium.js';

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
