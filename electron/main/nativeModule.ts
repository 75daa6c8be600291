// better-sqlite3 compiled for Electron's ABI (150 for Electron 45), kept apart from node_modules (which
// stays built for Node, for the CLI and the tests): .electron-native/ in a checkout, built by
// scripts/electron-native.mjs; resources/native/ in an installed app (electron-builder extraResources).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ValijaError } from '../../domain/errors.js';

export const NATIVE_FILE = 'better_sqlite3.node';
export const NATIVE_DEV_DIR = '.electron-native';
export const NATIVE_PACKAGED_DIR = 'native';

export function nativeBindingPath(where: {
  isPackaged: boolean;
  resourcesPath: string;
  packageRoot: string;
}): string {
  return where.isPackaged
    ? join(where.resourcesPath, NATIVE_PACKAGED_DIR, NATIVE_FILE)
    : join(where.packageRoot, NATIVE_DEV_DIR, NATIVE_FILE);
}

/** The binding's path, or an error saying how to build it. */
export function requireNativeBinding(where: {
  isPackaged: boolean;
  resourcesPath: string;
  packageRoot: string;
}): string {
  const file = nativeBindingPath(where);
  if (!existsSync(file)) {
    throw new ValijaError(
      'E_STORE',
      where.isPackaged
        ? `this installation is incomplete: ${file} is missing; reinstall Valija`
        : `${file} is missing: run \`npm start\` (or \`node scripts/electron-native.mjs\`) to build better-sqlite3 for Electron`,
    );
  }
  return file;
}
