// Where things live: the per-user data folder (the same one Electron's app.getPath('userData') gives the
// desktop app) and the app's bundled resources.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_NAME = 'Valija';
export const STORE_FILE_NAME = 'valija.db';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.VALIJA_HOME) return env.VALIJA_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** The store file: --db, else $VALIJA_DB, else the per-user data folder. */
export function defaultStoreFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.VALIJA_DB || join(userDataDir(env), STORE_FILE_NAME);
}

let packageRoot: string | undefined;

/** The checkout or installed package holding package.json named "valija". */
export function findPackageRoot(): string {
  if (packageRoot) return packageRoot;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'valija'
    ) {
      return (packageRoot = dir);
    }
    if (dirname(dir) === dir) throw new Error('cannot find the valija package root');
  }
}

export function resourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.VALIJA_RESOURCES || join(findPackageRoot(), 'resources');
}
