// Property: whatever the stores do and however packages travel (any order, duplicates, stale ones,
// relays), once everyone has everyone's packages every store prints the same dump.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listRecords } from '../../db/reader.js';
import type { Store } from '../../db/store.js';
import { deleteRecord, putRecords, restoreRecord } from '../../db/writer.js';
import { encodePackage } from '../../electron/sync/encode.js';
import { applyImport } from '../../electron/sync/importer.js';
import { dump, memoryStore } from '../sync-helpers.js';

const RUNS = Number(process.env.VALIJA_PROPERTY_RUNS ?? 1000);

type Op =
  | { type: 'create'; store: number; name: string }
  | { type: 'edit'; store: number; pick: number; field: 'name' | 'region'; value: string }
  | { type: 'delete'; store: number; pick: number }
  | { type: 'restore'; store: number; pick: number }
  | { type: 'note'; store: number; pick: number; body: string }
  | { type: 'editNote'; store: number; pick: number; body: string }
  | { type: 'tick'; ms: number }
  | { type: 'export'; store: number }
  | { type: 'deliver'; pick: number; to: number };

const word = fc.constantFrom('Perú', 'Chile', 'Ecuador', 'Bolivia', 'Quito', 'Lima', 'ñandú', 'Ünïcode');

function opArb(stores: number): fc.Arbitrary<Op> {
  const store = fc.integer({ min: 0, max: stores - 1 });
  const pick = fc.nat(50);
  return fc.oneof(
    fc.record({ type: fc.constant('create' as const), store, name: word }),
    fc.record({
      type: fc.constant('edit' as const),
      store,
      pick,
      field: fc.constantFrom('name' as const, 'region' as const),
      value: word,
    }),
    fc.record({ type: fc.constant('delete' as const), store, pick }),
    fc.record({ type: fc.constant('restore' as const), store, pick }),
    fc.record({ type: fc.constant('delete' as const), store, pick }),
    fc.record({ type: fc.constant('restore' as const), store, pick }),
    fc.record({ type: fc.constant('export' as const), store }),
    fc.record({ type: fc.constant('deliver' as const), pick, to: store }),
    fc.record({ type: fc.constant('note' as const), store, pick, body: word }),
    fc.record({ type: fc.constant('editNote' as const), store, pick, body: word }),
    // ticks of 0 ms make edits on two stores land in the same millisecond
    fc.record({ type: fc.constant('tick' as const), ms: fc.constantFrom(0, 0, 1, 1000) }),
    fc.record({ type: fc.constant('export' as const), store }),
    fc.record({ type: fc.constant('deliver' as const), pick, to: store }),
  );
}

function allParties(s: Store): { id: string; deleteCounter: number }[] {
  return s.db.prepare('SELECT id, deleteCounter FROM party ORDER BY id').all() as {
    id: string;
    deleteCounter: number;
  }[];
}

async function run(storeCount: number, ops: Op[], skews: number[] = []): Promise<void> {
  const clock = { now: Date.parse('2026-06-01T12:00:00Z') };
  // Each laptop's wall clock is off by its own skew, so causally later writes may carry earlier wall times.
  const stores = Array.from({ length: storeCount }, (_, i) =>
    memoryStore({
      get now() {
        return clock.now + (skews[i] ?? 0);
      },
    }),
  );
  const packages: Buffer[] = [];
  try {
    for (const op of ops) {
      switch (op.type) {
        case 'tick':
          clock.now += op.ms;
          break;
        case 'create':
          putRecords(stores[op.store]!.writer, 'party', { name: op.name });
          break;
        case 'edit': {
          const alive = listRecords(stores[op.store]!.db, 'party');
          if (alive.length)
            putRecords(stores[op.store]!.writer, 'party', {
              id: alive[op.pick % alive.length]!.id,
              [op.field]: op.value,
            });
          break;
        }
        case 'delete': {
          const alive = listRecords(stores[op.store]!.db, 'party');
          if (alive.length)
            deleteRecord(stores[op.store]!.writer, 'party', alive[op.pick % alive.length]!.id);
          break;
        }
        case 'restore': {
          const dead = allParties(stores[op.store]!).filter((p) => p.deleteCounter % 2 === 0);
          if (dead.length) restoreRecord(stores[op.store]!.writer, 'party', dead[op.pick % dead.length]!.id);
          break;
        }
        case 'note': {
          const alive = listRecords(stores[op.store]!.db, 'party');
          if (alive.length) {
            putRecords(stores[op.store]!.writer, 'annotation', {
              targetKind: 'party',
              targetId: alive[op.pick % alive.length]!.id,
              body: op.body,
            });
          }
          break;
        }
        case 'editNote': {
          const notes = listRecords(stores[op.store]!.db, 'annotation');
          if (notes.length)
            putRecords(stores[op.store]!.writer, 'annotation', {
              id: notes[op.pick % notes.length]!.id,
              body: op.body,
            });
          break;
        }
        case 'export':
          packages.push(encodePackage(stores[op.store]!).bytes);
          break;
        case 'deliver': {
          if (!packages.length) break;
          const bytes = packages[op.pick % packages.length]!;
          const target = stores[op.to]!;
          await applyImport(target, bytes, { trust: true });
          const again = dump(target);
          await applyImport(target, bytes, { trust: true }); // a duplicate delivery changes nothing
          expect(dump(target)).toBe(again);
          break;
        }
      }
    }
    // Everyone exports; everyone imports everything (in a different order each).
    const finals = stores.map((s) => encodePackage(s).bytes);
    for (const [i, target] of stores.entries()) {
      for (let k = 0; k < finals.length; k++)
        await applyImport(target, finals[(i + k) % finals.length]!, { trust: true });
    }
    const dumps = stores.map(dump);
    for (const d of dumps) expect(d).toBe(dumps[0]);
  } finally {
    for (const s of stores) s.close();
  }
}

describe('convergence', () => {
  it(`every store ends with the same dump (${RUNS} random histories)`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 3, max: 5 })
          .chain((n) => fc.tuple(fc.constant(n), fc.array(opArb(n), { minLength: 1, maxLength: 30 }))),
        async ([n, ops]) => run(n, ops),
      ),
      { numRuns: RUNS, verbose: 1 },
    );
  });

  // Seeds that once failed are kept here as regression cases: fc.assert(..., { seed, path }).
  it('a same-millisecond edit of one field on two stores resolves identically', async () => {
    await run(3, [
      { type: 'create', store: 0, name: 'Perú' },
      { type: 'export', store: 0 },
      { type: 'deliver', pick: 0, to: 1 },
      { type: 'edit', store: 0, pick: 0, field: 'name', value: 'Chile' },
      { type: 'edit', store: 1, pick: 0, field: 'name', value: 'Ecuador' },
      { type: 'delete', store: 2, pick: 0 },
    ]);
  });

  it('a note on a record deleted meanwhile can still be edited (seed 919256670)', async () => {
    await run(3, [
      { type: 'create', store: 0, name: 'Perú' },
      { type: 'export', store: 0 },
      { type: 'deliver', pick: 0, to: 1 },
      { type: 'note', store: 1, pick: 0, body: 'Perú' },
      { type: 'delete', store: 1, pick: 0 },
      { type: 'editNote', store: 1, pick: 0, body: 'Chile' },
    ]);
  });

  it('a delete on one laptop and a delete-then-restore on another: the greater counter wins everywhere', async () => {
    await run(
      3,
      [
        { type: 'create', store: 0, name: 'Perú' },
        { type: 'export', store: 0 },
        { type: 'deliver', pick: 0, to: 1 },
        { type: 'delete', store: 1, pick: 0 },
        { type: 'restore', store: 1, pick: 0 },
        { type: 'tick', ms: 1000 },
        { type: 'delete', store: 0, pick: 0 },
      ],
      [0, -2000, 0],
    );
  });
});
