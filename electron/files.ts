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

/**
 * A file written a chunk at a time into a temporary file beside `target`, which `commit` flushes and renames
 * over it; `abort` (or any failure) removes it, so the target is either untouched or whole.
 */
export class AtomicFile {
  private readonly temp: string;
  private fd: number | undefined;

  constructor(private readonly target: string) {
    this.temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      this.fd = openSync(this.temp, 'wx', PRIVATE_FILE);
    } catch (error) {
      throw this.failed(error);
    }
  }

  write(bytes: Buffer): void {
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(this.fd!, bytes, done);
    } catch (error) {
      this.abort();
      throw this.failed(error);
    }
  }

  commit(): void {
    try {
      fsyncSync(this.fd!);
      closeSync(this.fd!);
      this.fd = undefined;
      renameSync(this.temp, this.target);
    } catch (error) {
      this.abort();
      throw this.failed(error);
    }
  }

  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.temp, { force: true });
  }

  private failed(error: unknown): ValijaError {
    return error instanceof ValijaError
      ? error
      : new ValijaError('E_IO', `cannot write ${this.target}: ${(error as Error).message}`);
  }
}

export function writeFileAtomically(target: string, bytes: Buffer): void {
  const file = new AtomicFile(target);
  file.write(bytes);
  file.commit();
}
