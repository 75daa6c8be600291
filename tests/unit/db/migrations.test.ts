import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../db/migrations/index.js';
import { KIND_NAMES, KINDS } from '../../../domain/kinds.js';
import { listRecords, sharedState } from '../../../db/reader.js';
import { canonicalJson } from '../../../db/canonical.js';
import { encodePackage } from '../../../electron/sync/encode.js';
import { applyImport } from '../../../electron/sync/importer.js';
import { openStore } from '../../../db/store.js';
import { deviceIdOf } from '../../../db/device.js';
import { ROOT, tempDir } from '../../helpers.js';

const FIXTURE_V1 = join(ROOT, 'tests', 'fixtures', 'store-v1.db');

describe('migrations', () => {
  it('a fresh store is at the latest version with WAL and foreign keys on', () => {
    const db = openDatabase(join(tempDir(), 'fresh.db'), { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('every field of every kind has a column, and nothing else does', () => {
    const db = openDatabase(join(tempDir(), 'fresh.db'), { create: true });
    for (const kind of KIND_NAMES) {
      const columns = (
        db.prepare(`SELECT name FROM pragma_table_info(?)`).all(KINDS[kind].table) as { name: string }[]
      ).map((c) => c.name);
      expect(columns.sort()).toEqual(
        ['deleteCounter', 'id', 'version', ...Object.keys(KINDS[kind].fields)].sort(),
      );
    }
    db.close();
  });

  it('upgrades a version-1 store, keeping its records and a backup of the old file', () => {
    const dir = tempDir();
    const file = join(dir, 'old.db');
    copyFileSync(FIXTURE_V1, file);
    const store = openStore(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(listRecords(store.db, 'party').map((p) => p.name)).toEqual(['Perú']);
    expect(listRecords(store.db, 'talkingPoint').map((p) => p.text)).toEqual(['Un punto ¿seguro? ¡Sí!']);
    expect(store.db.prepare('SELECT count(*) AS n FROM trusted_key').get()).toEqual({ n: 0 });
    store.close();
    const backups = readdirSync(dir).filter((name) => name.startsWith('old.db.v1-') && name.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const backup = new Database(join(dir, backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
  });

  it('regroups a version-1 per-field change log into one change set per write, losing no field, under the id of its key', async () => {
    const old = new Database(FIXTURE_V1, { readonly: true });
    // A store from before device ids were derived from keys: its own changes (and notes) move to its key's id.
    const device = old.prepare('SELECT deviceId, publicKey FROM device').get() as Record<string, string>;
    const bound = deviceIdOf(device.publicKey!);
    expect(device.deviceId).not.toBe(bound);
    const rename = (id: unknown) => (id === device.deviceId ? bound : id);
    const expected = new Map<string, Record<string, unknown>>();
    for (const c of old.prepare('SELECT * FROM change').all() as Record<string, string>[]) {
      const key = [c.kind, c.row, c.hlc, rename(c.device)].join(' ');
      const value = JSON.parse(c.value!) as unknown;
      expected.set(key, {
        ...expected.get(key),
        [c.field!]: c.field === 'authorDevice' ? rename(value) : value,
      });
    }
    old.close();
    expect([...expected.keys()].some((key) => key.endsWith(bound))).toBe(true);
    expect(expected.size).toBeGreaterThan(0);
    const file = join(tempDir(), 'old.db');
    copyFileSync(FIXTURE_V1, file);
    const store = openStore(file);
    const sets = store.db.prepare('SELECT * FROM change_set').all() as Record<string, string>[];
    expect(
      new Map(sets.map((c) => [[c.kind, c.row, c.hlc, c.device].join(' '), JSON.parse(c.fields!)])),
    ).toEqual(expected);
    expect(store.device.deviceId).toBe(bound);
    // Its package rebuilds the very same records in an empty store.
    const copy = openStore(join(tempDir(), 'copy.db'), { create: true });
    await applyImport(copy, encodePackage(store).bytes, { trust: true });
    expect(canonicalJson(sharedState(copy.db), 0)).toBe(canonicalJson(sharedState(store.db), 0));
    copy.close();
    store.close();
  });

  it('refuses a store written by a newer version and leaves it byte-for-byte unchanged', () => {
    const file = join(tempDir(), 'future.db');
    const future = new Database(file);
    future.exec(MIGRATIONS.map((m) => m.sql).join('\n'));
    future.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    const before = readFileSync(file);
    expect(() => openStore(file)).toThrow(expect.objectContaining({ code: 'E_SCHEMA_TOO_NEW' }));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a failing migration leaves the store at its old version (all or nothing)', () => {
    const file = join(tempDir(), 'broken.db');
    copyFileSync(FIXTURE_V1, file);
    const db = new Database(file);
    db.exec('CREATE TABLE imported_package (x)'); // makes migration 2 fail half-way
    db.close();
    expect(() => openStore(file)).toThrow(expect.objectContaining({ code: 'E_STORE' }));
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'trusted_key'").get()).toEqual(
      { n: 0 },
    );
    after.close();
  });

  it('a file that is not a store is refused with a code', () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'these are not the notes you are looking for'.repeat(200));
    expect(() => openStore(file)).toThrow(expect.objectContaining({ code: 'E_STORE' }));
  });
});
