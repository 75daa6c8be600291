// Importing a large package as it streams in: batches merged inside one transaction, the backup taken only
// when something is new, any refusal at the end undoing it all, the search index as a rebuild would make it,
// and progress and cancel as a job sees them.
import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { listRecords } from '../../../db/reader.js';
import { rebuildSearchIndex, search } from '../../../db/search.js';
import type { Store } from '../../../db/store.js';
import { putRecords } from '../../../db/writer.js';
import { loadDemo } from '../../../electron/demo.js';
import { BACKUPS_KEPT, backupStore, backupsDir, listBackups } from '../../../electron/sync/backups.js';
import { applyImport, previewImport } from '../../../electron/sync/importer.js';
import { tempStore } from '../../helpers.js';
import { dump, pkg, rebuild, signerOf } from '../../sync-helpers.js';

const searchDocuments = (store: Store) =>
  store.db
    .prepare(
      'SELECT doc.kind, doc.id, search_index.title, search_index.body FROM search_index JOIN search_doc doc ON doc.docid = search_index.rowid ORDER BY doc.kind, doc.id',
    )
    .all() as { kind: string; id: string; title: string; body: string }[];

describe('a large package, merged as it streams in', () => {
  it('the search index an import builds is the one a rebuild from the records gives', async () => {
    const a = tempStore();
    loadDemo(a.db);
    const b = tempStore();
    await applyImport(b, pkg(a), { trust: true });
    const imported = searchDocuments(b);
    expect(imported.length).toBeGreaterThan(30);
    expect(imported.some((doc) => doc.kind === 'meeting' && doc.body.includes('\n'))).toBe(true);
    rebuildSearchIndex(b.db);
    expect(searchDocuments(b)).toEqual(imported);

    // A new meeting that an agenda item B already held moved onto: its text comes from the store.
    const [item] = listRecords(b.db, 'agendaItem');
    const [meeting] = putRecords(a.writer, 'meeting', { title: 'Reunión nueva' });
    putRecords(a.writer, 'agendaItem', { id: item!.id, meetingId: meeting!.id });
    await applyImport(b, pkg(a), { trust: true });
    expect(search(b.db, String(item!.title), 50, 'meeting').map((hit) => hit.id)).toContain(meeting!.id);
    const afterMove = searchDocuments(b);
    rebuildSearchIndex(b.db);
    expect(searchDocuments(b)).toEqual(afterMove);
  });

  it('a new package holding nothing new is noted, without a backup', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', [{ name: 'Chile' }, { name: 'Ecuador' }]);
    const b = tempStore();
    const first = await applyImport(b, pkg(a), { trust: true });
    expect(first.backup).toBeDefined();
    const backups = listBackups(b);
    // A backup made and then removed would still touch the folder: it must not be written at all.
    const folderTouched = statSync(backupsDir(b)).mtimeMs;
    const before = dump(b);
    const again = pkg(a); // the same records under a new package id
    const report = await applyImport(b, again, { trust: true });
    expect(report).toMatchObject({ applied: true, alreadyImported: false, newChanges: 0, backup: undefined });
    expect(report.counts.party?.known).toBe(2);
    expect(listBackups(b)).toEqual(backups);
    expect(statSync(backupsDir(b)).mtimeMs).toBe(folderTouched);
    expect(dump(b)).toBe(before);
    expect((await applyImport(b, again, { trust: true })).alreadyImported).toBe(true);
  });

  it('a large package whose first new change comes late: the known records before it are counted, the rest applied', async () => {
    const a = tempStore();
    const created = putRecords(
      a.writer,
      'party',
      Array.from({ length: 3000 }, (_, i) => ({ name: `Contraparte ${i}`, profile: 'Perfil. '.repeat(40) })),
    );
    const b = tempStore();
    await applyImport(b, pkg(a), { trust: true });
    const backups = listBackups(b).length;
    putRecords(a.writer, 'party', { id: created.at(-2)!.id, region: 'Andes' });
    putRecords(a.writer, 'party', { name: 'Nueva contraparte' });
    const report = await applyImport(b, pkg(a), { trust: true });
    expect(report.counts.party).toEqual({ new: 1, changed: 1, deleted: 0, restored: 0, known: 2999 });
    expect(report.newChanges).toBe(2);
    expect(dump(b)).toBe(dump(a));
    expect(listBackups(b)).toHaveLength(backups + 1);
  });

  it('a large package refused at its end, after earlier batches were merged, changes nothing', async () => {
    const a = tempStore();
    const profile = 'Relación bilateral, comercio e integración fronteriza. '.repeat(6);
    putRecords(
      a.writer,
      'party',
      Array.from({ length: 6000 }, (_, i) => ({ name: `Contraparte ${i}`, profile })),
    );
    const bytes = pkg(a);
    const b = tempStore();
    putRecords(b.writer, 'party', { name: 'Chile' });
    for (let i = 0; i < BACKUPS_KEPT; i++) backupStore(b, `n${i}`, new Date(Date.UTC(2026, 0, 1, 0, i)));
    const cases = [
      // the last line is invalid
      rebuild(bytes, signerOf(a), {
        lines: (lines) => [...lines.slice(0, -1), lines.at(-1)!.replace('"name"', '"colour"')],
      }),
      // every line valid, but the manifest's clock range is not theirs
      rebuild(bytes, signerOf(a), { manifest: (m) => (m.hlcRange!.max = m.hlcRange!.min) }),
    ];
    for (const bad of cases) {
      const backups = listBackups(b).map((backup) => backup.file);
      const before = dump(b);
      const file = readFileSync(b.file);
      const progress: string[] = [];
      await expect(
        applyImport(b, bad, {
          trust: true,
          onProgress: (done, _total, message) => progress.push(`${message} ${done}`),
        }),
      ).rejects.toMatchObject({ code: 'E_PACKAGE_CORRUPT' });
      // The refusal came after records were already merged (inside the transaction it rolled back).
      expect(progress).toContain('applying 2000');
      expect(dump(b)).toBe(before);
      expect(readFileSync(b.file).equals(file)).toBe(true);
      expect(listBackups(b).map((backup) => backup.file)).toEqual(backups);
    }
    const report = await applyImport(b, bytes, { trust: true });
    expect(report.counts.party?.new).toBe(6000);
    expect(listBackups(b)).toHaveLength(BACKUPS_KEPT);
  });
});

describe('import as a job', () => {
  it('reports progress and, when cancelled, imports nothing', async () => {
    const a = tempStore();
    putRecords(
      a.writer,
      'party',
      Array.from({ length: 2500 }, (_, i) => ({ name: `Contraparte ${i}` })),
    );
    const bytes = pkg(a);
    const b = tempStore();
    const before = dump(b);
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(
      applyImport(b, bytes, {
        trust: true,
        signal: controller.signal,
        onProgress: (done, total, message) => {
          seen.push(`${message} ${done}/${total}`);
          if (message === 'applying') controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'E_CANCELLED' });
    expect(seen).toContain('applying 1000/2500');
    expect(dump(b)).toBe(before);
    const checked: string[] = [];
    await previewImport(b, bytes, {
      trust: true,
      onProgress: (done, total, message) => checked.push(`${message} ${done}/${total}`),
    });
    expect(checked.at(-1)).toBe('checking 2500/2500');
    const report = await applyImport(b, bytes, { trust: true });
    expect(report.applied).toBe(true);
    expect(dump(b)).toBe(dump(a));
  });
});
