// Where the Electron binary is, if anywhere: $ELECTRON_BIN, else the one `electron`'s install step unpacks
// into node_modules/electron/dist (named in path.txt). Never triggers the download `require('electron')`
// would attempt.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const electronPackage = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary(env = process.env) {
  if (env.ELECTRON_BIN) {
    return existsSync(env.ELECTRON_BIN)
      ? { path: env.ELECTRON_BIN }
      : { missing: `ELECTRON_BIN is set to ${env.ELECTRON_BIN}, which does not exist` };
  }
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        'the Electron binary is not installed (node_modules/electron/path.txt is missing and ELECTRON_BIN is not set)',
    };
  }
  const binary = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { path: binary }
    : { missing: `node_modules/electron/path.txt names ${binary}, which does not exist` };
}
