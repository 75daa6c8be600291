// Property: whatever the stores do and however packages travel (any order, duplicates, stale ones,
// relays), once everyone has everyone's packages every store prints the same dump.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValijaError } from '../../domain/errors.js';
import { KINDS, type KindName } from '../../domain/kinds.js';
import { listRecords, type ListFilter } from '../../db/reader.js';
import type { Store } from '../../db/store.js';
import { deleteRecord, putRecords, restoreRecord } from '../../db/writer.js';
import { encodePackage } from '../../electron/sync/encode.js';
import { applyImport } from '../../electron/sync/importer.js';
import { dump, memoryStore } from '../sync-helpers.js';

// Histories of 10–40 steps mixing every kind; about 30 s on the 2-core build machine.
const RUNS = Number(process.env.VALIJA_PROPERTY_RUNS ?? 1000);

/** The kinds a history writes: parties, meetings with their parts, and the records that refer to them. */
const KINDS_USED = [
  'party',
  'initiative',
  'meeting',
  'agendaItem',
  'talkingPoint',
  'participant',
  'commitment',
] as const;
type Kind = (typeof KINDS_USED)[number];

type Op =
  | { type: 'create'; store: number; kind: Kind; pick: number; name: string }
  | { type: 'edit'; store: number; kind: Kind; pick: number; field: number; value: string }
  | { type: 'delete'; store: number; kind: Kind; pick: number }
  | { type: 'restore'; store: number; kind: Kind; pick: number }
  | { type: 'note'; store: number; kind: Kind; pick: number; body: string }
  | { type: 'editNote'; store: number; pick: number; body: string }
  | { type: 'tick'; ms: number }
  | { type: 'export'; store: number }
  | { type: 'deliver'; pick: number; to: number }
  | { type: 'sync'; from: number; to: number };

const word = fc.constantFrom('Perú', 'Chile', 'Ecuador', 'Bolivia', 'Quito', 'Lima', 'ñandú', 'Ünïcode');

function opArb(stores: number): fc.Arbitrary<Op> {
  const store = fc.integer({ min: 0, max: stores - 1 });
  // Small picks: two laptops often choose the same record (lists are in the same order everywhere).
  const pick = fc.nat(3);
  const kind = fc.constantFrom<Kind>(...KINDS_USED);
  // Parties, meetings and their parts are created more often than the rest: the others refer to them.
  const created = fc.constantFrom<Kind>(
    ...KINDS_USED,
    'party',
    'meeting',
    'agendaItem',
    'talkingPoint',
    'participant',
  );
  return fc.oneof(
    fc.record({ type: fc.constant('create' as const), store, kind: created, pick, name: word }),
    fc.record({ type: fc.constant('create' as const), store, kind: created, pick, name: word }),
    fc.record({ type: fc.constant('create' as const), store, kind: created, pick, name: word }),
    fc.record({ type: fc.constant('edit' as const), store, kind, pick, field: fc.nat(3), value: word }),
    fc.record({ type: fc.constant('edit' as const), store, kind, pick, field: fc.nat(3), value: word }),
    fc.record({ type: fc.constant('edit' as const), store, kind, pick, field: fc.nat(3), value: word }),
    fc.record({ type: fc.constant('delete' as const), store, kind, pick }),
    fc.record({ type: fc.constant('restore' as const), store, kind, pick }),
    fc.record({ type: fc.constant('delete' as const), store, kind, pick }),
    fc.record({ type: fc.constant('restore' as const), store, kind, pick }),
    fc.record({ type: fc.constant('export' as const), store }),
    fc.record({ type: fc.constant('deliver' as const), pick, to: store }),
    fc.record({ type: fc.constant('note' as const), store, kind, pick, body: word }),
    fc.record({ type: fc.constant('editNote' as const), store, pick, body: word }),
    // ticks of 0 ms make edits on two stores land in the same millisecond
    fc.record({ type: fc.constant('tick' as const), ms: fc.constantFrom(0, 0, 1, 1000) }),
    fc.record({ type: fc.constant('export' as const), store }),
    fc.record({ type: fc.constant('deliver' as const), pick, to: store }),
    // A package handed straight to another laptop: most histories then edit records two laptops share.
    fc.record({ type: fc.constant('sync' as const), from: store, to: store }),
    fc.record({ type: fc.constant('sync' as const), from: store, to: store }),
  );
}

/** Records of a kind, alive or deleted, in id order. */
function allRows(s: Store, kind: Kind): { id: string; deleteCounter: number }[] {
  return s.db.prepare(`SELECT id, deleteCounter FROM "${KINDS[kind].table}" ORDER BY id`).all() as {
    id: string;
    deleteCounter: number;
  }[];
}

/** The id of one alive record of a kind, chosen by `pick`; null when there is none. */
function aliveId(s: Store, kind: KindName, pick: number, filter: ListFilter = {}): string | null {
  const alive = listRecords(s.db, kind, filter);
  return alive.length ? alive[pick % alive.length]!.id : null;
}

/** Up to two alive ids of a kind (a list reference). */
function aliveIds(s: Store, kind: KindName, pick: number): string[] {
  const alive = listRecords(s.db, kind).map((r) => r.id);
  return [...new Set([alive[pick % (alive.length + 1)], alive[(pick >> 1) % (alive.length + 1)]])].filter(
    (id): id is string => id !== undefined,
  );
}

/** A new record of a kind, referring to alive records the store holds; undefined for a part without a meeting. */
function newRecord(s: Store, kind: Kind, pick: number, name: string): Record<string, unknown> | undefined {
  const meetingId = aliveId(s, 'meeting', pick);
  switch (kind) {
    case 'party':
      return { name };
    case 'initiative':
      return { title: name, partyIds: aliveIds(s, 'party', pick) };
    case 'meeting':
      return {
        title: name,
        partyIds: aliveIds(s, 'party', pick),
        initiativeIds: aliveIds(s, 'initiative', pick),
      };
    case 'agendaItem':
      return meetingId ? { meetingId, title: name } : undefined;
    case 'talkingPoint':
      return meetingId
        ? { meetingId, text: name, agendaItemId: aliveId(s, 'agendaItem', pick, { meetingId }) }
        : undefined;
    case 'participant':
      return meetingId ? { meetingId, name, side: pick % 2 ? 'ours' : 'theirs' } : undefined;
    case 'commitment':
      return {
        text: name,
        owingPartyId: aliveId(s, 'party', pick),
        meetingId,
        initiativeId: aliveId(s, 'initiative', pick >> 1),
      };
  }
}

/** A change to one field of a record (which field by `field`), its references chosen among alive records. */
function fieldChange(
  s: Store,
  kind: Kind,
  field: number,
  pick: number,
  value: string,
): Record<string, unknown> {
  const changes: Record<Kind, (() => Record<string, unknown>)[]> = {
    party: [() => ({ name: value }), () => ({ region: value })],
    initiative: [
      () => ({ title: value }),
      () => ({ status: pick % 2 ? 'active' : 'stalled' }),
      () => ({ partyIds: aliveIds(s, 'party', pick) }),
    ],
    meeting: [
      () => ({ title: value }),
      () => ({ place: value }),
      () => ({ partyIds: aliveIds(s, 'party', pick) }),
      () => ({ initiativeIds: aliveIds(s, 'initiative', pick) }),
    ],
    agendaItem: [() => ({ title: value }), () => ({ position: pick })],
    talkingPoint: [() => ({ text: value }), () => ({ kind: pick % 2 ? 'possible' : 'defensive' })],
    participant: [() => ({ name: value }), () => ({ side: pick % 2 ? 'ours' : 'theirs' })],
    commitment: [
      () => ({ text: value }),
      () => ({ status: pick % 2 ? 'done' : 'open' }),
      () => ({ initiativeId: aliveId(s, 'initiative', pick) }),
      () => ({ owingPartyId: aliveId(s, 'party', pick) }),
    ],
  };
  const options = changes[kind];
  return options[field % options.length]!();
}

/**
 * Runs one local write. The writer refuses some (a reference to a record deleted meanwhile, an edit of a
 * record whose reference died): that refusal is the product's rule, and the history goes on without it.
 */
function write(action: () => unknown): void {
  try {
    action();
  } catch (error) {
    if (!isValijaError(error) || !['E_INVALID', 'E_NOT_FOUND', 'E_CONFLICT'].includes(error.code))
      throw error;
  }
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
        case 'create': {
          const store = stores[op.store]!;
          // A part of a meeting on a laptop with no meeting alive comes with a meeting of its own.
          if (KINDS[op.kind].parentField && !aliveId(store, 'meeting', 0))
            write(() => putRecords(store.writer, 'meeting', newRecord(store, 'meeting', op.pick, op.name)));
          const input = newRecord(store, op.kind, op.pick, op.name);
          if (input) write(() => putRecords(store.writer, op.kind, input));
          break;
        }
        case 'edit': {
          const store = stores[op.store]!;
          const id = aliveId(store, op.kind, op.pick);
          if (id) {
            const change = fieldChange(store, op.kind, op.field, op.pick, op.value);
            write(() => putRecords(store.writer, op.kind, { id, ...change }));
          }
          break;
        }
        case 'delete': {
          const store = stores[op.store]!;
          const id = aliveId(store, op.kind, op.pick);
          if (id) write(() => deleteRecord(store.writer, op.kind, id));
          break;
        }
        case 'restore': {
          const store = stores[op.store]!;
          const dead = allRows(store, op.kind).filter((r) => r.deleteCounter % 2 === 0);
          if (dead.length) write(() => restoreRecord(store.writer, op.kind, dead[op.pick % dead.length]!.id));
          break;
        }
        case 'note': {
          const store = stores[op.store]!;
          const targetId = aliveId(store, op.kind, op.pick);
          if (targetId)
            write(() =>
              putRecords(store.writer, 'annotation', { targetKind: op.kind, targetId, body: op.body }),
            );
          break;
        }
        case 'editNote': {
          const store = stores[op.store]!;
          const id = aliveId(store, 'annotation', op.pick);
          if (id) write(() => putRecords(store.writer, 'annotation', { id, body: op.body }));
          break;
        }
        case 'export':
          packages.push(encodePackage(stores[op.store]!).bytes);
          break;
        case 'deliver':
        case 'sync': {
          if (op.type === 'sync') packages.push(encodePackage(stores[op.from]!).bytes);
          if (!packages.length) break;
          const bytes = op.type === 'sync' ? packages.at(-1)! : packages[op.pick % packages.length]!;
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
    // Every author's sets travel with its signed head, so no store holds any it cannot prove and relay.
    const encoded = stores.map((s) => encodePackage(s));
    for (const { withheld } of encoded) expect(withheld).toEqual([]);
    const finals = encoded.map((e) => e.bytes);
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
  it(
    `every store ends with the same dump (${RUNS} random histories, relays through 3–5 stores)`,
    { timeout: 600_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc
            .integer({ min: 3, max: 5 })
            .chain((n) =>
              fc.tuple(fc.constant(n), fc.array(opArb(n), { minLength: 10, maxLength: 40, size: 'max' })),
            ),
          async ([n, ops]) => run(n, ops),
        ),
        { numRuns: RUNS, verbose: 1 },
      );
    },
  );

  // Seeds that once failed are kept here as regression cases: fc.assert(..., { seed, path }).
  it('a same-millisecond edit of one field on two stores resolves identically', async () => {
    await run(3, [
      { type: 'create', store: 0, kind: 'party', pick: 0, name: 'Perú' },
      { type: 'export', store: 0 },
      { type: 'deliver', pick: 0, to: 1 },
      { type: 'edit', store: 0, pick: 0, kind: 'party', field: 0, value: 'Chile' },
      { type: 'edit', store: 1, pick: 0, kind: 'party', field: 0, value: 'Ecuador' },
      { type: 'delete', store: 2, kind: 'party', pick: 0 },
    ]);
  });

  it('a note on a record deleted meanwhile can still be edited (seed 919256670)', async () => {
    await run(3, [
      { type: 'create', store: 0, kind: 'party', pick: 0, name: 'Perú' },
      { type: 'export', store: 0 },
      { type: 'deliver', pick: 0, to: 1 },
      { type: 'note', store: 1, kind: 'party', pick: 0, body: 'Perú' },
      { type: 'delete', store: 1, kind: 'party', pick: 0 },
      { type: 'editNote', store: 1, pick: 0, body: 'Chile' },
    ]);
  });

  it('a delete on one laptop and a delete-then-restore on another: the greater counter wins everywhere', async () => {
    await run(
      3,
      [
        { type: 'create', store: 0, kind: 'party', pick: 0, name: 'Perú' },
        { type: 'export', store: 0 },
        { type: 'deliver', pick: 0, to: 1 },
        { type: 'delete', store: 1, kind: 'party', pick: 0 },
        { type: 'restore', store: 1, kind: 'party', pick: 0 },
        { type: 'tick', ms: 1000 },
        { type: 'delete', store: 0, kind: 'party', pick: 0 },
      ],
      [0, -2000, 0],
    );
  });

  it('a party deleted on one laptop while another starts an initiative and a commitment on it', async () => {
    await run(3, [
      { type: 'create', store: 0, kind: 'party', pick: 0, name: 'Perú' },
      { type: 'export', store: 0 },
      { type: 'deliver', pick: 0, to: 1 },
      { type: 'create', store: 1, kind: 'initiative', pick: 0, name: 'Lima' },
      { type: 'create', store: 1, kind: 'commitment', pick: 0, name: 'Quito' },
      { type: 'delete', store: 0, kind: 'party', pick: 0 },
      { type: 'export', store: 1 },
      { type: 'deliver', pick: 1, to: 2 },
      { type: 'restore', store: 2, kind: 'party', pick: 0 },
      { type: 'edit', store: 1, kind: 'commitment', pick: 0, field: 3, value: 'Chile' },
    ]);
  });

  it('a meeting deleted on one laptop while another adds to its agenda and points', async () => {
    await run(3, [
      { type: 'create', store: 0, kind: 'party', pick: 0, name: 'Perú' },
      { type: 'create', store: 0, kind: 'meeting', pick: 0, name: 'Quito' },
      { type: 'create', store: 0, kind: 'agendaItem', pick: 0, name: 'Lima' },
      { type: 'export', store: 0 },
      { type: 'deliver', pick: 0, to: 1 },
      { type: 'create', store: 1, kind: 'talkingPoint', pick: 0, name: 'Chile' },
      { type: 'create', store: 1, kind: 'participant', pick: 0, name: 'Bolivia' },
      { type: 'edit', store: 1, kind: 'agendaItem', pick: 0, field: 1, value: 'Ecuador' },
      { type: 'delete', store: 0, kind: 'meeting', pick: 0 },
      { type: 'delete', store: 0, kind: 'agendaItem', pick: 0 },
      { type: 'tick', ms: 1 },
      { type: 'restore', store: 0, kind: 'meeting', pick: 0 },
      { type: 'note', store: 1, kind: 'agendaItem', pick: 0, body: 'ñandú' },
    ]);
  });

  it("two laptops change a meeting's counterparts at once: the later change wins everywhere", async () => {
    await run(3, [
      { type: 'create', store: 0, kind: 'party', pick: 0, name: 'Perú' },
      { type: 'create', store: 0, kind: 'party', pick: 0, name: 'Chile' },
      { type: 'create', store: 0, kind: 'meeting', pick: 0, name: 'Quito' },
      { type: 'export', store: 0 },
      { type: 'deliver', pick: 0, to: 1 },
      // Created with [Chile]; one laptop makes it [Perú, Chile], the other, a millisecond later, [Perú].
      { type: 'edit', store: 1, kind: 'meeting', pick: 1, field: 2, value: 'Lima' },
      { type: 'tick', ms: 1 },
      { type: 'edit', store: 0, kind: 'meeting', pick: 2, field: 2, value: 'Lima' },
    ]);
  });
});
