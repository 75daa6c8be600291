// Merging changes from another store: a set union of per-field changes. `analyzeChanges` says what
// importing would do without writing anything; `applyChanges` does it in one transaction. Both use the
// rule in changes.ts, so the preview and the result agree, and any order of imports gives the same store.
import type { Db } from './connection.js';
import { applyChange, DELETE_COUNTER, toColumn, type Change } from './changes.js';
import { observeClock } from './device.js';
import { hlcToIso } from './hlc.js';
import { KINDS, type KindName } from './kinds.js';
import { isAlive, readRow } from './reader.js';
import { reindexRecords } from './search.js';
import { stmt } from './statements.js';

export type Outcome = 'new' | 'changed' | 'deleted' | 'restored' | 'known';
export type KindCounts = Record<Outcome, number>;

export interface ConflictSide {
  value: unknown;
  hlc: string;
  device: string;
  at: string;
}

/** The same field changed on both sides, each without knowing of the other's change. */
export interface Conflict {
  kind: KindName;
  id: string;
  title: string;
  field: string;
  mine: ConflictSide;
  theirs: ConflictSide;
  winner: 'mine' | 'theirs';
}

export interface MergeReport {
  changes: number;
  newChanges: number;
  counts: Partial<Record<KindName, KindCounts>>;
  conflicts: Conflict[];
}

const SHARED_CHANGES = `FROM change
  WHERE NOT (kind = 'annotation' AND row IN (SELECT id FROM annotation WHERE visibility = 'private'))`;

/** How many shared changes this store holds (for progress). */
export function countSharedChanges(db: Db): number {
  return (stmt(db, `SELECT count(*) AS n ${SHARED_CHANGES}`).get() as { n: number }).n;
}

/**
 * Every shared change this store holds (never private notes), record by record, as raw tuples
 * `[kind, row, field, hlc, device, value]`: one statement, so a consistent snapshot, read lazily.
 */
export function sharedChangeTuples(
  db: Db,
): IterableIterator<[KindName, string, string, string, string, string]> {
  return stmt(
    db,
    `SELECT kind, row, field, hlc, device, value ${SHARED_CHANGES} ORDER BY kind, row, field, hlc, device`,
  )
    .raw(true)
    .iterate() as IterableIterator<[KindName, string, string, string, string, string]>;
}

/** The same, as change objects (for tests and small stores). */
export function sharedChanges(db: Db): Change[] {
  return [...sharedChangeTuples(db)].map(([kind, row, field, hlc, device, value]) => ({
    kind,
    row,
    field,
    hlc,
    device,
    value,
  }));
}

/** For each device, the latest clock of its changes that this store holds. */
export function seenClocks(db: Db): Record<string, string> {
  const rows = stmt(
    db,
    'SELECT device, max(hlc) AS hlc FROM change GROUP BY device ORDER BY device',
  ).all() as {
    device: string;
    hlc: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.device, r.hlc]));
}

const changeKey = (c: { kind: string; row: string; field: string; hlc: string; device: string }) =>
  `${c.kind}\u0000${c.row}\u0000${c.field}\u0000${c.hlc}\u0000${c.device}`;

const newer = (a: { hlc: string; device: string }, b: { hlc: string; device: string }) =>
  a.hlc > b.hlc || (a.hlc === b.hlc && a.device > b.device);

function emptyCounts(): KindCounts {
  return { new: 0, changed: 0, deleted: 0, restored: 0, known: 0 };
}

function isKnown(db: Db, c: Change): boolean {
  return (
    stmt(db, 'SELECT 1 FROM change WHERE kind = ? AND row = ? AND field = ? AND hlc = ? AND device = ?').get(
      c.kind,
      c.row,
      c.field,
      c.hlc,
      c.device,
    ) !== undefined
  );
}

function localWinner(db: Db, kind: KindName, row: string, field: string) {
  return stmt(
    db,
    `SELECT hlc, device, value FROM change WHERE kind = ? AND row = ? AND field = ?
     ORDER BY hlc DESC, device DESC LIMIT 1`,
  ).get(kind, row, field) as { hlc: string; device: string; value: string } | undefined;
}

function side(c: { hlc: string; device: string; value: string }): ConflictSide {
  return { value: JSON.parse(c.value), hlc: c.hlc, device: c.device, at: hlcToIso(c.hlc) };
}

function groupByRow(changes: Iterable<Change>): Map<string, Change[]> {
  const byRow = new Map<string, Change[]>();
  for (const c of changes) {
    const key = `${c.kind}\u0000${c.row}`;
    const list = byRow.get(key);
    if (list) list.push(c);
    else byRow.set(key, [c]);
  }
  return byRow;
}

/** What importing these changes would do, per record, without writing anything. */
export function analyzeChanges(db: Db, changes: readonly Change[]): MergeReport {
  const report: MergeReport = { changes: changes.length, newChanges: 0, counts: {}, conflicts: [] };
  for (const rowChanges of groupByRow(changes).values()) {
    const { kind, row } = rowChanges[0]!;
    const counts = (report.counts[kind] ??= emptyCounts());
    const local = readRow(db, kind, row);
    if (!local) {
      // A record this store has never seen: none of its changes can be known here.
      report.newChanges += rowChanges.length;
      counts.new++;
      continue;
    }
    const incoming = new Set(rowChanges.map(changeKey));
    const unknown = rowChanges.filter((c) => !isKnown(db, c));
    report.newChanges += unknown.length;
    if (unknown.length === 0) {
      counts.known++;
      continue;
    }
    const counters = unknown
      .filter((c) => c.field === DELETE_COUNTER)
      .map((c) => JSON.parse(c.value) as number);
    const counter = Math.max(local.deleteCounter, ...counters);
    const deleted = isAlive(local.deleteCounter) && !isAlive(counter);
    const restored = !isAlive(local.deleteCounter) && isAlive(counter);
    if (deleted) counts.deleted++;
    if (restored) counts.restored++;
    let changed = false;
    const bestByField = new Map<string, Change>();
    for (const c of unknown) {
      if (c.field === DELETE_COUNTER) continue;
      const best = bestByField.get(c.field);
      if (!best || newer(c, best)) bestByField.set(c.field, c);
    }
    for (const [field, theirs] of bestByField) {
      const mine = localWinner(db, kind, row, field);
      if (!mine) continue;
      const theirsWins = newer(theirs, mine);
      if (theirsWins && theirs.value !== mine.value) changed = true;
      // A conflict: they did not know my current value when they changed theirs, and the two differ.
      if (!incoming.has(changeKey({ kind, row, field, ...mine })) && theirs.value !== mine.value) {
        report.conflicts.push({
          kind,
          id: row,
          title: String(local[KINDS[kind].titleField] ?? ''),
          field,
          mine: side(mine),
          theirs: side(theirs),
          winner: theirsWins ? 'theirs' : 'mine',
        });
      }
    }
    if (changed && !deleted && !restored) counts.changed++;
  }
  return report;
}

/**
 * A record this store has never seen: log its changes and write the row once, with each field's winner
 * chosen by the same rule as applyChange (greatest (hlc, device); greatest delete counter).
 */
function insertNewRow(db: Db, kind: KindName, row: string, changes: Change[]): void {
  const spec = KINDS[kind];
  const winners = new Map<string, Change>();
  let counter = 0;
  let version = '';
  const log = stmt(
    db,
    'INSERT OR IGNORE INTO change (kind, row, field, hlc, device, value) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const c of changes) {
    log.run(c.kind, c.row, c.field, c.hlc, c.device, c.value);
    if (c.hlc > version) version = c.hlc;
    if (c.field === DELETE_COUNTER) counter = Math.max(counter, JSON.parse(c.value) as number);
    else {
      const best = winners.get(c.field);
      if (!best || newer(c, best)) winners.set(c.field, c);
    }
  }
  const fields = Object.keys(spec.fields);
  const values = fields.map((field) => {
    const winner = winners.get(field);
    return toColumn(kind, field, winner ? JSON.parse(winner.value) : spec.fields[field]!.default);
  });
  stmt(
    db,
    `INSERT INTO "${spec.table}" (id, deleteCounter, version, ${fields.map((f) => `"${f}"`).join(', ')})
     VALUES (?, ?, ?, ${fields.map(() => '?').join(', ')})`,
  ).run(row, counter || 1, version, ...values);
}

export interface ApplyOptions {
  /** Records done, out of all the records the changes touch. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between records; throwing inside the caller's transaction rolls everything back. */
  signal?: AbortSignal;
}

/** Applies changes (a set union) and brings the search index up to date. Call inside a transaction. */
export function applyChanges(db: Db, changes: Iterable<Change>, options: ApplyOptions = {}): number {
  const touched: [KindName, string][] = [];
  let latest = '';
  let applied = 0;
  const groups = groupByRow(changes);
  let done = 0;
  for (const rowChanges of groups.values()) {
    if (++done % 1000 === 0) {
      options.signal?.throwIfAborted();
      options.onProgress?.(done, groups.size);
    }
    const { kind, row } = rowChanges[0]!;
    if (!readRow(db, kind, row)) {
      insertNewRow(db, kind, row, rowChanges);
      applied += rowChanges.length;
      touched.push([kind, row]);
      for (const c of rowChanges) if (c.hlc > latest) latest = c.hlc;
      continue;
    }
    let changed = false;
    for (const change of rowChanges) {
      if (applyChange(db, change) === 'known') continue;
      applied++;
      changed = true;
      if (change.hlc > latest) latest = change.hlc;
    }
    if (changed) touched.push([kind, row]);
  }
  if (latest) observeClock(db, latest);
  reindexRecords(db, touched);
  return applied;
}
