// The desktop app's store: the file in the per-user data folder (or $VALIJA_DB), opened with the
// Electron-ABI better-sqlite3. On the very first run it is created with the demo data, marked as such
// (setting demo = 1, as `valija init --demo` does) so the UI can say it shows examples.
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { openStore, type Store } from '../../db/store.js';
import { loadDemo } from '../demo.js';
import { makePrivateDir } from '../files.js';

export function openAppStore(file: string, nativeBinding?: string): { store: Store; created: boolean } {
  const created = !existsSync(file) || statSync(file).size === 0;
  makePrivateDir(dirname(file));
  const store = openStore(file, { create: true, nativeBinding });
  if (created) {
    try {
      loadDemo(store.db);
    } catch (error) {
      store.close();
      throw error;
    }
  }
  return { store, created };
}
