// Authorship that survives relays (issue 12, finding 2): a change set is provably from the device that wrote
// it. A trusted colleague's package cannot carry sets under another device's id (mine included), notes naming
// another author, or a colleague's sets altered, added to or thinned out on the way; a package cannot take
// another's id. Each refusal changes nothing. On the code before signed heads, every one of these imported.
import { describe, expect, it } from 'vitest';
import { annotationsOn } from '../../../db/book-reads.js';
import { deviceIdOf, setIdentity } from '../../../db/device.js';
import { getRecord, listRecords } from '../../../db/reader.js';
import type { Store } from '../../../db/store.js';
import { putRecords } from '../../../db/writer.js';
import { encodePackage } from '../../../electron/sync/encode.js';
import { FORMAT_VERSION, MAGIC } from '../../../electron/sync/format.js';
import { applyImport } from '../../../electron/sync/importer.js';
import { tempStore } from '../../helpers.js';
import { dump, expectRefused, newSigner, parsePlain, pkg, rebuild, signerOf } from '../../sync-helpers.js';
import { signHead } from '../../../electron/sync/authorship.js';

type Line = [string, string, string, string, Record<string, unknown>];
const parse = (lines: string[]) => lines.map((line) => JSON.parse(line) as Line);
const byLogOrder = (a: Line, b: Line) => {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
  return 0;
};
const write = (lines: Line[]) => lines.sort(byLogOrder).map((line) => JSON.stringify(line));

function person(name: string, post: string): Store {
  const store = tempStore();
  setIdentity(store.db, { name, post });
  return store;
}

describe('a trusted signer writes only as itself', () => {
  it('change sets under my device id in a colleague’s package: E_SIGNATURE, nothing written', async () => {
    const me = person('Ana Ruiz', 'Directora de Asia');
    const [party] = putRecords(me.writer, 'party', { name: 'Japón' });
    const colleague = person('Luis Paz', 'Embajada en Quito');
    await applyImport(colleague, pkg(me), { trust: true });
    putRecords(colleague.writer, 'party', { name: 'Ecuador' });
    // The colleague relabels its own edit as mine: "Japón" renamed, apparently by me.
    const forged = rebuild(pkg(colleague), signerOf(colleague), {
      lines: (lines) => {
        const parsed = parse(lines);
        const [, , hlc] = parsed.find((l) => l[3] === colleague.device.deviceId)!;
        parsed.push(['party', party!.id, hlc, me.device.deviceId, { name: 'Japón (anexado)' }]);
        return write(parsed);
      },
    });
    await expectRefused(me, forged, 'E_SIGNATURE', { message: new RegExp(`device ${me.device.deviceId}`) });
    expect(getRecord(me.db, 'party', party!.id).name).toBe('Japón');

    // Nor with a head for my device signed by the colleague's key: a device id names one key only.
    const withHead = rebuild(forged, signerOf(colleague), {
      manifest: (m) => {
        const mine = m.authors.find((h) => h.deviceId === me.device.deviceId)!;
        Object.assign(
          mine,
          signHead(signerOf(colleague).privateKey, {
            ...mine,
            publicKey: colleague.device.publicKey,
          }),
        );
      },
    });
    await expectRefused(me, withHead, 'E_SIGNATURE', { message: /another key/ });
  });

  it('a note naming another device as its author: E_SIGNATURE; a forged author name is never shown', async () => {
    const me = person('Ana Ruiz', 'Directora de Asia');
    const [meeting] = putRecords(me.writer, 'meeting', { title: 'Gabinete binacional' });
    const colleague = person('Luis Paz', 'Embajada en Quito');
    await applyImport(colleague, pkg(me), { trust: true });
    putRecords(colleague.writer, 'annotation', {
      targetKind: 'meeting',
      targetId: meeting!.id,
      body: 'Quito propone aplazar.',
      visibility: 'shared',
    });
    const setNoteAuthor = (fields: Record<string, unknown>) =>
      rebuild(pkg(colleague), signerOf(colleague), {
        lines: (lines) =>
          write(
            parse(lines).map((l) =>
              l[0] === 'annotation' ? [l[0], l[1], l[2], l[3], { ...l[4], ...fields }] : l,
            ),
          ),
      });

    // A note that says I wrote it (it would show as "mine", and print under my name).
    const asMine = setNoteAuthor({ authorDevice: me.device.deviceId, author: 'Ana Ruiz, Directora de Asia' });
    await expectRefused(me, asMine, 'E_SIGNATURE', { message: /names [0-9a-f]{16} as its author/ });

    // The colleague's own note claiming a grander name imports (its device is its own), but the name shown —
    // on screen and in the book — is the one the colleague's device signed, never the note's field.
    const grander = setNoteAuthor({ author: 'Canciller de la República' });
    await applyImport(me, grander, { trust: true });
    const [note] = listRecords(me.db, 'annotation', { targetId: meeting!.id });
    expect(note).toMatchObject({
      authorDevice: colleague.device.deviceId,
      author: 'Luis Paz, Embajada en Quito',
    });
    const [printed] = annotationsOn(me.db, [{ kind: 'meeting', id: meeting!.id }]);
    expect(printed?.author).toBe('Luis Paz, Embajada en Quito');
  });
});

describe('a relay delivers a colleague’s changes but cannot forge, alter or drop one', () => {
  async function relay() {
    const author = person('Luis Paz', 'Embajada en Quito');
    const parties = putRecords(author.writer, 'party', [
      { name: 'Ecuador' },
      { name: 'Perú' },
      { name: 'Chile' },
    ]);
    const relayStore = person('Marta Gil', 'Consulado en Guayaquil');
    await applyImport(relayStore, pkg(author), { trust: true });
    putRecords(relayStore.writer, 'party', { name: 'Colombia' });
    const target = person('Ana Ruiz', 'Directora de Asia');
    return { author, parties, relayStore, target };
  }
  const authorLines = (lines: Line[], author: Store) => lines.filter((l) => l[3] === author.device.deviceId);

  it('unaltered, the author’s sets arrive through the relay with the author’s signed name', async () => {
    const { author, relayStore, target } = await relay();
    const [meeting] = putRecords(author.writer, 'meeting', { title: 'Consultas' });
    putRecords(author.writer, 'annotation', {
      targetKind: 'meeting',
      targetId: meeting!.id,
      body: 'x',
      visibility: 'shared',
    });
    await applyImport(relayStore, pkg(author), { trust: true });
    await applyImport(target, pkg(relayStore), { trust: true });
    expect(dump(target)).toBe(dump(relayStore));
    const [note] = listRecords(target.db, 'annotation');
    expect(note).toMatchObject({
      authorDevice: author.device.deviceId,
      author: 'Luis Paz, Embajada en Quito',
    });
    // And on again, from the target to a fourth store: heads are kept and relayed.
    const fourth = tempStore();
    await applyImport(fourth, pkg(target), { trust: true });
    expect(dump(fourth)).toBe(dump(relayStore));
    expect(listRecords(fourth.db, 'annotation')[0]?.author).toBe('Luis Paz, Embajada en Quito');
  });

  it('one of the author’s sets altered on the way: E_SIGNATURE naming the author’s device', async () => {
    const { author, parties, relayStore, target } = await relay();
    const altered = rebuild(pkg(relayStore), signerOf(relayStore), {
      lines: (lines) =>
        write(
          parse(lines).map((l) =>
            l[1] === parties[1]!.id ? [l[0], l[1], l[2], l[3], { ...l[4], name: 'Perú (sic)' }] : l,
          ),
        ),
    });
    await expectRefused(target, altered, 'E_SIGNATURE', {
      message: new RegExp(`device ${author.device.deviceId}.*some altered`),
    });
  });

  it('one of the author’s sets left out, or one added under its device: E_SIGNATURE', async () => {
    const { author, parties, relayStore, target } = await relay();
    const dropped = rebuild(pkg(relayStore), signerOf(relayStore), {
      lines: (lines) => write(parse(lines).filter((l) => l[1] !== parties[1]!.id)),
      manifest: (m) => void (m.counts.rows.party! -= 1),
    });
    await expectRefused(target, dropped, 'E_SIGNATURE', { message: /3 signed, 2 here/ });

    const added = rebuild(pkg(relayStore), signerOf(relayStore), {
      lines: (lines) => {
        const parsed = parse(lines);
        const [, , hlc] = authorLines(parsed, author)[0]!;
        parsed.push([
          'party',
          parties[0]!.id,
          hlc.replace(/.$/, '9'),
          author.device.deviceId,
          { name: 'Ecuador (sic)' },
        ]);
        return write(parsed);
      },
    });
    await expectRefused(target, added, 'E_SIGNATURE', { message: /3 signed, 4 here/ });
  });

  it('an author’s head altered (its name, its count) no longer verifies: E_SIGNATURE', async () => {
    const { author, relayStore, target } = await relay();
    const renamed = rebuild(pkg(relayStore), signerOf(relayStore), {
      manifest: (m) =>
        void (m.authors.find((h) => h.deviceId === author.device.deviceId)!.name = 'Canciller'),
    });
    await expectRefused(target, renamed, 'E_SIGNATURE', { message: /does not verify/ });
  });
});

describe('a package’s id is its content’s', () => {
  it('a package taking another’s id is refused, and the real one still imports', async () => {
    const quito = person('Luis Paz', 'Embajada en Quito');
    putRecords(quito.writer, 'party', { name: 'Ecuador' });
    const real = pkg(quito);
    const realId = parsePlain(real).manifest.packageId;
    const intruder = person('Intruso', 'Atlántida');
    putRecords(intruder.writer, 'party', { name: 'Atlántida' });
    const impostor = rebuild(pkg(intruder), signerOf(intruder), {
      manifest: (m) => void (m.packageId = realId),
    });
    const me = tempStore();
    await expectRefused(me, impostor, 'E_PACKAGE_CORRUPT', {
      message: /id is not the one its contents give/,
    });
    const report = await applyImport(me, real, { trust: true });
    expect(report).toMatchObject({ packageId: realId, applied: true, alreadyImported: false });
    expect(listRecords(me.db, 'party').map((p) => p.name)).toEqual(['Ecuador']);
  });

  it('two exports of the same store at different times have different ids; equal packages have one', () => {
    const quito = person('Luis Paz', 'Embajada en Quito');
    putRecords(quito.writer, 'party', { name: 'Ecuador' });
    const at = (iso: string) => encodePackage(quito, { now: new Date(iso) }).manifest.packageId;
    expect(at('2026-03-01T10:00:00Z')).toBe(at('2026-03-01T10:00:00Z'));
    expect(at('2026-03-01T10:00:00Z')).not.toBe(at('2026-03-01T10:00:01Z'));
  });
});

describe('device ids and old packages', () => {
  it('a device id is derived from its key, and a store’s own changes are made under it', () => {
    const store = tempStore();
    putRecords(store.writer, 'party', { name: 'Chile' });
    expect(store.device.deviceId).toBe(deviceIdOf(store.device.publicKey));
    expect(deviceIdOf(newSigner().publicKey)).not.toBe(store.device.deviceId);
    const devices = store.db.prepare('SELECT DISTINCT device FROM change_set').pluck().all();
    expect(devices).toEqual([store.device.deviceId]);
  });

  it('a package from before signed heads (format 2) is refused with a clear message', async () => {
    const quito = person('Luis Paz', 'Embajada en Quito');
    putRecords(quito.writer, 'party', { name: 'Ecuador' });
    const old = Buffer.from(pkg(quito));
    expect(old[MAGIC.length]).toBe(FORMAT_VERSION);
    old[MAGIC.length] = 2;
    await expectRefused(tempStore(), old, 'E_PACKAGE_CORRUPT', {
      message: /earlier Valija \(format 2\).*export it again/,
    });
  });

  it('changes held without a head that covers them are withheld from an export, which still imports', async () => {
    const store = tempStore();
    putRecords(store.writer, 'party', { name: 'Chile' });
    // As a store from before signed heads holds a colleague's changes: no head of theirs covers them.
    store.db
      .prepare('INSERT INTO change_set (kind, row, hlc, device, fields) VALUES (?, ?, ?, ?, ?)')
      .run(
        'party',
        '0195a000-0000-7000-8000-00000000beef',
        '001767225600000-000000',
        'c0ffee00c0ffee00',
        '{"deleteCounter":1,"name":"Perú"}',
      );
    const { withheld, manifest } = encodePackage(store);
    expect(withheld).toEqual(['c0ffee00c0ffee00']);
    expect(manifest.counts.changes).toBe(1);
    const other = tempStore();
    await applyImport(other, pkg(store), { trust: true });
    expect(listRecords(other.db, 'party').map((p) => p.name)).toEqual(['Chile']);
  });
});
