// The one place that finds the Chromium the tests and benches drive, and the flags they run it with:
// Playwright's config, the UI bench, the book bench and scripts/ensure-chromium.mjs (which installs one
// where none is found) all use it. Headless, no sandbox (root in CI), no GPU, nothing that would reach
// the network.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where a system Chrome, Chromium or Edge usually is, most preferred first. */
export function systemChromiumPaths(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const roots = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((app) => roots.map((root) => join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    return [
      ...roots.map((root) => join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((root) => join(root, 'Chromium', 'Application', 'chrome.exe')),
      ...roots.map((root) => join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
    ];
  }
  // Linux and the other Unixes. Ubuntu's /usr/bin/chromium-browser is only a stub for the snap, so the
  // snap's own binary comes before it.
  return [
    '/usr/bin/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/local/bin/chromium',
  ];
}

/** Playwright's own Chromium (`npx playwright install chromium`), if it has been installed. */
function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined; // a platform Playwright has no build for
  }
}

export type ChromiumFound = { path: string; source: string } | { missing: string };

/**
 * The Chromium to run: `$CHROMIUM_BIN` when set (it must exist: an explicit choice is never silently
 * replaced), else Playwright's own browser when installed, else a system Chrome/Chromium/Edge.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumFound {
  if (env.CHROMIUM_BIN) {
    return existsSync(env.CHROMIUM_BIN)
      ? { path: env.CHROMIUM_BIN, source: 'CHROMIUM_BIN' }
      : { missing: `CHROMIUM_BIN is set to ${env.CHROMIUM_BIN}, which does not exist` };
  }
  const own = playwrightChromium();
  if (own) return { path: own, source: 'Playwright' };
  const system = systemChromiumPaths(process.platform, env).find((path) => existsSync(path));
  if (system) return { path: system, source: 'system' };
  return { missing: `no Chromium found: ${chromiumInstallHint()}` };
}

/** What to do where no Chromium is found, in one line. */
export function chromiumInstallHint(platform: NodeJS.Platform = process.platform): string {
  const system =
    platform === 'linux'
      ? 'install Chromium (Debian: `apt-get install chromium`) or Google Chrome'
      : platform === 'darwin'
        ? 'install Google Chrome (or Chromium)'
        : 'install Google Chrome (or use Microsoft Edge)';
  return `${system}, or run \`npx playwright install chromium\`, or set CHROMIUM_BIN to a Chromium binary`;
}

const found = findChromium();

/** The Chromium found when this module was loaded, or undefined where there is none. */
export const CHROMIUM_BIN: string | undefined = 'path' in found ? found.path : undefined;

/** Why there is no CHROMIUM_BIN (one line), or undefined where there is one. */
export const CHROMIUM_MISSING: string | undefined = 'missing' in found ? found.missing : undefined;
