// Automatic backups before an import changes the store: a consistent copy (VACUUM INTO), the last few kept.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Store } from '../../db/store.js';
import type { Backup } from '../../domain/results.js';
import { copyStoreTo } from '../../db/connection.js';
import { copyKeysFor, removeKeyFile } from '../keys/keyfile.js';
import { makeOwnDir } from '../files.js';

export const BACKUPS_KEPT = 5;

export function backupsDir(store: Store): string {
  return join(dirname(store.file), 'backups');
}

const isBackup = (name: string) => name.startsWith('valija-') && name.endsWith('.db');

/** The store's backups, newest first. */
export function listBackups(store: Store): Backup[] {
  if (store.file === ':memory:') return [];
  const dir = backupsDir(store);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(isBackup)
    .sort()
    .reverse()
    .map((name) => {
      const stat = statSync(join(dir, name));
      return { file: join(dir, name), bytes: stat.size, createdAt: stat.mtime.toISOString() };
    });
}

/**
 * A consistent copy of the store in its backups folder; older backups beyond the last few are removed
 * unless `prune` is false (an import prunes only once it has succeeded, so a refused one costs no backup).
 */
export function backupStore(
  store: Store,
  reason: string,
  now: Date = new Date(),
  prune = true,
): string | undefined {
  if (store.file === ':memory:') return undefined;
  const dir = backupsDir(store);
  makeOwnDir(dir);
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const file = join(dir, `valija-${stamp}-${reason}.db`);
  const temp = `${file}.tmp`;
  rmSync(temp, { force: true });
  copyStoreTo(store.db, temp);
  // A copy of an encrypted store is encrypted with its key: its own key file goes beside it first.
  if (store.key) copyKeysFor(store.file, file, store.key);
  renameSync(temp, file);
  if (prune) pruneBackups(store);
  return file;
}

/** Keeps the last few backups. */
export function pruneBackups(store: Store): void {
  if (store.file === ':memory:') return;
  const dir = backupsDir(store);
  const backups = readdirSync(dir).filter(isBackup).sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - BACKUPS_KEPT))) {
    rmSync(join(dir, old), { force: true });
    removeKeyFile(join(dir, old));
  }
}
