import { describe, expect, it } from 'vitest';
import { search, toFtsQuery } from '../../../db/search.js';
import { deleteRecord, putRecords } from '../../../db/writer.js';
import { tempStore } from '../../helpers.js';

describe('full-text search', () => {
  it('folds accents and case both ways', () => {
    const store = tempStore();
    const [peru] = putRecords(store.writer, 'party', { name: 'Perú' });
    putRecords(store.writer, 'party', { name: 'Canada', profile: 'Coordinación con Perú' });
    expect(search(store.db, 'peru').map((h) => h.id)).toContain(peru!.id);
    expect(search(store.db, 'PERÚ').map((h) => h.id)).toContain(peru!.id);
    expect(search(store.db, 'coordinacion')).toHaveLength(1);
  });

  it('ranks a title match above a body match', () => {
    const store = tempStore();
    const [inBody] = putRecords(store.writer, 'initiative', {
      title: 'Cooperación regional',
      summary: 'Incluye un acuerdo sobre migración y otros asuntos de la agenda bilateral',
    });
    const [inTitle] = putRecords(store.writer, 'initiative', {
      title: 'Comité de migración',
      summary: 'Con Chile',
    });
    expect(search(store.db, 'migracion').map((h) => h.id)).toEqual([inTitle!.id, inBody!.id]);
  });

  it('returns kind, id, title and a snippet with the match highlighted', () => {
    const store = tempStore();
    const [meeting] = putRecords(store.writer, 'meeting', { title: 'Gabinete Binacional', place: 'Quito' });
    const [hit] = search(store.db, 'quito');
    expect(hit).toEqual({
      kind: 'meeting',
      id: meeting!.id,
      title: 'Gabinete Binacional',
      snippet: expect.stringContaining('[[Quito]]'),
    });
  });

  it('finds a meeting by its points to make, and forgets what was deleted', () => {
    const store = tempStore();
    const [meeting] = putRecords(store.writer, 'meeting', { title: 'Reunión' });
    const [point] = putRecords(store.writer, 'talkingPoint', {
      meetingId: meeting!.id,
      text: 'Facilitación del comercio',
    });
    expect(search(store.db, 'facilitacion').map((h) => h.id)).toEqual([meeting!.id]);
    deleteRecord(store.writer, 'talkingPoint', point!.id);
    expect(search(store.db, 'facilitacion')).toEqual([]);
  });

  it('a point moved to another meeting is found under that meeting only', () => {
    const store = tempStore();
    const [lima, quito] = putRecords(store.writer, 'meeting', [{ title: 'Lima' }, { title: 'Quito' }]);
    const [point] = putRecords(store.writer, 'talkingPoint', { meetingId: lima!.id, text: 'Guacamayo' });
    expect(search(store.db, 'guacamayo').map((h) => h.id)).toEqual([lima!.id]);
    putRecords(store.writer, 'talkingPoint', { id: point!.id, meetingId: quito!.id });
    expect(search(store.db, 'guacamayo').map((h) => h.id)).toEqual([quito!.id]);
  });

  it('indexes shared notes but never private ones', () => {
    const store = tempStore();
    const [meeting] = putRecords(store.writer, 'meeting', { title: 'Reunión' });
    putRecords(store.writer, 'annotation', {
      targetKind: 'meeting',
      targetId: meeting!.id,
      body: 'compartida zanahoria',
    });
    putRecords(store.writer, 'annotation', {
      targetKind: 'meeting',
      targetId: meeting!.id,
      body: 'privada zanahoria',
      visibility: 'private',
    });
    expect(search(store.db, 'zanahoria').map((h) => h.title)).toEqual(['compartida zanahoria']);
  });

  it.each([
    '"',
    '*',
    '-',
    'OR',
    'peru OR',
    'NOT',
    'a AND',
    '(',
    ')',
    '^',
    'NEAR(',
    ':',
    '"unterminated',
    '***',
    '',
  ])('a query with FTS syntax %j never errors', (query) => {
    const store = tempStore();
    putRecords(store.writer, 'party', { name: 'Perú OR Chile' });
    expect(() => search(store.db, query)).not.toThrow();
  });

  it('searches one kind when asked', () => {
    const store = tempStore();
    putRecords(store.writer, 'meeting', { title: 'Gabinete con Chile' });
    const [initiative] = putRecords(store.writer, 'initiative', { title: 'Comité con Chile' });
    expect(search(store.db, 'chile')).toHaveLength(2);
    expect(search(store.db, 'chile', 10, 'initiative').map((h) => h.id)).toEqual([initiative!.id]);
  });

  it('treats operators as words', () => {
    const store = tempStore();
    putRecords(store.writer, 'party', { name: 'Perú' });
    putRecords(store.writer, 'party', { name: 'Chile' });
    expect(search(store.db, 'peru OR chile')).toEqual([]);
    expect(toFtsQuery('peru OR chile')).toBe('"peru" "OR" "chile" *');
  });
});
