// Opening the store: pragmas, the guard against a store from a newer version, and migrations applied in
// one transaction after a backup, so a store is either at its old version or fully at the new one.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { ValijaError } from '../domain/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when it does not exist (otherwise E_NOT_FOUND). */
  create?: boolean;
  readonly?: boolean;
  /** Path to a better-sqlite3 binary built for another ABI (Electron). */
  nativeBinding?: string;
}

function readSchemaVersion(file: string, nativeBinding?: string): number {
  // Read-only, before any pragma that writes: a refused store must stay byte-for-byte as it was.
  const probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
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
      version = readSchemaVersion(file, options.nativeBinding);
    } catch (error) {
      throw new ValijaError('E_STORE', `cannot read ${file} as a Valija store: ${(error as Error).message}`);
    }
    if (version > SCHEMA_VERSION) throw tooNew(file, version);
  }

  let db: Db;
  try {
    // SQLite gives the -wal and -shm files the store's mode: a new store is 0600 from its first byte.
    if (!exists && file !== ':memory:') closeSync(openSync(file, 'a', 0o600));
    db = new Database(file, { readonly: options.readonly === true, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw new ValijaError('E_IO', `cannot open ${file}: ${(error as Error).message}`);
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    if (!options.readonly) migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A consistent, compacted copy of the whole store written to `file` (which must not exist yet). */
export function copyStoreTo(db: Db, file: string): void {
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
export function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw tooNew(file, current);
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0 && file !== ':memory:') {
    const backup = `${file}.v${current}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
    copyStoreTo(db, backup);
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
