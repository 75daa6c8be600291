// Writing files so that an interrupted run never leaves a partial file at the target path.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ValijaError } from '../../db/errors.js';
import { LIMITS } from './format.js';

export function writeFileAtomically(target: string, bytes: Buffer): void {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new ValijaError('E_IO', `cannot write ${target}: ${(error as Error).message}`);
  }
}

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
