// Opening the store: its key (an encrypted store), pragmas, the guard against a store from a newer version,
// and migrations applied in one transaction after a backup, so a store is either at its old version or fully
// at the new one.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { isValijaError, ValijaError } from '../domain/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when it does not exist (otherwise E_NOT_FOUND). */
  create?: boolean;
  readonly?: boolean;
  /** Path to a better-sqlite3 binary built for another ABI (Electron). */
  nativeBinding?: string;
  /** The 32-byte key of an encrypted store (SQLCipher 4 pages, AES-256); absent for a plaintext store. */
  key?: Buffer;
  /** Called with the name a migration copy will have, before it appears there (its key file goes first). */
  beforeCopyAppears?: (copy: string) => void;
}

/** The first 16 bytes of every plaintext SQLite file; an encrypted store's first page is ciphertext. */
const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether `file` holds a plaintext SQLite database (false for an encrypted or empty one). */
export function isPlaintextDatabase(file: string): boolean {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(PLAINTEXT_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAINTEXT_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Sets the page key, before any other statement touches the file: SQLCipher 4's page format (AES-256-CBC
 * with HMAC-SHA512 per page) with a raw 256-bit key, so no key derivation runs at each open — the key is
 * random, not a passphrase. Temporary tables and indexes stay in memory, never in a plaintext temp file.
 */
export function applyKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new ValijaError('E_INTERNAL', 'a store key has 32 bytes');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  db.pragma('temp_store = MEMORY');
}

/** A bare connection (keyed when `key` is given): no pragmas, no migrations. */
export function connectRaw(
  file: string,
  options: { readonly?: boolean; fileMustExist?: boolean } & OpenOptions,
): Db {
  const db = new Database(file, {
    readonly: options.readonly === true,
    fileMustExist: options.fileMustExist === true,
    nativeBinding: options.nativeBinding,
  });
  try {
    if (options.key) applyKey(db, options.key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Whether `key` opens the store in `file` (a wrong key fails at the first read: SQLITE_NOTADB). */
export function keyOpens(file: string, key: Buffer | undefined, nativeBinding?: string): boolean {
  try {
    const probe = connectRaw(file, { readonly: true, fileMustExist: true, key, nativeBinding });
    try {
      probe.pragma('user_version', { simple: true });
      return true;
    } finally {
      probe.close();
    }
  } catch {
    return false;
  }
}

function readSchemaVersion(file: string, options: OpenOptions): number {
  // Read-only, before any pragma that writes: a refused store must stay byte-for-byte as it was.
  const probe = connectRaw(file, { ...options, readonly: true, fileMustExist: true });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

function tooNew(file: string, version: number): ValijaError {
  return new ValijaError(
    'E_SCHEMA_TOO_NEW',
    `the store ${file} was written by a newer Valija (schema ${version}, this one knows ${SCHEMA_VERSION}); update Valija to open it`,
  );
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const exists = file !== ':memory:' && existsSync(file) && statSync(file).size > 0;
  if (!exists && !options.create && file !== ':memory:') {
    throw new ValijaError('E_NOT_FOUND', `no store at ${file}; create one with \`valija init\``);
  }
  if (exists) {
    let version: number;
    try {
      version = readSchemaVersion(file, options);
    } catch (error) {
      if (isValijaError(error)) throw error;
      const unkeyed = !options.key && !isPlaintextDatabase(file);
      throw new ValijaError(
        'E_STORE',
        `cannot read ${file} as a Valija store${unkeyed ? ' (it is not one, or it is encrypted and was not unlocked)' : ''}: ${(error as Error).message}`,
      );
    }
    if (version > SCHEMA_VERSION) throw tooNew(file, version);
  }

  let db: Db;
  try {
    // SQLite gives the -wal and -shm files the store's mode: a new store is 0600 from its first byte.
    if (!exists && file !== ':memory:') closeSync(openSync(file, 'a', 0o600));
    db = connectRaw(file, options);
  } catch (error) {
    throw new ValijaError('E_IO', `cannot open ${file}: ${(error as Error).message}`);
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    if (!options.readonly) migrate(db, file, options.beforeCopyAppears);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A consistent, compacted copy of the whole store written to `file` (which must not exist yet); the copy of
 * an encrypted store is encrypted with the same key.
 */
export function copyStoreTo(db: Db, file: string): void {
  rmSync(file, { force: true });
  closeSync(openSync(file, 'wx', 0o600)); // VACUUM INTO fills an empty file, keeping its private mode
  db.prepare('VACUUM INTO ?').run(file);
}

/**
 * An explicit write transaction, for work that awaits between its statements (a streamed import), which
 * better-sqlite3's `transaction()` cannot span.
 */
export const writeTransaction = {
  begin: (db: Db) => void db.exec('BEGIN IMMEDIATE'),
  commit: (db: Db) => void db.exec('COMMIT'),
  /** Undoes everything since `begin`; nothing to do when no transaction is open. */
  rollback: (db: Db) => void (db.inTransaction && db.exec('ROLLBACK')),
};

/** Applies pending migrations in one transaction, after a backup of a store that already holds data. */
export function migrate(db: Db, file: string, beforeCopyAppears?: (copy: string) => void): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw tooNew(file, current);
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0 && file !== ':memory:') {
    const backup = `${file}.v${current}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
    copyStoreTo(db, `${backup}.tmp`);
    beforeCopyAppears?.(backup);
    renameSync(`${backup}.tmp`, backup);
  }
  let running = pending[0]!;
  try {
    db.transaction(() => {
      for (const migration of pending) {
        running = migration;
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      }
    }).immediate();
  } catch (error) {
    throw new ValijaError(
      'E_STORE',
      `upgrading ${file} failed at migration ${running.version} (${running.name}): ${(error as Error).message}; the store was left at version ${current}`,
    );
  }
}
