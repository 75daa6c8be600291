import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/api/handlers.js';
import { dispatch } from '../../../electron/api/dispatch.js';
import { listPage, recentRecords } from '../../../db/pages.js';
import { deleteRecord, putRecords } from '../../../db/writer.js';
import { tempStore } from '../../helpers.js';

const pad = (i: number) => String(i).padStart(3, '0');

function meetings(store: ReturnType<typeof tempStore>, n: number, extra: (i: number) => object = () => ({})) {
  return putRecords(
    store.writer,
    'meeting',
    Array.from({ length: n }, (_, i) => ({
      title: `Reunión ${pad(i)}`,
      start: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z`,
      ...extra(i),
    })),
  );
}

describe('pages of long lists', () => {
  it('pages of meetings, newest first, put end to end give every alive meeting once, undated last', () => {
    const store = tempStore();
    const all = meetings(store, 60);
    const [undated] = putRecords(store.writer, 'meeting', { title: 'Sin fecha' });
    deleteRecord(store.writer, 'meeting', all[5]!.id);
    const seen: string[] = [];
    for (let offset = 0; ; offset += 7) {
      const page = listPage(store.db, { kind: 'meeting', offset, limit: 7 });
      expect(page.total).toBe(60);
      expect(page.offset).toBe(offset);
      if (page.records.length === 0) break;
      seen.push(...page.records.map((r) => r.id));
    }
    expect(new Set(seen).size).toBe(60);
    expect(seen).not.toContain(all[5]!.id);
    expect(seen.at(-1)).toBe(undated!.id);
    const starts = seen.slice(0, -1).map((id) => String(all.find((m) => m.id === id)!.start));
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('oldest first reverses the dated meetings and still puts the undated last', () => {
    const store = tempStore();
    meetings(store, 10);
    putRecords(store.writer, 'meeting', { title: 'Sin fecha' });
    const page = listPage(store.db, { kind: 'meeting', limit: 20, order: 'oldest' });
    const starts = page.records.map((r) => String(r.start));
    expect(starts.at(-1)).toBe('');
    expect(starts.slice(0, -1)).toEqual([...starts.slice(0, -1)].sort());
    expect(listPage(store.db, { kind: 'meeting', limit: 20, dated: false }).records).toHaveLength(1);
    expect(listPage(store.db, { kind: 'meeting', limit: 20, dated: true }).total).toBe(10);
  });

  it('filters meetings by counterpart, kind and a date range, counting only what matches', () => {
    const store = tempStore();
    const [peru, chile] = putRecords(store.writer, 'party', [{ name: 'Perú' }, { name: 'Chile' }]);
    meetings(store, 40, (i) => ({
      partyIds: i % 2 ? [peru!.id] : [chile!.id, peru!.id].slice(i % 4 === 0 ? 0 : 1),
      kind: i % 5 === 0 ? 'multilateral' : 'bilateral',
    }));
    const withChile = listPage(store.db, { kind: 'meeting', limit: 100, partyId: chile!.id });
    expect(withChile.total).toBe(10);
    expect(withChile.records.every((m) => (m.partyIds as string[]).includes(chile!.id))).toBe(true);
    const multilateral = listPage(store.db, { kind: 'meeting', limit: 100, meetingKind: 'multilateral' });
    expect(multilateral.total).toBe(8);
    const january = listPage(store.db, { kind: 'meeting', limit: 100, from: '2026-01-10', to: '2026-01-20' });
    expect(january.total).toBeGreaterThan(0);
    expect(
      january.records.every((m) => String(m.start) >= '2026-01-10' && String(m.start) < '2026-01-20'),
    ).toBe(true);
  });

  it('pages of initiatives by title, filtered by status, area and counterpart', () => {
    const store = tempStore();
    const [peru] = putRecords(store.writer, 'party', { name: 'Perú' });
    putRecords(
      store.writer,
      'initiative',
      Array.from({ length: 30 }, (_, i) => ({
        title: `${i % 2 ? 'b' : 'B'} iniciativa ${pad(29 - i)}`,
        status: i % 3 === 0 ? 'active' : 'proposed',
        area: i % 2 ? 'trade' : 'climate',
        partyIds: i < 4 ? [peru!.id] : [],
      })),
    );
    const first = listPage(store.db, { kind: 'initiative', limit: 10 });
    const second = listPage(store.db, { kind: 'initiative', offset: 10, limit: 10 });
    const titles = [...first.records, ...second.records].map((r) => String(r.title).toLowerCase());
    expect(titles).toEqual([...titles].sort());
    expect(listPage(store.db, { kind: 'initiative', limit: 50, status: 'active' }).total).toBe(10);
    expect(listPage(store.db, { kind: 'initiative', limit: 50, area: 'trade', status: 'active' }).total).toBe(
      5,
    );
    expect(listPage(store.db, { kind: 'initiative', limit: 50, partyId: peru!.id }).total).toBe(4);
  });

  it('open commitments come due soonest first, undated last', () => {
    const store = tempStore();
    putRecords(store.writer, 'commitment', [
      { text: 'sin fecha' },
      { text: 'tarde', dueDate: '2025-01-01' },
      { text: 'hecho', dueDate: '2024-01-01', status: 'done' },
      { text: 'pronto', dueDate: '2026-05-01' },
    ]);
    const page = listPage(store.db, { kind: 'commitment', limit: 10, status: 'open' });
    expect(page.records.map((r) => r.text)).toEqual(['tarde', 'pronto', 'sin fecha']);
    expect(page.total).toBe(3);
  });

  it('the records changed last, newest change first, across kinds, deleted ones left out', () => {
    const store = tempStore();
    const [a] = putRecords(store.writer, 'party', { name: 'A' });
    const [b] = putRecords(store.writer, 'initiative', { title: 'B' });
    const [c] = putRecords(store.writer, 'meeting', { title: 'C' });
    putRecords(store.writer, 'party', { id: a!.id, region: 'Andes' });
    deleteRecord(store.writer, 'meeting', c!.id);
    expect(recentRecords(store.db, 10).map((r) => [r.kind, r.record.id])).toEqual([
      ['party', a!.id],
      ['initiative', b!.id],
    ]);
    expect(recentRecords(store.db, 1)).toHaveLength(1);
  });

  it('the API refuses a page without a limit, too large a limit, a filter of another kind or a bad date', async () => {
    const handlers = createHandlers(tempStore());
    for (const input of [
      { kind: 'meeting' },
      { kind: 'meeting', limit: 0 },
      { kind: 'meeting', limit: 501 },
      { kind: 'meeting', limit: 10, offset: -1 },
      { kind: 'initiative', limit: 10, meetingKind: 'bilateral' },
      { kind: 'meeting', limit: 10, status: 'active' },
      { kind: 'meeting', limit: 10, from: 'yesterday' },
      { kind: 'person', limit: 10 },
    ]) {
      const answer = await dispatch(handlers, 'listPage', input);
      expect(answer, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'E_INVALID' } });
    }
    expect(await dispatch(handlers, 'recent', { limit: 101 })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID' },
    });
    expect(await dispatch(handlers, 'listPage', { kind: 'initiative', limit: 5 })).toEqual({
      ok: true,
      value: { total: 0, offset: 0, records: [] },
    });
  });
});

describe('records changed since I annotated them', () => {
  it('lists a record after it changes past my latest note on it, not before, and not for others’ notes', async () => {
    const store = tempStore();
    const [meeting, other] = putRecords(store.writer, 'meeting', [{ title: 'Quito' }, { title: 'Lima' }]);
    const [party] = putRecords(store.writer, 'party', { name: 'Ecuador' });
    putRecords(store.writer, 'annotation', { targetKind: 'meeting', targetId: meeting!.id, body: 'mine' });
    putRecords(store.writer, 'annotation', { targetKind: 'party', targetId: party!.id, body: 'mine too' });
    // The note on the party was written on another device.
    store.db.prepare("UPDATE annotation SET authorDevice = 'elsewhere' WHERE targetId = ?").run(party!.id);
    const handlers = createHandlers(store);
    expect(await handlers.changedSinceNoted({ limit: 10 })).toEqual([]);

    putRecords(store.writer, 'meeting', { id: meeting!.id, place: 'Carondelet' });
    putRecords(store.writer, 'party', { id: party!.id, region: 'South America' });
    putRecords(store.writer, 'meeting', { id: other!.id, place: 'Torre Tagle' });
    const changed = await handlers.changedSinceNoted({ limit: 10 });
    expect(changed.map((c) => [c.kind, c.record.id])).toEqual([['meeting', meeting!.id]]);

    // A newer note catches up with the change.
    putRecords(store.writer, 'annotation', { targetKind: 'meeting', targetId: meeting!.id, body: 'again' });
    expect(await handlers.changedSinceNoted({ limit: 10 })).toEqual([]);
    expect(await dispatch(handlers, 'changedSinceNoted', { limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID' },
    });
  });
});
