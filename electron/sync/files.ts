// Opening package files for import: the size limit is checked before anything is read, and the file is then
// read a range at a time (electron/sync/source.ts), never whole.
import { statSync } from 'node:fs';
import { ValijaError } from '../../domain/errors.js';
import { LIMITS } from './format.js';
import { openPackageBytes, type PackageBytes } from './source.js';

/** Runs `use` on a package file opened for reading ranges, refusing one over the size limit; closes it after. */
export async function withPackageFile<T>(file: string, use: (bytes: PackageBytes) => Promise<T>): Promise<T> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new ValijaError('E_NOT_FOUND', `no package file at ${file}`);
  }
  if (size > LIMITS.packageBytes) {
    throw new ValijaError('E_TOO_LARGE', `the package is larger than ${LIMITS.packageBytes / 2 ** 20} MiB`);
  }
  const bytes = openPackageBytes(file);
  try {
    return await use(bytes);
  } finally {
    bytes.close();
  }
}
