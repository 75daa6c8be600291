import { describe, expect, it } from 'vitest';
import type { Store } from '../../../db/store.js';
import { getRecord, listRecords } from '../../../db/reader.js';
import { deleteRecord, putRecords, restoreRecord } from '../../../db/writer.js';
import { tempStore } from '../../helpers.js';

interface ChangeSetRow {
  kind: string;
  row: string;
  hlc: string;
  device: string;
  fields: Record<string, unknown>;
}

/** A record's change sets as the log holds them, oldest first. */
function changesOf(store: Store, row: string): ChangeSetRow[] {
  return (
    store.db.prepare('SELECT * FROM change_set WHERE row = ? ORDER BY hlc').all(row) as (Omit<
      ChangeSetRow,
      'fields'
    > & { fields: string })[]
  ).map((set) => ({ ...set, fields: JSON.parse(set.fields) as Record<string, unknown> }));
}

/** A meeting and a shared note on it, written through the writer. */
function meetingWithNote(store: Store, body: string) {
  const [meeting] = putRecords(store.writer, 'meeting', { title: 'Reunión' });
  const [note] = putRecords(store.writer, 'annotation', {
    targetKind: 'meeting',
    targetId: meeting!.id,
    body,
  });
  return { meeting: meeting!, note: note! };
}

function changeCount(store: Store): number {
  return (store.db.prepare('SELECT count(*) AS n FROM change_set').get() as { n: number }).n;
}

describe('the writer records every write as one clocked change set', () => {
  it('a create records one set holding every field, alive, with this device', () => {
    const store = tempStore();
    const [party] = putRecords(store.writer, 'party', { name: 'Perú', isoCode: 'PE' });
    const changes = changesOf(store, party!.id);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.device).toBe(store.device.deviceId);
    expect(changes[0]!.kind).toBe('party');
    expect(changes[0]!.fields).toEqual({
      deleteCounter: 1,
      name: 'Perú',
      kind: 'country',
      isoCode: 'PE',
      region: '',
      profile: '',
      relationship: '',
    });
    expect(party!.version).toBe(changes[0]!.hlc);
  });

  it('an update records exactly the changed fields, with a later clock', () => {
    const store = tempStore();
    const [party] = putRecords(store.writer, 'party', { name: 'Chile' });
    const before = changesOf(store, party!.id);
    putRecords(store.writer, 'party', { id: party!.id, region: 'South America', name: 'Chile' });
    const after = changesOf(store, party!.id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((c) => c.fields)).toEqual([{ region: 'South America' }]);
    expect(after.at(-1)!.hlc > before[0]!.hlc).toBe(true);
    expect(getRecord(store.db, 'party', party!.id).region).toBe('South America');
  });

  it('an update that changes nothing records nothing', () => {
    const store = tempStore();
    const [party] = putRecords(store.writer, 'party', { name: 'Bolivia', isoCode: 'BO' });
    const count = changeCount(store);
    putRecords(store.writer, 'party', { id: party!.id, name: 'Bolivia', isoCode: 'BO' });
    expect(changeCount(store)).toBe(count);
  });

  it('clocks increase across successive writes', () => {
    const store = tempStore();
    const ids = ['Uno', 'Dos', 'Tres'].map((name) => putRecords(store.writer, 'party', { name })[0]!.id);
    const clocks = ids.map((id) => changesOf(store, id)[0]!.hlc);
    expect([...clocks].sort()).toEqual(clocks);
    expect(new Set(clocks).size).toBe(3);
  });

  it('a delete bumps the counter to even and a restore to the next odd, keeping every field', () => {
    const store = tempStore();
    const [party] = putRecords(store.writer, 'party', { name: 'Jamaica', region: 'Caribbean' });
    deleteRecord(store.writer, 'party', party!.id);
    expect(listRecords(store.db, 'party')).toEqual([]);
    expect(() => getRecord(store.db, 'party', party!.id)).toThrow(/no party/);
    const counters = () =>
      changesOf(store, party!.id)
        .filter((c) => 'deleteCounter' in c.fields)
        .map((c) => c.fields.deleteCounter);
    expect(counters()).toEqual([1, 2]);
    const restored = restoreRecord(store.writer, 'party', party!.id);
    expect(counters()).toEqual([1, 2, 3]);
    expect(restored.region).toBe('Caribbean');
  });

  it('an array is one transaction: one bad element and nothing is written', () => {
    const store = tempStore();
    const count = changeCount(store);
    expect(() =>
      putRecords(store.writer, 'party', [{ name: 'Canadá' }, { name: 'Finlandia', colour: 'blue' }]),
    ).toThrow(/element 1: unknown field "colour"/);
    expect(changeCount(store)).toBe(count);
    expect(listRecords(store.db, 'party')).toEqual([]);
  });

  it('refuses references to records that do not exist', () => {
    const store = tempStore();
    expect(() =>
      putRecords(store.writer, 'person', {
        name: 'Hugo de Zela',
        partyId: '0195a000-0000-7000-8000-000000000999',
      }),
    ).toThrow(/field "partyId": no party/);
  });

  it('orders the parts of a meeting by position, appending new ones at the end', () => {
    const store = tempStore();
    const [meeting] = putRecords(store.writer, 'meeting', { title: 'Gabinete Binacional' });
    const texts = ['Primero', 'Segundo', 'Tercero'];
    for (const text of texts) putRecords(store.writer, 'talkingPoint', { meetingId: meeting!.id, text });
    const points = listRecords(store.db, 'talkingPoint', { meetingId: meeting!.id });
    expect(points.map((p) => p.text)).toEqual(texts);
    putRecords(store.writer, 'talkingPoint', { id: points[2]!.id, position: 0 });
    expect(listRecords(store.db, 'talkingPoint', { meetingId: meeting!.id }).map((p) => p.text)).toEqual([
      'Tercero',
      'Primero',
      'Segundo',
    ]);
  });
});

describe('annotations are insert-only', () => {
  it('an edit writes a new version that supersedes the old one; the old one is no longer listed', () => {
    const store = tempStore();
    const { note } = meetingWithNote(store, 'v1');
    const [edited] = putRecords(store.writer, 'annotation', { id: note.id, body: 'v2' });
    expect(edited!.id).not.toBe(note.id);
    expect(edited!.supersedes).toBe(note.id);
    expect(listRecords(store.db, 'annotation').map((a) => a.body)).toEqual(['v2']);
    const rows = store.db.prepare('SELECT body FROM annotation ORDER BY createdAt').all();
    expect(rows).toEqual([{ body: 'v1' }, { body: 'v2' }]);
  });

  it('deleting an edited note deletes its history too, and a restore brings back the latest version', () => {
    const store = tempStore();
    const { note } = meetingWithNote(store, 'v1');
    const [edited] = putRecords(store.writer, 'annotation', { id: note.id, body: 'v2' });
    deleteRecord(store.writer, 'annotation', edited!.id);
    expect(listRecords(store.db, 'annotation')).toEqual([]);
    restoreRecord(store.writer, 'annotation', edited!.id);
    expect(listRecords(store.db, 'annotation').map((a) => a.body)).toEqual(['v2']);
  });

  it('remembers the target version it was written against', () => {
    const store = tempStore();
    const { meeting, note } = meetingWithNote(store, 'nota');
    expect(note.targetVersion).toBe(meeting.version);
    const [moved] = putRecords(store.writer, 'meeting', { id: meeting.id, place: 'Quito' });
    expect((moved!.version as string) > (note.targetVersion as string)).toBe(true);
  });

  it('a shared note cannot be made private again', () => {
    const store = tempStore();
    const { note } = meetingWithNote(store, 'x');
    expect(() => putRecords(store.writer, 'annotation', { id: note.id, visibility: 'private' })).toThrow(
      /cannot be made private/,
    );
  });
});

describe('editing notes', () => {
  it('an edit that changes nothing writes no new version', () => {
    const store = tempStore();
    const { note } = meetingWithNote(store, 'igual');
    const [same] = putRecords(store.writer, 'annotation', { id: note.id, body: 'igual' });
    expect(same!.id).toBe(note.id);
  });

  it('a note on a record deleted meanwhile can still be edited', () => {
    const store = tempStore();
    const [party] = putRecords(store.writer, 'party', { name: 'Jamaica' });
    const [note] = putRecords(store.writer, 'annotation', {
      targetKind: 'party',
      targetId: party!.id,
      body: 'antes',
    });
    deleteRecord(store.writer, 'party', party!.id);
    const [edited] = putRecords(store.writer, 'annotation', { id: note!.id, body: 'después' });
    expect(edited!.supersedes).toBe(note!.id);
  });
});
