// Where a package's bytes are read from: a file, a range at a time — so a package of 1 GiB never needs
// 1 GiB of memory — or bytes already in memory (tests, fuzzing, uploads held whole).
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ValijaError } from '../../domain/errors.js';

export interface PackageBytes {
  readonly size: number;
  /** Exactly `length` bytes from `offset`; the caller has checked the range against `size`. */
  read(offset: number, length: number): Buffer;
}

export interface PackageFileBytes extends PackageBytes {
  close(): void;
}

/** How much is read at a time when hashing, decrypting or copying a long range. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

export function bytesOf(buffer: Buffer): PackageBytes {
  return { size: buffer.length, read: (offset, length) => buffer.subarray(offset, offset + length) };
}

/** The bytes of `source` from `start` on, as a source of their own. */
export function sliceOf(source: PackageBytes, start: number): PackageBytes {
  return { size: source.size - start, read: (offset, length) => source.read(start + offset, length) };
}

/** A package file opened for reading ranges; `close` it when done. */
export function openPackageBytes(file: string): PackageFileBytes {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new ValijaError('E_NOT_FOUND', `no package file at ${file}`);
  }
  const { size } = fstatSync(fd);
  return {
    size,
    read(offset, length) {
      const buffer = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        let read: number;
        try {
          read = readSync(fd, buffer, done, length - done, offset + done);
        } catch (error) {
          throw new ValijaError('E_IO', `cannot read ${file}: ${(error as Error).message}`);
        }
        // The file grew shorter since it was opened: what it held is no longer a whole package.
        if (read === 0)
          throw new ValijaError('E_PACKAGE_CHANGED', `the package file ${file} changed while it was read`);
        done += read;
      }
      return buffer;
    },
    close: () => closeSync(fd),
  };
}

/** The bytes of a range, a chunk at a time. */
export function* chunksOf(
  source: PackageBytes,
  offset = 0,
  length = source.size - offset,
): Generator<Buffer> {
  for (let at = 0; at < length; at += CHUNK_BYTES) {
    yield source.read(offset + at, Math.min(CHUNK_BYTES, length - at));
  }
}

export function sha256Of(source: PackageBytes, offset = 0, length = source.size - offset): string {
  const hash = createHash('sha256');
  for (const chunk of chunksOf(source, offset, length)) hash.update(chunk);
  return hash.digest('hex');
}
