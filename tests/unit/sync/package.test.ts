import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRecords, getRecord } from '../../../db/reader.js';
import type { Store } from '../../../db/store.js';
import { deleteRecord, putRecords, restoreRecord } from '../../../db/writer.js';
import { loadDemo } from '../../../electron/demo.js';
import { exportPackage } from '../../../electron/sync/exporter.js';
import { FORMAT_VERSION } from '../../../electron/sync/format.js';
import { applyImport, previewImport } from '../../../electron/sync/importer.js';
import { listTrustedKeys, untrustKey } from '../../../db/trust.js';
import { createHandlers } from '../../../electron/api/handlers.js';
import { tempDir, tempStore } from '../../helpers.js';
import {
  dump,
  expectRefused,
  memoryStore,
  newSigner,
  parsePlain,
  pkg,
  rebuild,
  signerOf,
} from '../../sync-helpers.js';

const changeCount = (store: Store) =>
  (store.db.prepare('SELECT count(*) AS n FROM change_set').get() as { n: number }).n;

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
