// `npm run dist [-- --linux | --win | --mac]`: installers with electron-builder (electron-builder.yml).
// Needs a machine with internet: electron-builder downloads the Electron release it packages (and, for
// AppImage/NSIS/dmg, its packaging tools), and better-sqlite3 must first be built for Electron.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shell = process.platform === 'win32';
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', shell }).status ?? 1;

console.log(
  'dist: packaging needs a machine with internet access — electron-builder downloads Electron and its ' +
    'packaging tools, and better-sqlite3 is built for Electron first (scripts/electron-native.mjs). ' +
    'On an offline machine this stops at the first download with an error.\n',
);
if (run(process.execPath, [join(root, 'scripts', 'electron-native.mjs')]) !== 0) process.exit(1);
if (run(shell ? 'npm.cmd' : 'npm', ['run', '--silent', 'build']) !== 0) process.exit(1);
const builder = join(root, 'node_modules', 'electron-builder', 'cli.js');
process.exit(
  run(process.execPath, [
    builder,
    '--config',
    'electron-builder.yml',
    '--publish',
    'never',
    ...process.argv.slice(2),
  ]),
);
