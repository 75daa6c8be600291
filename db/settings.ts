// The `setting` table: this device's own values (never shared, never in a package). Its only owner.
import type { Db } from './connection.js';
import { stmt } from './statements.js';

/** The keys this store keeps: whether it holds the demo data, this ministry's own party, the idle lock. */
export type SettingKey = 'demo' | 'ownPartyId' | 'idleLockMinutes';

export function readSetting(db: Db, key: SettingKey): string | undefined {
  const row = stmt(db, 'SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function writeSetting(db: Db, key: SettingKey, value: string): void {
  stmt(db, 'INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)').run(key, value);
}

/** `valija init --demo` and the app's first run mark the store, so every screen can say it shows examples. */
export const isDemoStore = (db: Db) => readSetting(db, 'demo') === '1';
