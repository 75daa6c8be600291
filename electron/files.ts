// The files Valija writes are the user's alone: folders it creates are 0700 and files it writes 0600 (on Linux
// and macOS; Windows ignores the modes). Writing is atomic, so an interrupted run never leaves a partial file
// at the target path: a temporary file beside it is written, flushed, then renamed over the target.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ValijaError } from '../domain/errors.js';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Creates `dir` and any missing parents 0700; a folder that already existed keeps its mode. */
export function makePrivateDir(dir: string): void {
  const first = mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (first === undefined || process.platform === 'win32') return;
  // mkdir's mode passes through the umask: set it on exactly the folders this call created.
  let created = first;
  chmodSync(created, PRIVATE_DIR);
  for (const part of relative(first, dir).split(sep).filter(Boolean)) {
    created = join(created, part);
    chmodSync(created, PRIVATE_DIR);
  }
}

/**
 * A folder Valija writes into beside the store (backups): created 0700 when missing; refused when it is a
 * symbolic link, belongs to another user, or others may write into it, since whoever controls it controls
 * what lands there.
 */
export function makeOwnDir(dir: string): void {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return makePrivateDir(dir);
  }
  const refuse = (why: string) =>
    new ValijaError(
      'E_UNSAFE_PATH',
      `refusing to write into ${dir}: ${why}; remove it or fix it, then retry`,
    );
  if (stat.isSymbolicLink()) throw refuse('it is a symbolic link');
  if (!stat.isDirectory()) throw refuse('it is not a folder');
  if (process.platform === 'win32') return;
  if (process.getuid && stat.uid !== process.getuid())
    throw refuse(`it belongs to another user (uid ${stat.uid})`);
  if ((stat.mode & 0o022) !== 0) throw refuse('other users may write into it');
}

export function writeFileAtomically(target: string, bytes: Buffer): void {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', PRIVATE_FILE);
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
