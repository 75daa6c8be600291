// The change log and the rule that turns it into rows. One write of one record is one change set: the
// fields it set, under one clock (hlc) and device. Values are still decided field by field — a field's
// value comes from the set with the greatest (hlc, device) among those holding that field — and
// deleteCounter by its greatest value (odd = alive, even = deleted). Grouping only keeps the per-field
// changes of one write together, so a create is one log row and one package line, not one per field.
// Local writes and imports both go through applyChangeSet or writeNewRow: one definition of "current".
import type { Db } from './connection.js';
import { stmt } from './statements.js';
import { KINDS, type KindName } from '../domain/kinds.js';

export const DELETE_COUNTER = 'deleteCounter';

export interface ChangeSet {
  kind: KindName;
  row: string;
  hlc: string;
  device: string;
  /** The fields this write set, by name; deleteCounter among them for a create, delete or restore. */
  fields: Record<string, unknown>;
  /** The same fields as JSON text, when already at hand (a package line): kept as received. */
  fieldsText?: string;
}

export interface Clocked {
  hlc: string;
  device: string;
}

/** The deterministic order of writes: by clock, then by device. */
export const isNewer = (a: Clocked, b: Clocked) => a.hlc > b.hlc || (a.hlc === b.hlc && a.device > b.device);

/** The log's order of change sets: kind, row, hlc, device (all ASCII, so SQLite's order too). */
export function compareSets(a: ChangeSet, b: ChangeSet): number {
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  if (a.row !== b.row) return a.row < b.row ? -1 : 1;
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  return 0;
}

const q = (identifier: string) => `"${identifier}"`;

/** How a field's JSON value is kept in its column. */
export function toColumn(kind: KindName, field: string, value: unknown): unknown {
  if (field === DELETE_COUNTER) return value;
  const spec = KINDS[kind].fields[field];
  if (!spec) throw new Error(`${kind} has no field ${field}`);
  return spec.type === 'json' ? JSON.stringify(value) : value;
}

export function fromColumn(kind: KindName, field: string, value: unknown): unknown {
  const spec = KINDS[kind].fields[field];
  return spec?.type === 'json' ? JSON.parse(value as string) : value;
}

/** Adds a set to the log; false when the log already had it (a set is known by kind, row, hlc, device). */
export function logChangeSet(db: Db, set: ChangeSet): boolean {
  return (
    stmt(db, 'INSERT OR IGNORE INTO change_set (kind, row, hlc, device, fields) VALUES (?, ?, ?, ?, ?)').run(
      set.kind,
      set.row,
      set.hlc,
      set.device,
      set.fieldsText ?? JSON.stringify(set.fields),
    ).changes > 0
  );
}

/** The log's sets for one record, newest first. */
export function changeSetsOf(db: Db, kind: KindName, row: string): (Clocked & { fields: string })[] {
  return stmt(
    db,
    'SELECT hlc, device, fields FROM change_set WHERE kind = ? AND row = ? ORDER BY hlc DESC, device DESC',
  ).all(kind, row) as (Clocked & { fields: string })[];
}

/** How a new row of a kind is written: its insert, and per field whether it is JSON and its default. */
interface RowShape {
  sql: string;
  fields: string[];
  json: boolean[];
  defaults: unknown[];
}

const rowShapes = new Map<KindName, RowShape>();

function rowShape(kind: KindName): RowShape {
  let shape = rowShapes.get(kind);
  if (!shape) {
    const spec = KINDS[kind];
    const fields = Object.keys(spec.fields);
    shape = {
      sql: `INSERT INTO ${q(spec.table)} (id, deleteCounter, version, ${fields.map(q).join(', ')})
       VALUES (?, ?, ?, ${fields.map(() => '?').join(', ')})`,
      fields,
      json: fields.map((field) => spec.fields[field]!.type === 'json'),
      defaults: fields.map((field) => spec.fields[field]!.default),
    };
    rowShapes.set(kind, shape);
  }
  return shape;
}

/**
 * Writes a record this store does not hold yet, in one insert: the given winning values (defaults for
 * fields no set holds), its delete counter and its version (latest clock). Returns the row as written.
 */
export function writeNewRow(
  db: Db,
  kind: KindName,
  row: string,
  values: Record<string, unknown>,
  counter: number,
  version: string,
): Record<string, unknown> {
  const { sql, fields, json, defaults } = rowShape(kind);
  const params: unknown[] = [row, counter, version];
  const written: Record<string, unknown> = { id: row, deleteCounter: counter, version };
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const value = field in values ? values[field] : defaults[i];
    const column = json[i] ? JSON.stringify(value) : value;
    params.push(column);
    written[field] = column;
  }
  stmt(db, sql).run(params);
  return written;
}

type Outcome = 'known' | 'applied' | 'superseded';

/**
 * Records one change set and writes the fields it wins to the row (creating the row if needed).
 * Returns 'known' when the log already had it, 'superseded' when newer sets win every field it holds.
 */
export function applyChangeSet(db: Db, set: ChangeSet): Outcome {
  if (!logChangeSet(db, set)) return 'known';
  const { kind, row, hlc, device } = set;
  const table = q(KINDS[kind].table);
  const exists = stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(row) !== undefined;
  const counter = set.fields[DELETE_COUNTER] as number | undefined;
  if (!exists) {
    writeNewRow(db, kind, row, set.fields, counter ?? 1, hlc);
    return 'applied';
  }
  // A field is this set's unless a newer set (usually none: local writes are the newest) also holds it.
  const shadowed = new Set<string>();
  const newerSets = stmt(
    db,
    'SELECT fields FROM change_set WHERE kind = ? AND row = ? AND (hlc > ? OR (hlc = ? AND device > ?))',
  )
    .pluck()
    .all(kind, row, hlc, hlc, device) as string[];
  for (const text of newerSets)
    for (const field of Object.keys(JSON.parse(text) as object)) shadowed.add(field);
  const winning = Object.keys(set.fields).filter((field) => field !== DELETE_COUNTER && !shadowed.has(field));
  stmt(
    db,
    `UPDATE ${table} SET ${winning.map((field) => `${q(field)} = ?, `).join('')}version = max(version, ?) WHERE id = ?`,
  ).run(...winning.map((field) => toColumn(kind, field, set.fields[field])), hlc, row);
  let applied = winning.length > 0;
  if (counter !== undefined) {
    const raised = stmt(db, `UPDATE ${table} SET deleteCounter = ? WHERE id = ? AND deleteCounter < ?`).run(
      counter,
      row,
      counter,
    );
    applied ||= raised.changes > 0;
  }
  return applied ? 'applied' : 'superseded';
}
