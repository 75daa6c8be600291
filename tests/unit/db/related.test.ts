// A record page's related lists: what an initiative, a party and a person list beside themselves, alive
// records only, cut to a limit with their full count; and the same through the API's dispatch.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.js';
import { createHandlers } from '../../../electron/api/handlers.js';
import { relatedTo } from '../../../db/related.js';
import { deleteRecord, putRecords } from '../../../db/writer.js';
import { tempStore } from '../../helpers.js';

function world() {
  const store = tempStore();
  const [peru, chile] = putRecords(store.writer, 'party', [{ name: 'Perú' }, { name: 'Chile' }]);
  const [ana, luis] = putRecords(store.writer, 'person', [
    { name: 'Ana', partyId: chile!.id },
    { name: 'Luis', partyId: chile!.id },
  ]);
  const [plan] = putRecords(store.writer, 'initiative', { title: 'Plan de Acción', partyIds: [chile!.id] });
  const [older, newer, other] = putRecords(store.writer, 'meeting', [
    { title: 'Consultas I', start: '2026-01-10T10:00:00Z', partyIds: [chile!.id], initiativeIds: [plan!.id] },
    {
      title: 'Consultas II',
      start: '2026-03-10T10:00:00Z',
      partyIds: [chile!.id],
      initiativeIds: [plan!.id],
    },
    { title: 'Otra', start: '2026-02-10T10:00:00Z', partyIds: [peru!.id] },
  ]);
  putRecords(store.writer, 'participant', [
    { meetingId: older!.id, side: 'theirs', personId: ana!.id, name: 'Ana' },
    { meetingId: other!.id, side: 'theirs', personId: ana!.id, name: 'Ana' },
  ]);
  const [owed, atMeeting, done] = putRecords(store.writer, 'commitment', [
    { text: 'Enviar el borrador', owingPartyId: chile!.id, dueDate: '2026-04-01', initiativeId: plan!.id },
    { text: 'Convocar la comisión', owingPartyId: peru!.id, meetingId: newer!.id, dueDate: '2026-03-01' },
    { text: 'Firmar', owingPartyId: chile!.id, status: 'done', initiativeId: plan!.id },
  ]);
  return { store, peru, chile, ana, luis, plan, older, newer, other, owed, atMeeting, done };
}

const ids = (list: { items: { id: string }[] } | undefined) => list?.items.map((item) => item.id);

describe('related lists', () => {
  it('an initiative lists its meetings (newest first) and its commitments (open first)', () => {
    const w = world();
    const related = relatedTo(w.store.db, 'initiative', w.plan!.id);
    expect(ids(related.meetings)).toEqual([w.newer!.id, w.older!.id]);
    expect(ids(related.commitments)).toEqual([w.owed!.id, w.done!.id]);
    expect(related.commitments!.items[1]).toMatchObject({
      kind: 'commitment',
      title: 'Firmar',
      status: 'done',
    });
    expect(related.documents).toEqual({ items: [], total: 0 });
  });

  it('a party lists its people, meetings, initiatives and the open commitments owed by it or made with it', () => {
    const w = world();
    const related = relatedTo(w.store.db, 'party', w.chile!.id);
    expect(related.people!.items.map((p) => p.title)).toEqual(['Ana', 'Luis']);
    expect(ids(related.meetings)).toEqual([w.newer!.id, w.older!.id]);
    expect(ids(related.initiatives)).toEqual([w.plan!.id]);
    expect(ids(related.commitments)).toEqual([w.atMeeting!.id, w.owed!.id]);
  });

  it('a person lists the meetings they took part in; deleted records drop out', () => {
    const w = world();
    expect(ids(relatedTo(w.store.db, 'person', w.ana!.id).meetings)).toEqual([w.other!.id, w.older!.id]);
    deleteRecord(w.store.writer, 'meeting', w.other!.id);
    expect(ids(relatedTo(w.store.db, 'person', w.ana!.id).meetings)).toEqual([w.older!.id]);
    expect(relatedTo(w.store.db, 'person', w.luis!.id).meetings).toEqual({ items: [], total: 0 });
  });

  it('cuts each list to the limit and says how many there are', () => {
    const w = world();
    const related = relatedTo(w.store.db, 'party', w.chile!.id, 1);
    expect(related.meetings).toMatchObject({ total: 2, items: [{ id: w.newer!.id }] });
  });

  it('through the API: E_NOT_FOUND for a deleted record, E_INVALID for a kind without related lists', async () => {
    const w = world();
    const handlers = createHandlers(w.store);
    const ok = await dispatch(handlers, 'related', { kind: 'initiative', id: w.plan!.id, limit: 5 });
    expect(ok.ok).toBe(true);
    deleteRecord(w.store.writer, 'initiative', w.plan!.id);
    const gone = await dispatch(handlers, 'related', { kind: 'initiative', id: w.plan!.id });
    expect(gone).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
    const meeting = await dispatch(handlers, 'related', { kind: 'meeting', id: w.older!.id });
    expect(meeting).toMatchObject({ ok: false, error: { code: 'E_INVALID' } });
  });
});
