// Merging changes from another store: a set union of change sets, each field decided on its own (see
// changes.ts). A ChangeMerger takes a package's sets in batches and, per record, says what importing does
// (the preview) and, when applying, does it right away inside the caller's transaction: one rule for both,
// so the preview and the result agree, and any order of imports gives the same store.
import type { Db } from './connection.js';
import {
  applyChangeSet,
  changeSetsOf,
  DELETE_COUNTER,
  isNewer,
  logChangeSet,
  writeNewRow,
  type ChangeSet,
  type Clocked,
} from './changes.js';
import { observeClock } from './device.js';
import { hlcToIso } from './hlc.js';
import { ValijaError } from '../domain/errors.js';
import { KINDS, type KindName } from '../domain/kinds.js';
import { isAlive, readRow } from './reader.js';
import { currentParent, FreshRows, reindexRecords } from './search.js';
import { stmt } from './statements.js';
import type { ConflictSide, KindCounts, MergeReport } from '../domain/results.js';

const SHARED_CHANGES = `FROM change_set
  WHERE NOT (kind = 'annotation' AND row IN (SELECT id FROM annotation WHERE visibility = 'private'))`;

/** How many shared change sets this store holds (for progress). */
export function countSharedChanges(db: Db): number {
  return (stmt(db, `SELECT count(*) AS n ${SHARED_CHANGES}`).get() as { n: number }).n;
}

/** A change set as the log keeps it: `[kind, row, hlc, device, fields as JSON text]`. */
export type ChangeSetTuple = [KindName, string, string, string, string];

/**
 * Every shared change set this store holds (never private notes), record by record, as raw tuples: one
 * statement, so a consistent snapshot, read lazily.
 */
export function sharedChangeTuples(db: Db): IterableIterator<ChangeSetTuple> {
  return stmt(db, `SELECT kind, row, hlc, device, fields ${SHARED_CHANGES} ORDER BY kind, row, hlc, device`)
    .raw(true)
    .iterate() as IterableIterator<ChangeSetTuple>;
}

/** For each device, the latest clock of its changes that this store holds. */
export function seenClocks(db: Db): Record<string, string> {
  const rows = stmt(
    db,
    'SELECT device, max(hlc) AS hlc FROM change_set GROUP BY device ORDER BY device',
  ).all() as Clocked[];
  return Object.fromEntries(rows.map((r) => [r.device, r.hlc]));
}

const setKey = (c: Clocked) => `${c.hlc}\u0000${c.device}`;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function emptyCounts(): KindCounts {
  return { new: 0, changed: 0, deleted: 0, restored: 0, known: 0 };
}

interface FieldChange extends Clocked {
  value: unknown;
}

/** For each field, the newest of these sets that holds it. */
function winnersByField(
  sets: Iterable<Clocked & { fields: Record<string, unknown> }>,
): Map<string, FieldChange> {
  const winners = new Map<string, FieldChange>();
  for (const set of sets) {
    for (const [field, value] of Object.entries(set.fields)) {
      const best = winners.get(field);
      if (!best || isNewer(set, best)) winners.set(field, { hlc: set.hlc, device: set.device, value });
    }
  }
  return winners;
}

function side(c: FieldChange): ConflictSide {
  return { value: c.value, hlc: c.hlc, device: c.device, at: hlcToIso(c.hlc) };
}

/**
 * Each record's sets, together: the sets in the log's order (as a package's lines come, checked by the
 * decoder) and where each record's run of them starts.
 */
interface Runs {
  sets: readonly ChangeSet[];
  /** Start of each run; the last run ends at `end`. */
  starts: number[];
  end: number;
}

function recordRuns(sets: readonly ChangeSet[]): Runs {
  const starts: number[] = [];
  for (let i = 0; i < sets.length; i++) {
    const set = sets[i]!;
    const previous = sets[i - 1];
    if (!previous || previous.row !== set.row || previous.kind !== set.kind) starts.push(i);
  }
  return { sets, starts, end: sets.length };
}

/** Which of these records this store holds, per kind: one query per thousand ids rather than one per record. */
function heldRows(db: Db, { sets, starts }: Runs, emptyKinds: Set<KindName>): Map<KindName, Set<string>> {
  const byKind = new Map<KindName, string[]>();
  for (const start of starts) {
    const { kind, row } = sets[start]!;
    const ids = byKind.get(kind);
    if (ids) ids.push(row);
    else byKind.set(kind, [row]);
  }
  const held = new Map<KindName, Set<string>>();
  for (const [kind, ids] of byKind) {
    const found = new Set<string>();
    held.set(kind, found);
    if (emptyKinds.has(kind)) continue;
    const query = stmt(
      db,
      `SELECT id FROM "${KINDS[kind].table}" WHERE id IN (SELECT value FROM json_each(?))`,
    ).pluck();
    for (let start = 0; start < ids.length; start += 1000) {
      for (const id of query.all(JSON.stringify(ids.slice(start, start + 1000))) as string[]) found.add(id);
    }
  }
  return held;
}

function emptyKinds(db: Db): Set<KindName> {
  const kinds = Object.keys(KINDS) as KindName[];
  return new Set(
    kinds.filter((kind) => stmt(db, `SELECT 1 FROM "${KINDS[kind].table}" LIMIT 1`).get() === undefined),
  );
}

/** Which sets of the records held here the log already has (indexes into the sets): one query per batch. */
function knownSets(db: Db, { sets, starts, end }: Runs, held: Map<KindName, Set<string>>): Set<number> {
  const asked: [number, string, string, string, string][] = [];
  starts.forEach((start, r) => {
    const { kind, row } = sets[start]!;
    if (!held.get(kind)!.has(row)) return;
    for (let i = start; i < (starts[r + 1] ?? end); i++) {
      const set = sets[i]!;
      asked.push([i, set.kind, set.row, set.hlc, set.device]);
    }
  });
  if (asked.length === 0) return new Set();
  const found = stmt(
    db,
    `SELECT asked.value ->> 0 FROM json_each(?) asked WHERE EXISTS (SELECT 1 FROM change_set
       WHERE kind = asked.value ->> 1 AND row = asked.value ->> 2 AND hlc = asked.value ->> 3 AND device = asked.value ->> 4)`,
  )
    .pluck()
    .all(JSON.stringify(asked)) as number[];
  return new Set(found);
}

/**
 * What one record's sets in the package do here: counted in the report, and the sets this store lacks.
 * Reads the record's row and log only, so records may be analysed (and applied) one after another.
 */
function analyzeRecord(
  db: Db,
  report: MergeReport,
  kind: KindName,
  row: string,
  rowSets: readonly ChangeSet[],
  local: Record<string, unknown> | undefined,
): readonly ChangeSet[] {
  const counts = (report.counts[kind] ??= emptyCounts());
  if (!local) {
    // A record this store has never seen: none of its changes can be known here.
    report.newChanges += rowSets.length;
    counts.new++;
    return rowSets;
  }
  const localSets = changeSetsOf(db, kind, row);
  const localKeys = new Set(localSets.map(setKey));
  const unknown = rowSets.filter((set) => !localKeys.has(setKey(set)));
  report.newChanges += unknown.length;
  if (unknown.length === 0) {
    counts.known++;
    return unknown;
  }
  const localCounter = local.deleteCounter as number;
  const theirs = winnersByField(unknown);
  const counter = Math.max(localCounter, (theirs.get(DELETE_COUNTER)?.value as number) ?? 0);
  const deleted = isAlive(localCounter) && !isAlive(counter);
  const restored = !isAlive(localCounter) && isAlive(counter);
  if (deleted) counts.deleted++;
  if (restored) counts.restored++;
  theirs.delete(DELETE_COUNTER);
  const mine = winnersByField(
    localSets.map((set) => ({ ...set, fields: JSON.parse(set.fields) as Record<string, unknown> })),
  );
  const incoming = new Set(rowSets.map(setKey));
  let changed = false;
  for (const [field, their] of theirs) {
    const my = mine.get(field);
    if (!my || sameValue(their.value, my.value)) continue;
    const theirsWins = isNewer(their, my);
    if (theirsWins) changed = true;
    // A conflict: they did not know my current value when they changed theirs, and the two differ.
    if (!incoming.has(setKey(my))) {
      report.conflicts.push({
        kind,
        id: row,
        title: String(local[KINDS[kind].titleField] ?? ''),
        field,
        mine: side(my),
        theirs: side(their),
        winner: theirsWins ? 'theirs' : 'mine',
      });
    }
  }
  if (changed && !deleted && !restored) counts.changed++;
  return unknown;
}

/** A record this store has never seen: log its sets and write the row once, each field's newest value. */
function insertNewRow(
  db: Db,
  kind: KindName,
  row: string,
  sets: readonly ChangeSet[],
): Record<string, unknown> {
  let version = '';
  let counter = 1;
  for (const set of sets) {
    logChangeSet(db, set);
    if (set.hlc > version) version = set.hlc;
    const setCounter = set.fields[DELETE_COUNTER] as number | undefined;
    if (setCounter !== undefined && setCounter > counter) counter = setCounter;
  }
  // Usually one set (the create): its fields are the values. writeNewRow ignores the delete counter.
  const values =
    sets.length === 1
      ? sets[0]!.fields
      : Object.fromEntries([...winnersByField(sets)].map(([field, change]) => [field, change.value]));
  return writeNewRow(db, kind, row, values, counter, version);
}

export interface MergeOptions {
  /** Write what is new (inside the caller's transaction); otherwise only report. */
  apply: boolean;
  /**
   * Without applying: stop at the first record holding something new, before counting it (`foundNew`), so a
   * caller can start its transaction there (`startApplying`) and go on.
   */
  stopAtNew?: boolean;
  /** Records done, out of `total` (the records the package counts). */
  onProgress?: (done: number, total: number) => void;
  total?: number;
  /** Checked between records; throwing inside the caller's transaction rolls everything back. */
  signal?: AbortSignal;
}

/**
 * Merges a package's change sets as they arrive, in batches in the log's order: each record is analysed
 * (the preview's counts and conflicts) and, when applying, written right after — the same rule either way,
 * so the preview and the result agree, and any order of imports gives the same store. A record's sets
 * may continue in the next batch, so the last record of a batch waits for it.
 */
export class ChangeMerger {
  readonly report: MergeReport = { changes: 0, newChanges: 0, counts: {}, conflicts: [] };
  /** Set when `stopAtNew` stopped at a record holding something new. */
  foundNew = false;
  private waiting: ChangeSet[] = [];
  private readonly touched: [KindName, string][] = [];
  private readonly fresh = new FreshRows();
  private latest = '';
  private done = 0;
  /** Kinds this store holds no record of: nothing to look up for them (a first import, mostly). */
  private emptyKinds: Set<KindName>;

  constructor(
    private readonly db: Db,
    private options: MergeOptions,
  ) {
    this.emptyKinds = emptyKinds(db);
  }

  add(batch: readonly ChangeSet[]): void {
    if (batch.length === 0) return;
    this.report.changes += batch.length;
    const runs = recordRuns(this.waiting.length > 0 ? [...this.waiting, ...batch] : batch);
    if (this.foundNew && !this.options.apply) {
      this.waiting = [...runs.sets];
      return;
    }
    // The last record's sets wait: they may go on in the next batch.
    const last = runs.starts.length - 1;
    this.waiting = runs.sets.slice(runs.starts[last]);
    const stop = this.merge({ sets: runs.sets, starts: runs.starts.slice(0, last), end: runs.starts[last]! });
    if (stop >= 0) this.waiting = runs.sets.slice(stop);
  }

  /** Goes on applying from the record that stopped a `stopAtNew` reading (inside the caller's transaction). */
  startApplying(options: Omit<MergeOptions, 'apply' | 'stopAtNew'>): void {
    this.options = { ...options, apply: true };
    // Looked at again inside the transaction: another writer may have added records since.
    this.emptyKinds = emptyKinds(this.db);
  }

  /** Merges the last record's sets, once every batch is in (may stop there too, see `stopAtNew`). */
  flush(): void {
    if (this.foundNew && !this.options.apply) return;
    const runs = recordRuns(this.waiting);
    const stop = this.merge(runs);
    this.waiting = stop >= 0 ? runs.sets.slice(stop) : [];
  }

  /** The report, once every batch is in; when applying, also the search index and this device's clock. */
  finish(): MergeReport {
    this.flush();
    if (this.options.apply) {
      if (this.latest) observeClock(this.db, this.latest);
      reindexRecords(this.db, this.touched, this.fresh);
    }
    return this.report;
  }

  /** Merges these records; with `stopAtNew`, returns where it stopped (an index into the sets), else -1. */
  private merge(runs: Runs): number {
    const { db, options } = this;
    const held = heldRows(db, runs, this.emptyKinds);
    const known = knownSets(db, runs, held);
    for (let r = 0; r < runs.starts.length; r++) {
      const start = runs.starts[r]!;
      const end = runs.starts[r + 1] ?? runs.end;
      const { kind, row } = runs.sets[start]!;
      const isHeld = held.get(kind)!.has(row);
      let allKnown = isHeld;
      for (let i = start; allKnown && i < end; i++) allKnown = known.has(i);
      if (!allKnown && options.stopAtNew && !options.apply) {
        this.foundNew = true;
        return start;
      }
      if (++this.done % 1000 === 0) {
        options.onProgress?.(this.done, options.total ?? 0);
        options.signal?.throwIfAborted();
      }
      if (allKnown) {
        // Every one of its sets is in the log already: nothing to compare.
        (this.report.counts[kind] ??= emptyCounts()).known++;
        continue;
      }
      const rowSets = runs.sets.slice(start, end);
      const local = isHeld ? readRow(db, kind, row) : undefined;
      // A private note never leaves this computer, so no package has any business naming one.
      if (kind === 'annotation' && local?.visibility === 'private') {
        throw new ValijaError(
          'E_PACKAGE_CORRUPT',
          `the package tries to change note ${row}, which this computer keeps private; nothing was imported`,
        );
      }
      const unknown = analyzeRecord(db, this.report, kind, row, rowSets, local);
      if (!options.apply || unknown.length === 0) continue;
      for (const set of unknown) if (set.hlc > this.latest) this.latest = set.hlc;
      if (!local) {
        const written = insertNewRow(db, kind, row, rowSets);
        for (const document of this.fresh.add(db, kind, row, written)) this.touched.push(document);
        continue;
      }
      // A part of a meeting may move to another one: the meeting it leaves is reindexed too.
      const left = KINDS[kind].parentField ? currentParent(db, kind, row) : [];
      let changed = false;
      for (const set of unknown) changed = applyChangeSet(db, set) !== 'known' || changed;
      if (changed) this.touched.push([kind, row], ...left);
    }
    return -1;
  }
}
