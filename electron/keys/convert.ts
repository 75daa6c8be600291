// Encrypting a plaintext store (`valija encrypt`) and changing its key (`valija rekey`), each in one
// crash-safe step: the new file is built beside the old one, its key file learns the new key before the
// swap, and one rename replaces the store. A kill at any moment leaves the old store (with its old key) or
// the new one (with its new key), never neither. Backups and migration copies are converted the same way,
// first, so no plaintext or old-key copy of the store outlives the change.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isPlaintextDatabase, keyOpens } from '../../db/connection.js';
import { inUse, writeReencryptedCopy } from '../../db/reencrypt.js';
import { ValijaError } from '../../domain/errors.js';
import { keyIdOf, newKeyFile, readKeyFile, writeKeyFile, type KeyEntry } from './keyfile.js';
import { conversionTemp, storeEncryption } from './unlock.js';
import { checkRecoveryPassphrase, wrapWithKeychain, wrapWithPassphrase, type Keychain } from './wrap.js';

export interface NewKeyOptions {
  passphrase: string;
  keychain?: Keychain;
  nativeBinding?: string;
  /** Told as each file passes each step (the crash tests stop and kill the process there). */
  onStep?: (file: string, step: ConversionStep) => void;
}

/**
 * copied: the re-encrypted copy is written and checked; keysRecorded: the key file knows the new key;
 * swapped: the copy has replaced the file; settled: its key file holds only the new key.
 */
export type ConversionStep = 'copied' | 'keysRecorded' | 'swapped' | 'settled';

export interface Converted {
  file: string;
  encrypted: true;
  keyId: string;
  /** Backups and migration copies converted with it. */
  copies: string[];
}

/** A new random store key and its key file entries (recovery passphrase, and the keychain when it can). */
export function newStoreKey(options: NewKeyOptions): { key: Buffer; entries: KeyEntry[] } {
  checkRecoveryPassphrase(options.passphrase);
  const key = randomBytes(32);
  const entries = [wrapWithPassphrase(key, options.passphrase)];
  if (options.keychain && !options.keychain.unavailable())
    entries.push(wrapWithKeychain(key, options.keychain));
  return { key, entries };
}

/** `valija encrypt`: a plaintext store (and its copies) encrypted with a new key. */
export function encryptStore(file: string, options: NewKeyOptions): Converted {
  const state = storeEncryption(file);
  if (state === 'absent') throw new ValijaError('E_NOT_FOUND', `no store at ${file}`);
  if (state === 'encrypted') {
    throw new ValijaError(
      'E_CONFLICT',
      `${file} is already encrypted; change its passphrase with \`valija rekey\``,
    );
  }
  return convert(file, undefined, newStoreKey(options), options);
}

/** `valija rekey`: an encrypted store (and its copies) under a new key and a new recovery passphrase. */
export function rekeyStore(file: string, oldKey: Buffer, options: NewKeyOptions): Converted {
  return convert(file, oldKey, newStoreKey(options), options);
}

type Next = { key: Buffer; entries: KeyEntry[] };

function convert(file: string, oldKey: Buffer | undefined, next: Next, options: NewKeyOptions): Converted {
  const copies = storeCopies(file).filter((copy) => convertCopy(copy, oldKey, next, options));
  convertFile(file, oldKey, next, options);
  return { file, encrypted: true, keyId: keyIdOf(next.key), copies };
}

/** Backups (backups/valija-*.db) and migration copies (valija.db.vN-*.bak) of the store. */
export function storeCopies(file: string): string[] {
  const dir = dirname(file);
  const name = basename(file);
  const migrationCopies = readdirSync(dir)
    .filter((entry) => entry.startsWith(`${name}.v`) && entry.endsWith('.bak'))
    .map((entry) => join(dir, entry));
  const backupsDir = join(dir, 'backups');
  const backups = existsSync(backupsDir)
    ? readdirSync(backupsDir)
        .filter((entry) => entry.startsWith('valija-') && entry.endsWith('.db'))
        .map((entry) => join(backupsDir, entry))
    : [];
  return [...migrationCopies, ...backups].sort();
}

/**
 * A copy made under the old key (or in plaintext) is converted to the new key; one under yet another key
 * (made before an earlier rekey, with its own key file) is left as it is. Answers whether it was converted.
 */
function convertCopy(copy: string, oldKey: Buffer | undefined, next: Next, options: NewKeyOptions): boolean {
  const plaintext = isPlaintextDatabase(copy);
  if (!plaintext && (!oldKey || !keyOpens(copy, oldKey, options.nativeBinding))) return false;
  convertFile(copy, plaintext ? undefined : oldKey, next, options);
  return true;
}

/**
 * Rewrites `file` under the new key: a re-encrypted, checked copy beside it, flushed; its key file learns
 * the new key beside the old one; one rename swaps the copy in; then the key file forgets the old key.
 */
function convertFile(file: string, oldKey: Buffer | undefined, next: Next, options: NewKeyOptions): void {
  const temp = conversionTemp(file);
  rmSync(temp, { force: true });
  try {
    writeReencryptedCopy(file, temp, oldKey, next.key, options.nativeBinding);
    if (existsSync(`${file}-wal`)) throw inUse(file);
    flush(temp);
    options.onStep?.(file, 'copied');
    const old = oldKey ? (readKeyFile(file)?.entries ?? []).filter((e) => e.keyId === keyIdOf(oldKey)) : [];
    writeKeyFile(file, newKeyFile([...old, ...next.entries]));
    options.onStep?.(file, 'keysRecorded');
    rmSync(`${file}-shm`, { force: true });
    renameSync(temp, file);
    flush(dirname(file));
    options.onStep?.(file, 'swapped');
    writeKeyFile(file, newKeyFile(next.entries));
    options.onStep?.(file, 'settled');
  } catch (error) {
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
    throw error;
  }
}

function flush(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Directories cannot be flushed on every platform (Windows); the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
