// `npm start`: the desktop app where Electron is installed; otherwise the same app in the system browser
// through `valija serve`, on the store in the per-user data folder. On first run there is no store yet: the
// page asks for a recovery passphrase and creates the encrypted store with the demo data.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { writeLauncher } from './launcher.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const valija = join(root, 'bin', 'valija.js');

function step(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    ...options,
  });
  return result.status ?? 1;
}

if (!process.argv.includes('--no-build') && step(npm, ['run', '--silent', 'build']) !== 0) {
  console.error('start: the build failed (above); fix it and run `npm start` again');
  process.exit(1);
}

const electron = findElectronBinary();
if ('path' in electron) {
  const native = step(process.execPath, [join(root, 'scripts', 'electron-native.mjs')]);
  if (native === 0) {
    const child = spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  } else {
    console.log(
      '\nstart: opening Valija in your browser instead, until better-sqlite3 for Electron can be built.\n',
    );
    await serveInBrowser();
  }
} else {
  console.log(
    `\nstart: ${electron.missing}. Electron downloads its binary from GitHub the first time it runs, which this ` +
      'machine cannot reach. On a laptop with internet, run `npx install-electron` (or delete node_modules/electron ' +
      'and run `npm install`), then `npm start` opens the desktop app; or set ELECTRON_BIN to an Electron 45 binary. ' +
      'Meanwhile the same app runs in your browser, served on 127.0.0.1 only.\n',
  );
  await serveInBrowser();
}

async function serveInBrowser() {
  const { defaultStoreFile } = await import(new URL('../dist/electron/paths.js', import.meta.url).href);
  const file = defaultStoreFile(process.env);
  if (!existsSync(file)) {
    console.log(`start: no store at ${file} yet; the page asks for a recovery passphrase and creates it`);
  }
  const child = spawn(process.execPath, [valija, '--db', file, 'serve'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
  const lines = createInterface({ input: child.stdout });
  let first = true;
  lines.on('line', (line) => {
    console.log(line);
    if (!first) return;
    first = false;
    if (openBrowser(line)) console.log('start: opened it in your browser; stop with Ctrl+C');
    else
      console.log(
        'start: no display here; open the address above in a browser on this machine. Stop with Ctrl+C.',
      );
  });
}

/**
 * Opens the URL in the system browser when there is a screen to show it on, through a private launcher file
 * (removed when `npm start` exits): the URL's token never appears on a command line.
 */
function openBrowser(url) {
  const linuxDisplay = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (process.platform !== 'darwin' && process.platform !== 'win32' && !linuxDisplay) return false;
  let page;
  try {
    const launcher = writeLauncher(url);
    process.on('exit', launcher.remove);
    page = launcher.file;
  } catch {
    return false;
  }
  let command;
  let args;
  if (process.platform === 'darwin') [command, args] = ['open', [page]];
  else if (process.platform === 'win32') [command, args] = ['cmd', ['/c', 'start', '""', page]];
  else [command, args] = ['xdg-open', [page]];
  try {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true });
    opener.on('error', () =>
      console.log('start: could not start a browser; open the address above yourself'),
    );
    opener.unref();
    return true;
  } catch {
    return false;
  }
}
