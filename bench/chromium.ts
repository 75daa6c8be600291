// Debian's Chromium as the tests and benches run it: headless, no sandbox (root in CI), no GPU, and nothing
// that would reach the network. One list for Playwright's config, the UI bench and the book bench.
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
