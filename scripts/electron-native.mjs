// Builds better-sqlite3 for Electron's ABI into .electron-native/ (git-ignored), once. node_modules keeps
// its Node build for the CLI and the tests: this script works on a copy of the package sources and never
// writes into node_modules. First a prebuilt binary (prebuild-install --runtime=electron), else a compile
// (node-gyp --runtime=electron with Electron's headers). Both need the network the first time.
// Exit 0: the binary is there and exports node_register_module_v<ABI>; 2: it could not be built here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportsAbiSymbol } from './native-abi.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, '.electron-native');
const binary = join(out, 'better_sqlite3.node');
const infoFile = join(out, 'info.json');
const modules = join(root, 'node_modules');

const electronVersion = JSON.parse(readFileSync(join(modules, 'electron', 'package.json'), 'utf8')).version;
const abi = readFileSync(join(modules, 'electron', 'abi_version'), 'utf8').trim();
const sqliteVersion = JSON.parse(
  readFileSync(join(modules, 'better-sqlite3', 'package.json'), 'utf8'),
).version;
const symbol = `node_register_module_v${abi}`;
const wanted = {
  electron: electronVersion,
  abi,
  betterSqlite3: sqliteVersion,
  platform: process.platform,
  arch: process.arch,
};

function upToDate() {
  if (!existsSync(infoFile) || !exportsAbiSymbol(binary, abi)) return false;
  const info = JSON.parse(readFileSync(infoFile, 'utf8'));
  return Object.entries(wanted).every(([key, value]) => info[key] === value);
}

// An inherited npm_config_nodedir (e.g. /usr on Debian) silently makes a Node-ABI build: drop it.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key),
  ),
);

function run(label, command, args, cwd, timeout) {
  process.stdout.write(`electron-native: ${label}…\n`);
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return { ok: result.status === 0 && !result.error, output: result.error ? String(result.error) : output };
}

function build() {
  const work = join(out, 'build', 'better-sqlite3');
  rmSync(join(out, 'build'), { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    cpSync(join(modules, 'better-sqlite3', part), join(work, part), { recursive: true });
  }
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  const common = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
  const attempts = [];
  const prebuild = join(modules, 'prebuild-install', 'bin.js');
  if (existsSync(prebuild)) {
    const r = run(
      `prebuilt binary for Electron ${electronVersion}`,
      process.execPath,
      [prebuild, ...common, `--platform=${process.platform}`, '--verbose'],
      work,
      120_000,
    );
    attempts.push(`prebuild-install: ${lastLine(r.output)}`);
    if (r.ok && exportsAbiSymbol(built, abi)) return { built, attempts };
  }
  const gyp = join(modules, 'node-gyp', 'bin', 'node-gyp.js');
  if (existsSync(gyp)) {
    const r = run(
      `compiling with Electron ${electronVersion} headers (a minute or two)`,
      process.execPath,
      [
        gyp,
        'rebuild',
        '--release',
        ...common,
        '--dist-url=https://electronjs.org/headers',
        `--devdir=${join(out, 'gyp')}`,
      ],
      work,
      900_000,
    );
    attempts.push(`node-gyp: ${lastLine(r.output)}`);
    if (r.ok && exportsAbiSymbol(built, abi)) return { built, attempts };
    if (r.ok) attempts.push(`node-gyp built a binary without ${symbol} (a Node-ABI build?)`);
  }
  return { built: undefined, attempts };
}

function lastLine(text) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const network = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network connectivity/;
  return (
    lines.filter((l) => network.test(l)).at(-1) ??
    lines.filter((l) => /err|fail|40\d|50\d/i.test(l)).at(-1) ??
    lines.at(-1) ??
    'no output'
  );
}

if (upToDate()) {
  console.log(`electron-native: ${binary} is up to date (Electron ${electronVersion}, ABI ${abi})`);
  process.exit(0);
}
mkdirSync(out, { recursive: true });
const { built, attempts } = build();
if (!built) {
  rmSync(join(out, 'build'), { recursive: true, force: true });
  console.error(
    `\nelectron-native: could not build better-sqlite3 for Electron ${electronVersion} (ABI ${abi}). Both ways need ` +
      `the network the first time — a prebuilt binary from GitHub (prebuild-install) or Electron's headers from ` +
      `electronjs.org for a compile (node-gyp) — and this machine could not get them (${attempts.join('; ')}). ` +
      `node_modules was not touched, so the command line and the tests keep working. On a machine with internet, ` +
      `run \`node scripts/electron-native.mjs\` (or \`npm start\`) once; the result is kept in .electron-native/.\n`,
  );
  process.exit(2);
}
copyFileSync(built, binary);
writeFileSync(infoFile, JSON.stringify(wanted, null, 2) + '\n');
rmSync(join(out, 'build'), { recursive: true, force: true });
console.log(`electron-native: built ${binary} (exports ${symbol})`);
