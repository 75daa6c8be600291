// The key file beside an encrypted store (`valija.db.keys`, and one beside each backup): the store's random
// page key, wrapped by the recovery passphrase and, on the desktop, by the OS keychain. It holds nothing
// readable without one of them. During a rekey it briefly holds two keys (the old and the new), so that a
// store interrupted on either side of its swap still finds the key that opens it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { ValijaError } from '../../domain/errors.js';
import { writeFileAtomically } from '../files.js';

export const KEY_FILE_SUFFIX = '.keys';
const MAX_KEY_FILE_BYTES = 64 * 1024;

const entrySchema = z
  .object({
    /** Which key this entry wraps: the first 64 bits of sha256 over the key, to tell keys apart. */
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    /** recovery: sealed with the recovery passphrase (scrypt, AES-256-GCM); keychain: by the OS keychain. */
    wrap: z.enum(['recovery', 'keychain']),
    sealed: z.string().max(16 * 1024),
  })
  .strict();

const keyFileSchema = z
  .object({
    format: z.literal('valija-keys'),
    version: z.literal(1),
    /** The page format the key is for: SQLCipher 4 with a raw key. */
    cipher: z.literal('sqlcipher4-raw'),
    entries: z.array(entrySchema).max(16),
  })
  .strict();

export type KeyEntry = z.infer<typeof entrySchema>;
export type KeyFile = z.infer<typeof keyFileSchema>;

export const keyFileOf = (dbFile: string) => `${dbFile}${KEY_FILE_SUFFIX}`;

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function newKeyFile(entries: KeyEntry[]): KeyFile {
  return { format: 'valija-keys', version: 1, cipher: 'sqlcipher4-raw', entries };
}

/** The key file of `dbFile`, or undefined when there is none; a damaged one is E_STORE. */
export function readKeyFile(dbFile: string): KeyFile | undefined {
  const file = keyFileOf(dbFile);
  if (!existsSync(file)) return undefined;
  const damaged = (why: string) =>
    new ValijaError(
      'E_STORE',
      `the key file ${file} is damaged (${why}); restore it from a backup of the store's folder`,
    );
  const bytes = readFileSync(file);
  if (bytes.length > MAX_KEY_FILE_BYTES) throw damaged('too large');
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged('not JSON');
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw damaged('not a Valija key file');
  return parsed.data;
}

export function writeKeyFile(dbFile: string, keyFile: KeyFile): void {
  writeFileAtomically(keyFileOf(dbFile), Buffer.from(JSON.stringify(keyFile, null, 2) + '\n'));
}

/** Writes beside `copy` the entries of `dbFile`'s key file that wrap `key` (a backup's own key file). */
export function copyKeysFor(dbFile: string, copy: string, key: Buffer): void {
  const keyFile = readKeyFile(dbFile);
  const keyId = keyIdOf(key);
  const entries = keyFile?.entries.filter((entry) => entry.keyId === keyId) ?? [];
  if (entries.length === 0) {
    throw new ValijaError('E_STORE', `the key file of ${dbFile} has no entry for the store's key`);
  }
  writeKeyFile(copy, newKeyFile(entries));
}

export function removeKeyFile(dbFile: string): void {
  rmSync(keyFileOf(dbFile), { force: true });
}
