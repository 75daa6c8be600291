import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../db/canonical.js';
import { sharedState, listRecords, getRecord } from '../../../db/reader.js';
import { rebuildSearchIndex, search } from '../../../db/search.js';
import type { Store } from '../../../db/store.js';
import { deleteRecord, putRecords, restoreRecord } from '../../../db/writer.js';
import { loadDemo } from '../../../electron/demo.js';
import { encodePackage } from '../../../electron/sync/encode.js';
import { exportPackage } from '../../../electron/sync/exporter.js';
import { FORMAT_VERSION } from '../../../electron/sync/format.js';
import { applyImport, previewImport } from '../../../electron/sync/importer.js';
import { listTrustedKeys, untrustKey } from '../../../electron/sync/trust.js';
import { BACKUPS_KEPT, backupStore, listBackups } from '../../../electron/sync/backups.js';
import { createHandlers } from '../../../electron/api/handlers.js';
import { tempDir, tempStore } from '../../helpers.js';
import { memoryStore, newSigner, parsePlain, rebuild, signerOf } from '../../sync-helpers.js';

const dump = (store: Store) => canonicalJson(sharedState(store.db));
const searchDocuments = (store: Store) =>
  store.db
    .prepare(
      'SELECT doc.kind, doc.id, search_index.title, search_index.body FROM search_index JOIN search_doc doc ON doc.docid = search_index.rowid ORDER BY doc.kind, doc.id',
    )
    .all() as { kind: string; id: string; title: string; body: string }[];
const changeCount = (store: Store) =>
  (store.db.prepare('SELECT count(*) AS n FROM change_set').get() as { n: number }).n;

function pkg(from: Store, passphrase?: string): Buffer {
  return encodePackage(from, { passphrase }).bytes;
}

async function expectRefused(to: Store, bytes: Buffer, code: string, options = {}) {
  const before = dump(to);
  const count = changeCount(to);
  await expect(previewImport(to, bytes, { trust: true, ...options })).rejects.toMatchObject({ code });
  await expect(applyImport(to, bytes, { trust: true, ...options })).rejects.toMatchObject({ code });
  expect(dump(to)).toBe(before);
  expect(changeCount(to)).toBe(count);
}

describe('a package carries a whole store', () => {
  it('export then import into an empty store reproduces the same dump', async () => {
    const a = tempStore();
    loadDemo(a.db);
    putRecords(a.writer, 'meeting', { title: 'Consultas políticas — ¿Santiago?', place: 'Santiago' });
    const file = join(tempDir(), 'a.valija');
    const result = exportPackage(a, file);
    expect(result.changes).toBe(changeCount(a));
    const b = tempStore();
    const report = await applyImport(b, readFileSync(file), { trust: true });
    expect(report.applied).toBe(true);
    expect(report.counts.meeting?.new).toBe(4);
    expect(dump(b)).toBe(dump(a));
  });

  it('a package whose lines are spaced differently (valid JSON all the same) imports the same records', async () => {
    const a = tempStore();
    loadDemo(a.db);
    const spaced = rebuild(pkg(a), signerOf(a), {
      lines: (lines) => lines.map((l) => JSON.stringify(JSON.parse(l), null, 1).replaceAll('\n', '')),
    });
    const b = tempStore();
    await applyImport(b, spaced, { trust: true });
    expect(dump(b)).toBe(dump(a));
    // Its change sets are the same sets: importing the original package as well adds nothing.
    const again = await applyImport(b, pkg(a), { trust: true });
    expect(again.newChanges).toBe(0);
  });

  it('importing the same package twice changes nothing and says so', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Chile' });
    const b = tempStore();
    const bytes = pkg(a);
    await applyImport(b, bytes, { trust: true });
    const before = dump(b);
    const count = changeCount(b);
    const again = await applyImport(b, bytes);
    expect(again).toMatchObject({ alreadyImported: true, applied: false });
    const history = await createHandlers(b).packageHistory({});
    expect(history).toEqual([
      expect.objectContaining({
        packageId: again.packageId,
        exporterDevice: a.device.deviceId,
        changes: 1,
        conflicts: 0,
      }),
    ]);
    expect(dump(b)).toBe(before);
    expect(changeCount(b)).toBe(count);
  });

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
    const before = dump(b);
    const again = pkg(a); // the same records under a new package id
    const report = await applyImport(b, again, { trust: true });
    expect(report).toMatchObject({ applied: true, alreadyImported: false, newChanges: 0, backup: undefined });
    expect(report.counts.party?.known).toBe(2);
    expect(listBackups(b)).toEqual(backups);
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

  it('relays what its exporter learnt from others (A → B → C)', async () => {
    const [a, b, c] = [tempStore(), tempStore(), tempStore()];
    const [party] = putRecords(a.writer, 'party', { name: 'Ecuador' });
    await applyImport(b, pkg(a), { trust: true });
    putRecords(b.writer, 'party', { id: party!.id, region: 'South America' });
    await applyImport(c, pkg(b), { trust: true });
    expect(getRecord(c.db, 'party', party!.id)).toMatchObject({ name: 'Ecuador', region: 'South America' });
  });

  it('never carries private notes', async () => {
    const a = tempStore();
    const [meeting] = putRecords(a.writer, 'meeting', { title: 'Reunión' });
    putRecords(a.writer, 'annotation', {
      targetKind: 'meeting',
      targetId: meeting!.id,
      body: 'secreto mío',
      visibility: 'private',
    });
    putRecords(a.writer, 'annotation', { targetKind: 'meeting', targetId: meeting!.id, body: 'para todos' });
    const bytes = pkg(a);
    const b = tempStore();
    await applyImport(b, bytes, { trust: true });
    expect(listRecords(b.db, 'annotation').map((n) => n.body)).toEqual(['para todos']);
    expect(bytes.includes(Buffer.from('secreto'))).toBe(false);
  });

  it('a private note made shared travels as a fresh shared note, without its private history', async () => {
    const a = tempStore();
    const [meeting] = putRecords(a.writer, 'meeting', { title: 'Reunión' });
    const [note] = putRecords(a.writer, 'annotation', {
      targetKind: 'meeting',
      targetId: meeting!.id,
      body: 'borrador',
      visibility: 'private',
    });
    putRecords(a.writer, 'annotation', { id: note!.id, body: 'versión final', visibility: 'shared' });
    const b = tempStore();
    await applyImport(b, pkg(a), { trust: true });
    expect(listRecords(b.db, 'annotation').map((n) => n.body)).toEqual(['versión final']);
    expect(listRecords(a.db, 'annotation').map((n) => n.body)).toEqual(['versión final']);
  });
});

describe('merging concurrent work', () => {
  it('previews a conflict on the same field (mine vs theirs, who wins) and writes nothing', async () => {
    const clock = { now: Date.parse('2026-05-01T10:00:00Z') };
    const [a, b] = [memoryStore(clock), memoryStore(clock)];
    const [meeting] = putRecords(a.writer, 'meeting', { title: 'Gabinete', place: 'Quito' });
    await applyImport(b, pkg(a), { trust: true });
    clock.now += 1000;
    putRecords(a.writer, 'meeting', { id: meeting!.id, place: 'Guayaquil' });
    clock.now += 1000;
    putRecords(b.writer, 'meeting', { id: meeting!.id, place: 'Tumbes' });
    const before = dump(a);
    const preview = await previewImport(a, pkg(b), { trust: true });
    expect(dump(a)).toBe(before);
    expect(preview.counts.meeting).toMatchObject({ changed: 1 });
    expect(preview.conflicts).toEqual([
      expect.objectContaining({
        kind: 'meeting',
        id: meeting!.id,
        field: 'place',
        mine: expect.objectContaining({ value: 'Guayaquil', device: a.device.deviceId }),
        theirs: expect.objectContaining({ value: 'Tumbes', device: b.device.deviceId }),
        winner: 'theirs',
      }),
    ]);
    await applyImport(a, pkg(b), { trust: true });
    await applyImport(b, pkg(a), { trust: true });
    expect(getRecord(a.db, 'meeting', meeting!.id).place).toBe('Tumbes');
    expect(dump(a)).toBe(dump(b));
  });

  it('a delete and a concurrent edit resolve the same way everywhere, and a restore keeps the edit', async () => {
    const clock = { now: Date.parse('2026-05-01T10:00:00Z') };
    const [a, b] = [memoryStore(clock), memoryStore(clock)];
    const [party] = putRecords(a.writer, 'party', { name: 'Bolivia' });
    await applyImport(b, pkg(a), { trust: true });
    deleteRecord(a.writer, 'party', party!.id);
    putRecords(b.writer, 'party', { id: party!.id, region: 'South America' });
    const preview = await previewImport(b, pkg(a), { trust: true });
    expect(preview.counts.party).toMatchObject({ deleted: 1 });
    await applyImport(b, pkg(a), { trust: true });
    await applyImport(a, pkg(b), { trust: true });
    expect(dump(a)).toBe(dump(b));
    expect(listRecords(a.db, 'party')).toEqual([]);
    restoreRecord(a.writer, 'party', party!.id);
    await applyImport(b, pkg(a), { trust: true });
    expect(getRecord(b.db, 'party', party!.id).region).toBe('South America');
  });

  it('concurrent edits of one note keep both versions', async () => {
    const clock = { now: Date.parse('2026-05-01T10:00:00Z') };
    const [a, b] = [memoryStore(clock), memoryStore(clock)];
    const [meeting] = putRecords(a.writer, 'meeting', { title: 'Reunión' });
    const [note] = putRecords(a.writer, 'annotation', {
      targetKind: 'meeting',
      targetId: meeting!.id,
      body: 'v1',
    });
    await applyImport(b, pkg(a), { trust: true });
    putRecords(a.writer, 'annotation', { id: note!.id, body: 'versión de Ana' });
    putRecords(b.writer, 'annotation', { id: note!.id, body: 'versión de Beto' });
    await applyImport(a, pkg(b), { trust: true });
    await applyImport(b, pkg(a), { trust: true });
    const bodies = (s: Store) =>
      listRecords(s.db, 'annotation')
        .map((n) => n.body)
        .sort();
    expect(bodies(a)).toEqual(['versión de Ana', 'versión de Beto']);
    expect(bodies(b)).toEqual(bodies(a));
  });
});

describe('a package that cannot be trusted is refused with its own code, and nothing changes', () => {
  it('wrong passphrase, missing passphrase and tampered ciphertext: E_DECRYPT', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Finlandia' });
    const sealed = pkg(a, 'correct horse');
    const b = tempStore();
    await expectRefused(b, sealed, 'E_DECRYPT', { passphrase: 'wrong horse' });
    await expectRefused(b, sealed, 'E_DECRYPT');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 40]! ^= 0x01;
    await expectRefused(b, tampered, 'E_DECRYPT', { passphrase: 'correct horse' });
    const report = await applyImport(b, sealed, { trust: true, passphrase: 'correct horse' });
    expect(report).toMatchObject({ applied: true, encrypted: true });
  });

  it('an unknown signer: E_UNTRUSTED_SIGNER naming the fingerprint, until trusted; trusted keys are removable', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Canadá' });
    a.db.prepare("UPDATE device SET name = 'Embajada en Ottawa'").run();
    const b = tempStore();
    const bytes = pkg(a);
    const before = dump(b);
    await expect(applyImport(b, bytes)).rejects.toMatchObject({
      code: 'E_UNTRUSTED_SIGNER',
      message: expect.stringMatching(/fingerprint [0-9A-F]{4}( [0-9A-F]{4}){7}/),
    });
    expect(dump(b)).toBe(before);
    await applyImport(b, bytes, { trust: true });
    const keys = listTrustedKeys(b.db);
    expect(keys).toHaveLength(1);
    untrustKey(b.db, keys[0]!.fingerprint);
    putRecords(a.writer, 'party', { name: 'El Salvador' });
    await expect(applyImport(b, pkg(a))).rejects.toMatchObject({ code: 'E_UNTRUSTED_SIGNER' });
  });

  it('a valid package re-signed by another key is refused unless that key is trusted', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Alemania' });
    const b = tempStore();
    const resigned = rebuild(pkg(a), newSigner());
    const before = dump(b);
    await expect(applyImport(b, resigned)).rejects.toMatchObject({ code: 'E_UNTRUSTED_SIGNER' });
    expect(dump(b)).toBe(before);
  });

  it('a changed manifest without a new signature: E_SIGNATURE', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Países Bajos' });
    const bytes = pkg(a);
    const { manifestBytes } = parsePlain(bytes);
    const at =
      bytes.indexOf(manifestBytes) + manifestBytes.indexOf('"createdAt":"') + '"createdAt":"20'.length;
    const forged = Buffer.from(bytes);
    forged[at + 1] = forged[at + 1] === 0x35 ? 0x36 : 0x35; // another year: valid JSON, valid schema
    expect(forged.equals(bytes)).toBe(false);
    await expectRefused(tempStore(), forged, 'E_SIGNATURE');
  });

  it('a newer format or a package needing a newer reader: E_SCHEMA_TOO_NEW', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Jamaica' });
    const bytes = pkg(a);
    const newer = Buffer.from(bytes);
    newer[8] = FORMAT_VERSION + 1;
    await expectRefused(tempStore(), newer, 'E_SCHEMA_TOO_NEW');
    const needsNewer = rebuild(bytes, signerOf(a), { manifest: (m) => void (m.minReaderVersion = 99) });
    await expectRefused(tempStore(), needsNewer, 'E_SCHEMA_TOO_NEW');
  });

  it('changes dated far in the future: E_CLOCK_SKEW', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Perú' });
    const future = rebuild(pkg(a), signerOf(a), {
      lines: (lines) => lines.map((l) => l.replace(/"\d{15}-\d{6}"/, '"253402300799000-000000"')),
      manifest: (m) => (m.hlcRange = { min: '253402300799000-000000', max: '253402300799000-000000' }),
    });
    await expectRefused(tempStore(), future, 'E_CLOCK_SKEW');
  });

  it('bytes after the payload, or a payload cut short: E_PACKAGE_CORRUPT', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Chile' });
    const bytes = pkg(a);
    await expectRefused(tempStore(), Buffer.concat([bytes, Buffer.from([0])]), 'E_PACKAGE_CORRUPT');
    await expectRefused(tempStore(), bytes.subarray(0, bytes.length - 1), 'E_PACKAGE_CORRUPT');
  });

  it('records whose hash matches but which are invalid: E_PACKAGE_CORRUPT', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Chile' });
    const bytes = pkg(a);
    const cases = [
      (lines: string[]) => lines.map((l) => l.replace('"isoCode"', '"colour"')),
      (lines: string[]) => lines.map((l) => l.replace('"country"', '"planet"')),
      (lines: string[]) => [...lines, '["party","not-an-id","000000000000001-000000","abc",{"name":"x"}]'],
      (lines: string[]) => [...lines, '{"not":"a change"}'],
      (lines: string[]) => [
        ...lines,
        '["party","0195a000-0000-7000-8000-000000000001","000000000000001-000000","abc",{"name":"\\ud800"}]',
      ],
      (lines: string[]) => [
        ...lines,
        '["party","0195a000-0000-7000-8000-000000000001","000000000000001-000000","abc",{}]',
      ],
    ];
    for (const edit of cases) {
      const bad = rebuild(bytes, signerOf(a), { lines: edit });
      expect(bad.equals(rebuild(bytes, signerOf(a)))).toBe(false);
      await expectRefused(tempStore(), bad, 'E_PACKAGE_CORRUPT');
    }
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

  it('lines out of the log order, or one change set twice: E_PACKAGE_CORRUPT', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', [{ name: 'Chile' }, { name: 'Perú' }, { name: 'Bolivia' }]);
    const bytes = pkg(a);
    for (const [edit, why] of [
      [(lines: string[]) => [...lines].reverse(), /out of order/],
      [(lines: string[]) => [lines[0]!, ...lines], /appears twice/],
    ] as const) {
      const bad = rebuild(bytes, signerOf(a), { lines: edit });
      await expectRefused(tempStore(), bad, 'E_PACKAGE_CORRUPT');
      await expect(previewImport(tempStore(), bad, { trust: true })).rejects.toThrow(why);
    }
  });

  it('an empty store exports a package that imports cleanly', async () => {
    const a = tempStore();
    const b = tempStore();
    const report = await applyImport(b, pkg(a), { trust: true });
    expect(report).toMatchObject({ applied: true, changes: 0 });
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
