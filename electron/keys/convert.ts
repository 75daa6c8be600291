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
}

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
  return convert(file, undefined, newStoreKey(options), options.nativeBinding);
}

/** `valija rekey`: an encrypted store (and its copies) under a new key and a new recovery passphrase. */
export function rekeyStore(file: string, oldKey: Buffer, options: NewKeyOptions): Converted {
  return convert(file, oldKey, newStoreKey(options), options.nativeBinding);
}

function convert(
  file: string,
  oldKey: Buffer | undefined,
  next: { key: Buffer; entries: KeyEntry[] },
  nativeBinding?: string,
): Converted {
  const copies = storeCopies(file).filter((copy) => convertCopy(copy, oldKey, next, nativeBinding));
  const old = oldKey ? (readKeyFile(file)?.entries ?? []) : [];
  convertFile(file, oldKey, next.key, nativeBinding, () =>
    writeKeyFile(file, newKeyFile([...old, ...next.entries])),
  );
  writeKeyFile(file, newKeyFile(next.entries));
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
function convertCopy(
  copy: string,
  oldKey: Buffer | undefined,
  next: { key: Buffer; entries: KeyEntry[] },
  nativeBinding?: string,
): boolean {
  const plaintext = isPlaintextDatabase(copy);
  const from = plaintext ? undefined : oldKey;
  if (!plaintext && (!oldKey || !keyOpens(copy, oldKey, nativeBinding))) return false;
  convertFile(copy, from, next.key, nativeBinding, () => writeKeyFile(copy, newKeyFile(next.entries)));
  return true;
}

/**
 * Rewrites `file` under `newKey`: a re-encrypted, checked copy beside it, flushed, and renamed over the
 * original once `beforeSwap` has recorded the new key.
 */
function convertFile(
  file: string,
  oldKey: Buffer | undefined,
  newKey: Buffer,
  nativeBinding: string | undefined,
  beforeSwap: () => void,
): void {
  const temp = conversionTemp(file);
  rmSync(temp, { force: true });
  try {
    writeReencryptedCopy(file, temp, oldKey, newKey, nativeBinding);
    if (existsSync(`${file}-wal`)) throw inUse(file);
    flush(temp);
    beforeSwap();
    rmSync(`${file}-shm`, { force: true });
    renameSync(temp, file);
    flush(dirname(file));
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
