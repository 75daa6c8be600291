// Writing files so that an interrupted run never leaves a partial file at the target path: write a temporary
// file beside it, flush it, then rename it over the target.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ValijaError } from '../domain/errors.js';

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
