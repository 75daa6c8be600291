#!/usr/bin/env node
// Makes sure the end-to-end tests have a Chromium, before `playwright test` (`npm test` runs this).
// Found as bench/chromium.ts finds it ($CHROMIUM_BIN, Playwright's own browser, a system Chrome/Chromium/
// Edge); where there is none it installs one: Playwright's browser (`playwright install chromium`, given
// a short time: its download host may be unreachable), else on Debian/Ubuntu as root (or with
// password-less sudo) Debian's `chromium` through apt-get, or the Chromium snap where apt has none.
// Where nothing works it stops with one line saying what to install. Needs `npm run build` first (it
// reads the finder from dist/, as `npm test` builds before it runs).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const finder = join(root, 'dist', 'bench', 'chromium.js');

/** Stops with one line on stderr. */
function fail(line) {
  console.error(`error: ${line}`);
  process.exit(1);
}

const say = (line) => console.error(`ensure-chromium: ${line}`);

/** Why a command failed, in one line: its first error line (Playwright's, apt's "E: …"), else its last line. */
function why(result) {
  if (result.error) return result.error.message;
  const lines = `${result.stdout ?? ''}\n${result.stderr ?? ''}`
    // eslint-disable-next-line no-control-regex
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.find((l) => /^(error\b|E:)/i.test(l)) ?? lines.pop() ?? `exit code ${result.status}`;
}

const run = (command, args, options = {}) =>
  spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });

if (!existsSync(finder)) fail('dist/bench/chromium.js is missing: run `npm run build` first');
const { findChromium, chromiumInstallHint } = await import(pathToFileURL(finder).href);

/** A found Chromium that also starts (Linux: its shared libraries are there). */
function usable() {
  const found = findChromium();
  if (!('path' in found)) return found;
  if (process.platform === 'linux') {
    const version = run(found.path, ['--version'], { timeout: 30_000 });
    if (version.status !== 0)
      return { missing: `${found.path} does not start: ${why(version)}`, path: found.path };
    return { ...found, version: version.stdout.trim() };
  }
  return found;
}

function done(found) {
  say(`using ${found.version ?? found.path} (${found.path}, ${found.source})`);
  process.exit(0);
}

let found = usable();
if (!found.missing) done(found);
// An explicit choice that is wrong is reported, not replaced by something installed behind its back.
if (process.env.CHROMIUM_BIN) fail(found.missing);

const isRoot = process.getuid?.() === 0;
const canSudo = !isRoot && process.platform === 'linux' && run('sudo', ['-n', 'true']).status === 0;
const asRoot = (command, args, options) =>
  isRoot ? run(command, args, options) : run('sudo', ['-n', command, ...args], options);
const osRelease = (() => {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
})();
const debianLike = /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(osRelease);
const hasCommand = (name) => run('sh', ['-c', `command -v ${name}`]).status === 0;

// 1. Playwright's own browser. Its host answers quickly or not at all: a short connection timeout, and a
//    cap on the whole download.
{
  say('no Chromium found; trying `playwright install chromium`');
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
  const install = run(process.execPath, [cli, 'install', 'chromium'], {
    timeout: 300_000,
    env: { PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: '10000', ...process.env },
  });
  if (install.status === 0) {
    found = usable();
    if (!found.missing) done(found);
    // Downloaded, but the system lacks its libraries: Playwright installs them through apt.
    if (found.path && process.platform === 'linux' && debianLike && (isRoot || canSudo)) {
      say('installing the libraries Playwright’s Chromium needs (`playwright install-deps chromium`)');
      asRoot(process.execPath, [cli, 'install-deps', 'chromium'], { timeout: 900_000 });
      found = usable();
      if (!found.missing) done(found);
    }
  } else {
    say(`playwright install chromium failed: ${why(install)}`);
  }
}

// 2. The system's package manager, where we may use it: Debian's `chromium` (Ubuntu's apt only has a stub
//    for the snap, so there the snap itself).
if (process.platform === 'linux' && debianLike && (isRoot || canSudo)) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  say('trying `apt-get install chromium`');
  const update = asRoot('apt-get', ['update', '-qq'], { env, timeout: 600_000 });
  if (update.status !== 0) say(`apt-get update failed: ${why(update)}`);
  const policy = run('apt-cache', ['policy', 'chromium'], { env });
  const candidate = /Candidate:\s*(\S+)/.exec(policy.stdout ?? '')?.[1];
  if (candidate && candidate !== '(none)') {
    const install = asRoot('apt-get', ['install', '-y', '-qq', 'chromium'], {
      env,
      timeout: 1_800_000,
    });
    if (install.status !== 0) say(`apt-get install chromium failed: ${why(install)}`);
  } else if (hasCommand('snap')) {
    say('apt has no chromium package here; trying `snap install chromium`');
    const snap = asRoot('snap', ['install', 'chromium'], { timeout: 1_800_000 });
    if (snap.status !== 0) say(`snap install chromium failed: ${why(snap)}`);
  } else {
    say('apt has no chromium package here');
  }
  found = usable();
  if (!found.missing) done(found);
}

fail(`no Chromium found: ${chromiumInstallHint()}`);
