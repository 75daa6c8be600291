// The store as the app holds it: set up (first run: a recovery passphrase, then the encrypted demo store),
// locked (nothing of the store is open or shown) or open. The desktop window and the browser bridge ask it
// before every call: only the session's own methods answer while it is not open (E_LOCKED otherwise).
import { dirname } from 'node:path';
import { readSetting, writeSetting } from '../../db/settings.js';
import type { Store } from '../../db/store.js';
import { ValijaError } from '../../domain/errors.js';
import type { SessionStatus } from '../../domain/results.js';
import { loadDemo } from '../demo.js';
import { makePrivateDir } from '../files.js';
import { newStoreKey } from './convert.js';
import { newKeyFile, writeKeyFile } from './keyfile.js';
import { openKeyedStore } from './open.js';
import { isLockedError, keychainProblem, storeEncryption, unlockStore } from './unlock.js';
import type { Keychain } from './wrap.js';

export const DEFAULT_IDLE_LOCK_MINUTES = 15;
export const MAX_IDLE_LOCK_MINUTES = 8 * 60;

export interface SessionOptions {
  keychain?: Keychain;
  nativeBinding?: string;
  /** Told when the store opens (with its key) and when it closes, to start and drop what uses it. */
  onOpen?: (store: Store) => void;
  onClose?: () => void;
}

export class StoreSession {
  private store: Store | undefined;
  /** Set once the user locked it: the keychain alone does not open it again, the passphrase does. */
  private lockedByUser = false;
  /** Why the keychain did not open the store at start, for the unlock screen. */
  private keychainFailure: string | undefined;

  constructor(
    readonly file: string,
    private readonly options: SessionOptions = {},
  ) {}

  /**
   * Opens the store if it can without asking: a plaintext store, the keychain, or the passphrase given (from
   * --unlock-env or a prompt). A wrong passphrase is E_PASSPHRASE; otherwise it waits, locked or to set up.
   */
  start(passphrase?: string): SessionStatus {
    const state = storeEncryption(this.file);
    if (state === 'absent') return this.status();
    if (state === 'plaintext' || passphrase !== undefined || this.keychainOpens()) {
      try {
        this.open(unlockStore(this.file, this.unlockWith(passphrase, true)).key);
      } catch (error) {
        // The keychain could not unwrap: the window asks for the recovery passphrase instead.
        if (!isLockedError(error)) throw error;
        this.keychainFailure =
          "the system keychain could not open this store's key (another computer, or its keyring changed)";
      }
    }
    return this.status();
  }

  status(): SessionStatus {
    const encryption = storeEncryption(this.file);
    const state = this.store ? 'open' : encryption === 'absent' ? 'setup' : 'locked';
    return {
      state,
      encrypted: this.store ? this.store.key !== undefined : encryption === 'encrypted',
      keychain:
        state === 'open'
          ? undefined
          : (this.keychainFailure ?? keychainProblem(this.file, this.options.keychain)),
      idleLockMinutes: this.store ? idleLockMinutes(this.store) : DEFAULT_IDLE_LOCK_MINUTES,
    };
  }

  /** First run: the encrypted store, holding the demo data, under a new key and this recovery passphrase. */
  setUp(passphrase: string): SessionStatus {
    if (storeEncryption(this.file) !== 'absent') {
      throw new ValijaError('E_CONFLICT', `${this.file} already exists; unlock it instead`);
    }
    const fresh = newStoreKey({ passphrase, keychain: this.options.keychain });
    makePrivateDir(dirname(this.file));
    writeKeyFile(this.file, newKeyFile(fresh.entries));
    const store = openKeyedStore(this.file, fresh.key, {
      create: true,
      nativeBinding: this.options.nativeBinding,
    });
    try {
      loadDemo(store.db);
    } catch (error) {
      store.close();
      throw error;
    }
    this.adopt(store);
    return this.status();
  }

  /** The recovery passphrase (a plaintext store needs none). E_PASSPHRASE when wrong: still locked. */
  unlock(passphrase: string | undefined): SessionStatus {
    if (this.store) return this.status();
    if (storeEncryption(this.file) === 'absent') {
      throw new ValijaError('E_NOT_FOUND', 'there is no store yet: set a recovery passphrase to create it');
    }
    this.open(unlockStore(this.file, this.unlockWith(passphrase, false)).key);
    return this.status();
  }

  /** Closes the store: nothing of it stays open until it is unlocked again. */
  lock(): SessionStatus {
    if (this.store) {
      this.lockedByUser = true;
      const store = this.store;
      this.store = undefined;
      this.options.onClose?.();
      store.close();
    }
    return this.status();
  }

  setIdleLock(minutes: number): SessionStatus {
    writeSetting(this.current().db, 'idleLockMinutes', String(minutes));
    return this.status();
  }

  /** The open store; E_LOCKED while it is locked or not yet set up. */
  current(): Store {
    if (this.store) return this.store;
    throw new ValijaError(
      'E_LOCKED',
      storeEncryption(this.file) === 'absent'
        ? 'there is no store yet: set a recovery passphrase to create it'
        : 'the store is locked: unlock it with its recovery passphrase',
    );
  }

  close(): void {
    this.lock();
  }

  private keychainOpens(): boolean {
    return (
      !this.lockedByUser && !!this.options.keychain && !keychainProblem(this.file, this.options.keychain)
    );
  }

  private unlockWith(passphrase: string | undefined, keychainMayOpen: boolean) {
    return {
      passphrase,
      keychain: this.options.keychain,
      keychainMayOpen: keychainMayOpen && !this.lockedByUser,
      nativeBinding: this.options.nativeBinding,
    };
  }

  private open(key: Buffer | undefined): void {
    this.adopt(openKeyedStore(this.file, key, { nativeBinding: this.options.nativeBinding }));
  }

  private adopt(store: Store): void {
    this.store = store;
    this.lockedByUser = false;
    this.options.onOpen?.(store);
  }
}

function idleLockMinutes(store: Store): number {
  const value = Number(readSetting(store.db, 'idleLockMinutes'));
  return Number.isInteger(value) && value >= 0 && value <= MAX_IDLE_LOCK_MINUTES
    ? value
    : DEFAULT_IDLE_LOCK_MINUTES;
}
