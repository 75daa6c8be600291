// Unlocking a store: a plaintext store needs nothing; an encrypted one is opened by the OS keychain when it
// can, else by the recovery passphrase. A keychain that cannot unwrap (another machine, a changed keyring,
// a restored backup) falls back to the passphrase instead of failing, and is wrapped again once it is given.
import { existsSync, statSync } from 'node:fs';
import { isPlaintextDatabase, keyOpens } from '../../db/connection.js';
import { ValijaError } from '../../domain/errors.js';
import { keyFileOf, keyIdOf, newKeyFile, readKeyFile, writeKeyFile, type KeyEntry } from './keyfile.js';
import { unwrapWithKeychain, unwrapWithPassphrase, wrapWithKeychain, type Keychain } from './wrap.js';

export type StoreEncryption = 'absent' | 'plaintext' | 'encrypted';

export interface UnlockWith {
  passphrase?: string;
  keychain?: Keychain;
  /** false: the keychain does not open the store (after the user locked it); it is only wrapped again. */
  keychainMayOpen?: boolean;
  nativeBinding?: string;
}

export interface Unlocked {
  /** The page key; undefined for a plaintext store. */
  key?: Buffer;
  via: 'plaintext' | 'keychain' | 'passphrase';
}

/**
 * The copy a conversion (encrypt, rekey) builds beside the store; one left by an interrupted run is never
 * valid on its own, and the next conversion removes it (opening the store leaves it: a conversion in
 * another process may be writing it).
 */
export const conversionTemp = (file: string) => `${file}.converting`;

export function storeEncryption(file: string): StoreEncryption {
  if (!existsSync(file) || statSync(file).size === 0) return 'absent';
  return isPlaintextDatabase(file) ? 'plaintext' : 'encrypted';
}

export function isLockedError(error: unknown): boolean {
  return error instanceof ValijaError && error.code === 'E_LOCKED';
}

/** Why the store is locked, for E_LOCKED and for the unlock screen. */
export function keychainProblem(file: string, keychain: Keychain | undefined): string | undefined {
  if (!keychain) return undefined;
  const unavailable = keychain.unavailable();
  if (unavailable) return `the system keychain cannot keep the key here (${unavailable})`;
  const entries = readKeyFile(file)?.entries.filter((e) => e.wrap === 'keychain') ?? [];
  if (entries.length === 0) return 'the system keychain holds no key for this store';
  return undefined;
}

/**
 * The key that opens `file`. E_LOCKED when a passphrase is needed and none was given; E_PASSPHRASE when it
 * is wrong (nothing is written then); E_STORE when the key file is missing or damaged.
 */
export function unlockStore(file: string, how: UnlockWith = {}): Unlocked {
  const encryption = storeEncryption(file);
  if (encryption === 'absent') {
    throw new ValijaError('E_NOT_FOUND', `no store at ${file}; create one with \`valija init\``);
  }
  if (encryption === 'plaintext') return { via: 'plaintext' };
  const keyFile = readKeyFile(file);
  if (!keyFile) {
    throw new ValijaError(
      'E_STORE',
      `${file} is encrypted (or is not a store) and its key file ${keyFileOf(file)} is missing; put the key file back beside it`,
    );
  }
  const opens = (key: Buffer | undefined) => !!key && keyOpens(file, key, how.nativeBinding);

  const keychain = how.keychain && !how.keychain.unavailable() ? how.keychain : undefined;
  if (keychain && how.keychainMayOpen !== false) {
    for (const entry of keyFile.entries.filter((e) => e.wrap === 'keychain')) {
      const key = unwrapWithKeychain(entry, keychain);
      if (opens(key)) return settle(file, keyFile.entries, key!, 'keychain', keychain);
    }
  }
  if (how.passphrase === undefined) {
    const why = keychainProblem(file, how.keychain);
    throw new ValijaError(
      'E_LOCKED',
      `the store ${file} is encrypted: give its recovery passphrase (--unlock-env VAR, or type it when asked)${why ? `; ${why}` : ''}`,
    );
  }
  let unwrapped = false;
  for (const entry of keyFile.entries.filter((e) => e.wrap === 'recovery')) {
    const key = unwrapWithPassphrase(entry, how.passphrase);
    unwrapped ||= !!key;
    if (opens(key)) return settle(file, keyFile.entries, key!, 'passphrase', keychain);
  }
  throw new ValijaError(
    'E_PASSPHRASE',
    unwrapped
      ? `that passphrase was set by a change of passphrase that did not finish; ${file} still opens with the one before it`
      : `wrong recovery passphrase for ${file}; nothing was changed`,
  );
}

/**
 * Once a key has opened the store: entries for any other key (left by an interrupted rekey) go, and the
 * keychain wraps the key again when it could not open it. Best effort: a read-only folder changes nothing.
 */
function settle(
  file: string,
  entries: KeyEntry[],
  key: Buffer,
  via: Unlocked['via'],
  keychain: Keychain | undefined,
): Unlocked {
  const keyId = keyIdOf(key);
  let kept = entries.filter((entry) => entry.keyId === keyId);
  if (keychain && via === 'passphrase') {
    kept = [...kept.filter((entry) => entry.wrap !== 'keychain'), wrapWithKeychain(key, keychain)];
  }
  const changed =
    kept.length !== entries.length || kept.some((entry, i) => entry.sealed !== entries[i]!.sealed);
  if (changed) {
    try {
      writeKeyFile(file, newKeyFile(kept));
    } catch {
      // The store still opens with the entries as they were.
    }
  }
  return { key, via };
}
