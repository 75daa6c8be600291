// collectBook: what a meeting's book holds, read through indexes only, one section per entry of the table.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.js';
import { deleteRecord, putRecords } from '../../../db/writer.js';
import { collectBook, type CollectOptions } from '../../../electron/book/collect.js';
import type { Block, BookModel, SectionId } from '../../../electron/book/model.js';
import { SECTION_ORDER, SECTIONS } from '../../../electron/book/section-table.js';
import { t } from '../../../electron/book/strings.js';
import { tempStore } from '../../helpers.js';

type Store = ReturnType<typeof tempStore>;
const OPTIONS: CollectOptions = {
  lang: 'es',
  paper: 'a4',
  annotations: 'mine',
  generatedAt: '2026-12-01T12:00:00.000Z',
};
const put = (store: Store, kind: Parameters<typeof putRecords>[1], input: object | object[]) =>
  putRecords(store.writer, kind, input);
const one = (store: Store, kind: Parameters<typeof putRecords>[1], input: object) =>
  put(store, kind, input)[0]!;

/** Ours (Perú) meets Ecuador; Chile is unrelated. */
function world(store: Store) {
  const [peru, ecuador, chile] = put(store, 'party', [
    { name: 'Perú' },
    { name: 'Ecuador' },
    { name: 'Chile' },
  ]);
  const plan = one(store, 'initiative', { title: 'Plan de Acción', classification: 'confidential' });
  const meeting = one(store, 'meeting', {
    title: 'Gabinete Binacional',
    start: '2026-11-27T10:00:00-05:00',
    partyIds: [peru!.id, ecuador!.id],
    initiativeIds: [plan.id],
  });
  return { peru: peru!, ecuador: ecuador!, chile: chile!, plan, meeting };
}

const section = (model: BookModel, id: SectionId): Block[] =>
  model.sections.find((s) => s.id === id)?.blocks ?? [];
const cells = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r[0]) : []));
const collect = (store: Store, id: string, options: Partial<CollectOptions> = {}) =>
  collectBook(store.db, id, { ...OPTIONS, ...options });

describe('the section table', () => {
  it('is the print order, and every section has its heading in both languages', () => {
    expect(SECTION_ORDER).toEqual(SECTIONS.map((s) => s.id));
    expect(new Set(SECTION_ORDER).size).toBe(SECTIONS.length);
    for (const s of SECTIONS)
      for (const lang of ['es', 'en'] as const) expect(t(lang, s.title)).not.toBe(s.title);
  });

  it('a book lists its sections in the table order, leaving out those with nothing to say', () => {
    const store = tempStore();
    const { meeting } = world(store);
    put(store, 'talkingPoint', { meetingId: meeting.id, kind: 'certain', text: 'Firmar' });
    const ids = collect(store, meeting.id).sections.map((s) => s.id);
    expect(ids).toEqual(SECTION_ORDER.filter((id) => ids.includes(id)));
    expect(ids).toEqual(['programme', 'points', 'initiatives', 'card']);
  });
});

describe('what a book collects', () => {
  it('the last meeting with a counterpart: latest before this one, lowest id on a tie, undated only if none is dated', () => {
    const store = tempStore();
    const { ecuador, chile, meeting } = world(store);
    const last = () => section(collect(store, meeting.id), 'background').find((b) => b.type === 'keyValue');
    const titleOf = () => (last()?.type === 'keyValue' ? last()!.items[0]!.value : undefined);
    expect(last()).toBeUndefined();
    const [undated] = put(store, 'meeting', [{ title: 'Sin fecha', partyIds: [ecuador.id] }]);
    expect(titleOf()).toBe('Sin fecha');
    put(store, 'meeting', [
      { title: 'Primera', start: '2025-06-01T09:00:00Z', partyIds: [ecuador.id] },
      { title: 'Segunda', start: '2025-06-01T09:00:00Z', partyIds: [ecuador.id] },
      { title: 'Antigua', start: '2024-01-01T09:00:00Z', partyIds: [ecuador.id] },
      { title: 'Después', start: '2027-01-01T09:00:00Z', partyIds: [ecuador.id] },
      { title: 'Con Chile', start: '2026-01-01T09:00:00Z', partyIds: [chile.id] },
    ]);
    expect(titleOf()).toBe('Primera');
    deleteRecord(store.writer, 'meeting', undated!.id);
    expect(titleOf()).toBe('Primera');
  });

  it('open commitments of the meeting, of its initiatives and owed by its counterparts; nothing else', () => {
    const store = tempStore();
    const { peru, ecuador, chile, plan, meeting } = world(store);
    const other = one(store, 'meeting', { title: 'Otra', partyIds: [chile.id] });
    put(store, 'commitment', [
      { text: 'De la reunión', owingPartyId: peru.id, meetingId: meeting.id, dueDate: '2027-01-01' },
      { text: 'Del plan', owingPartyId: peru.id, initiativeId: plan.id, dueDate: '2026-01-01' },
      { text: 'Debe Ecuador', owingPartyId: ecuador.id, meetingId: other.id },
      { text: 'Cumplido', owingPartyId: ecuador.id, status: 'done' },
      { text: 'Debe Chile', owingPartyId: chile.id, meetingId: other.id },
      { text: 'Nuestro, de otra', owingPartyId: peru.id, meetingId: other.id },
    ]);
    const table = section(collect(store, meeting.id, { ownPartyId: peru.id }), 'commitments');
    expect(cells(table)).toEqual(['Del plan', 'De la reunión', 'Debe Ecuador']);
    expect(table[0]!.type === 'table' && table[0]!.rows[2]!.slice(1, 3)).toEqual(['Ecuador', 'Otra']);
    expect(table[0]!.type === 'table' && table[0]!.highlightRows).toEqual([0]);
  });

  it('biographies: their people at the table and the counterparts’ people, not ours, by name', () => {
    const store = tempStore();
    const { peru, ecuador, chile, meeting } = world(store);
    const [, ana, ours, invited] = put(store, 'person', [
      { name: 'beatriz', partyId: ecuador.id },
      { name: 'Ana', partyId: ecuador.id },
      { name: 'Embajador', partyId: ecuador.id },
      { name: 'Invitada', partyId: chile.id },
      { name: 'Ministro', partyId: peru.id },
    ]);
    put(store, 'participant', [
      { meetingId: meeting.id, side: 'ours', personId: ours!.id, name: 'Embajador' },
      { meetingId: meeting.id, side: 'theirs', personId: invited!.id, name: 'Invitada' },
    ]);
    deleteRecord(store.writer, 'person', ana!.id);
    const headings = section(collect(store, meeting.id, { ownPartyId: peru.id }), 'biographies')
      .filter((b) => b.type === 'heading')
      .map((b) => b.text);
    expect(headings).toEqual(['beatriz', 'Invitada']);
  });

  it('notes: only on what the book prints, current versions, private ones only with "mine"', () => {
    const store = tempStore();
    const { ecuador, chile, plan, meeting } = world(store);
    const note = (targetKind: string, targetId: string, body: string, visibility = 'shared') =>
      one(store, 'annotation', { targetKind, targetId, body, visibility });
    note('meeting', meeting.id, 'En la reunión');
    const first = note('initiative', plan.id, 'Primera versión', 'private');
    put(store, 'annotation', { id: first.id, body: 'Segunda versión' });
    note('party', ecuador.id, 'Sobre Ecuador', 'private');
    note('party', chile.id, 'Sobre Chile');
    const bodies = (model: BookModel, id: SectionId) =>
      section(model, id).map((b) => (b.type === 'note' ? `${b.target} | ${b.body}` : ''));
    const mine = collect(store, meeting.id);
    expect(bodies(mine, 'sharedNotes')).toEqual(['Reunión: Gabinete Binacional | En la reunión']);
    expect(bodies(mine, 'privateNotes')).toEqual([
      'Iniciativa: Plan de Acción | Segunda versión',
      'Contraparte: Ecuador | Sobre Ecuador',
    ]);
    expect(bodies(collect(store, meeting.id, { annotations: 'shared' }), 'privateNotes')).toEqual([]);
    expect(collect(store, meeting.id, { annotations: 'none' }).sections.map((s) => s.id)).not.toContain(
      'sharedNotes',
    );
  });

  it('a deleted initiative is left out, and so is its classification', () => {
    const store = tempStore();
    const { plan, meeting } = world(store);
    expect(collect(store, meeting.id).classification).toBe('confidential');
    deleteRecord(store.writer, 'initiative', plan.id);
    const model = collect(store, meeting.id);
    expect(model.classification).toBe('restricted');
    expect(section(model, 'initiatives')).toEqual([]);
  });

  it('reads through indexes only: no statement scans a table of records', () => {
    const store = tempStore();
    const { ecuador, meeting } = world(store);
    put(store, 'meeting', { title: 'Antes', start: '2025-01-01T09:00:00Z', partyIds: [ecuador.id] });
    put(store, 'participant', { meetingId: meeting.id, side: 'theirs', name: 'Alguien' });
    const statements: string[] = [];
    const spy = new Proxy(store.db, {
      get(target, key) {
        if (key === 'prepare')
          return (sql: string) => {
            statements.push(sql);
            return target.prepare(sql);
          };
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Db;
    collectBook(spy, meeting.id, OPTIONS);
    const undated = one(store, 'meeting', { title: 'Sin fecha', partyIds: [ecuador.id] });
    collectBook(spy, undated.id, OPTIONS);
    expect(statements.length).toBeGreaterThan(5);
    // A whole table or index read; the one walk allowed goes down the start index from the meeting's
    // start and stops at the first meeting with a counterpart.
    const scan =
      /^SCAN (party|person|initiative|meeting|agenda_item|talking_point|participant|commitment|annotation)\b/;
    const walk = 'SCAN meeting USING INDEX meeting_by_start';
    for (const sql of statements) {
      const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(countParams(sql)).fill('[]'));
      const scans = (plan as { detail: string }[])
        .map((p) => p.detail)
        .filter((d) => scan.test(d) && d !== walk);
      expect(scans, sql).toEqual([]);
    }
  });
});

const countParams = (sql: string) => (sql.match(/\?/g) ?? []).length;
