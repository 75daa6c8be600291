// Wrapping the store's random key: by the recovery passphrase (scrypt at current guidance, AES-256-GCM — the
// same sealing as a package's) and by the OS keychain (Electron's safeStorage on the desktop, passed in).
import { isValijaError, ValijaError } from '../../domain/errors.js';
import { decrypt, encrypt } from '../sync/crypto.js';
import { checkPassphrase } from '../sync/passphrase.js';
import { keyIdOf, type KeyEntry } from './keyfile.js';

/** The OS keychain as the desktop app has it (electron/main/keychain.ts); absent on the command line. */
export interface Keychain {
  /** Why the keychain cannot keep the key here (no keyring on a headless Linux…), or undefined when it can. */
  unavailable(): string | undefined;
  seal(key: Buffer): string;
  /** The key, or an error when this keychain cannot open what another one sealed. */
  open(sealed: string): Buffer;
}

/** Refuses (E_INVALID) a recovery passphrase too short or too easy to guess. */
export const checkRecoveryPassphrase = (passphrase: string) => checkPassphrase(passphrase);

export function wrapWithPassphrase(key: Buffer, passphrase: string): KeyEntry {
  return { keyId: keyIdOf(key), wrap: 'recovery', sealed: encrypt(key, passphrase).toString('base64') };
}

/** The key, or undefined when the passphrase is not this entry's. */
export function unwrapWithPassphrase(entry: KeyEntry, passphrase: string): Buffer | undefined {
  try {
    const key = decrypt(Buffer.from(entry.sealed, 'base64'), passphrase);
    return key.length === 32 && keyIdOf(key) === entry.keyId ? key : undefined;
  } catch (error) {
    if (isValijaError(error) && error.code === 'E_DECRYPT') return undefined;
    if (isValijaError(error))
      throw new ValijaError('E_STORE', `a key file entry is damaged: ${error.message}`);
    throw error;
  }
}

export function wrapWithKeychain(key: Buffer, keychain: Keychain): KeyEntry {
  return { keyId: keyIdOf(key), wrap: 'keychain', sealed: keychain.seal(key) };
}

/** The key, or undefined when this keychain cannot open the entry (another machine, a changed keyring). */
export function unwrapWithKeychain(entry: KeyEntry, keychain: Keychain): Buffer | undefined {
  try {
    const key = keychain.open(entry.sealed);
    return key.length === 32 && keyIdOf(key) === entry.keyId ? key : undefined;
  } catch {
    return undefined;
  }
}
