// Reading package files, with the size limit checked before anything is read.
import { readFileSync, statSync } from 'node:fs';
import { ValijaError } from '../../domain/errors.js';
import { LIMITS } from './format.js';

/** Reads a package file, refusing one over the size limit before reading it. */
export function readPackageFile(file: string): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new ValijaError('E_NOT_FOUND', `no package file at ${file}`);
  }
  if (size > LIMITS.packageBytes) {
    throw new ValijaError('E_TOO_LARGE', `the package is larger than ${LIMITS.packageBytes / 2 ** 20} MiB`);
  }
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ValijaError('E_IO', `cannot read ${file}: ${(error as Error).message}`);
  }
}
