import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { putRecords } from '../../../db/writer.js';
import { createHandlers } from '../../../electron/api/handlers.js';
import { backupStore, BACKUPS_KEPT } from '../../../electron/sync/backups.js';
import { tempStore } from '../../helpers.js';

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
