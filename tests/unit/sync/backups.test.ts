import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { putRecords } from '../../../db/writer.js';
import { createHandlers } from '../../../electron/api/handlers.js';
import { backupsDir, backupStore, BACKUPS_KEPT } from '../../../electron/sync/backups.js';
import { tempDir, tempStore } from '../../helpers.js';

describe('backups', () => {
  it('storage names the store file; a backup made now is listed and holds the records', async () => {
    const store = tempStore();
    putRecords(store.writer, 'party', { name: 'Perú' });
    const handlers = createHandlers(store);
    const before = await handlers.storage({});
    expect(before).toMatchObject({ file: store.file, backups: [] });
    const made = await handlers.backUp({});
    expect(made.bytes).toBeGreaterThan(0);
    expect((await handlers.storage({})).backups).toEqual([made]);
    const copy = new Database(made.file, { readonly: true });
    expect(copy.prepare('SELECT name FROM party').pluck().all()).toEqual(['Perú']);
    copy.close();
  });

  it(`keeps the last ${BACKUPS_KEPT}, newest first`, async () => {
    const store = tempStore();
    const files = Array.from({ length: BACKUPS_KEPT + 2 }, (_, i) =>
      backupStore(store, `n${i}`, new Date(Date.UTC(2026, 0, 1, 0, i)))!,
    );
    const listed = (await createHandlers(store).storage({})).backups.map((b) => b.file);
    expect(listed).toEqual(files.slice(2).reverse());
    expect(files.slice(0, 2).some(existsSync)).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('the backups folder', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('is made 0700 and each backup in it is 0600', () => {
    const store = tempStore();
    const file = backupStore(store, 'manual')!;
    expect(mode(backupsDir(store))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
  });

  it('a symbolic link is refused with E_UNSAFE_PATH before anything is written', () => {
    const store = tempStore();
    const elsewhere = tempDir();
    symlinkSync(elsewhere, backupsDir(store));
    expect(() => backupStore(store, 'manual')).toThrow(expect.objectContaining({ code: 'E_UNSAFE_PATH' }));
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('one others may write into is refused, and left as it is', () => {
    const store = tempStore();
    mkdirSync(backupsDir(store));
    chmodSync(backupsDir(store), 0o777);
    expect(() => backupStore(store, 'manual')).toThrow(expect.objectContaining({ code: 'E_UNSAFE_PATH' }));
    expect(readdirSync(backupsDir(store))).toEqual([]);
    expect(mode(backupsDir(store))).toBe(0o777);
  });

  it.skipIf(process.getuid?.() !== 0)(
    'one owned by another user is refused (run as root to chown it)',
    () => {
      const store = tempStore();
      mkdirSync(backupsDir(store), { mode: 0o700 });
      chownSync(backupsDir(store), 65534, 65534);
      expect(() => backupStore(store, 'manual')).toThrow(
        expect.objectContaining({ code: 'E_UNSAFE_PATH', message: expect.stringContaining('another user') }),
      );
      expect(readdirSync(backupsDir(store))).toEqual([]);
    },
  );
});
