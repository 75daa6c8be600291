import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../db/changes.js';
import { getRecord } from '../../../db/reader.js';
import { putRecords } from '../../../db/writer.js';
import { tempStore } from '../../helpers.js';

describe('a change set is decided field by field', () => {
  it('an older set still wins the fields no newer set holds, whatever order they arrive in', () => {
    const orders = [
      ['older', 'newer'],
      ['newer', 'older'],
    ] as const;
    const results = orders.map((order) => {
      const store = tempStore();
      const [party] = putRecords(store.writer, 'party', { name: 'Chile', region: 'South America' });
      const sets = {
        older: {
          hlc: '001900000000000-000000',
          device: 'laptopA',
          fields: { name: 'Chile A', profile: 'A' },
        },
        newer: { hlc: '001900000000001-000000', device: 'laptopB', fields: { name: 'Chile B' } },
      };
      for (const which of order) {
        expect(applyChangeSet(store.db, { kind: 'party', row: party!.id, ...sets[which] })).not.toBe('known');
      }
      return getRecord(store.db, 'party', party!.id);
    });
    for (const record of results) {
      expect(record).toMatchObject({ name: 'Chile B', profile: 'A', region: 'South America' });
      expect(record.version).toBe('001900000000001-000000');
    }
  });

  it('a set whose every field a newer set holds is superseded; the same set again is known', () => {
    const store = tempStore();
    const [party] = putRecords(store.writer, 'party', { name: 'Bolivia' });
    const stale = { kind: 'party' as const, row: party!.id, hlc: '000000000000001-000000', device: 'old' };
    expect(applyChangeSet(store.db, { ...stale, fields: { name: 'Bolívia' } })).toBe('superseded');
    expect(applyChangeSet(store.db, { ...stale, fields: { name: 'Bolívia' } })).toBe('known');
    expect(getRecord(store.db, 'party', party!.id).name).toBe('Bolivia');
  });

  it('on the same clock the greater device wins; the greatest delete counter wins', () => {
    const store = tempStore();
    const [party] = putRecords(store.writer, 'party', { name: 'Uruguay' });
    const at = { kind: 'party' as const, row: party!.id, hlc: '001900000000000-000000' };
    applyChangeSet(store.db, { ...at, device: 'bbb', fields: { name: 'B', deleteCounter: 2 } });
    applyChangeSet(store.db, { ...at, device: 'aaa', fields: { name: 'A', deleteCounter: 3 } });
    const row = store.db.prepare('SELECT name, deleteCounter FROM party WHERE id = ?').get(party!.id);
    expect(row).toEqual({ name: 'B', deleteCounter: 3 });
  });
});
