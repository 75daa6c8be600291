// The change log and the rule that turns it into rows. Local writes and imported changes both go through
// applyChange, so there is one definition of "the current value": for an ordinary field, the change with
// the greatest (hlc, device); for deleteCounter, the greatest counter (odd = alive, even = deleted).
import type { Db } from './connection.js';
import { stmt } from './statements.js';
import { KINDS, type KindName } from './kinds.js';

export const DELETE_COUNTER = 'deleteCounter';

export interface Change {
  kind: KindName;
  row: string;
  field: string;
  hlc: string;
  device: string;
  /** The field's value as JSON text. */
  value: string;
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

type Outcome = 'known' | 'applied' | 'superseded';

/**
 * Records one change and, when it wins, writes it to the row (creating the row if needed).
 * Returns 'known' when the log already had it, 'superseded' when an existing change wins.
 */
export function applyChange(db: Db, change: Change): Outcome {
  const inserted = stmt(
    db,
    'INSERT OR IGNORE INTO change (kind, row, field, hlc, device, value) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(change.kind, change.row, change.field, change.hlc, change.device, change.value);
  if (inserted.changes === 0) return 'known';

  const table = q(KINDS[change.kind].table);
  stmt(db, `INSERT OR IGNORE INTO ${table} (id) VALUES (?)`).run(change.row);
  stmt(db, `UPDATE ${table} SET version = ? WHERE id = ? AND version < ?`).run(
    change.hlc,
    change.row,
    change.hlc,
  );

  const value = JSON.parse(change.value) as unknown;
  if (change.field === DELETE_COUNTER) {
    const result = stmt(db, `UPDATE ${table} SET deleteCounter = ? WHERE id = ? AND deleteCounter < ?`).run(
      value,
      change.row,
      value,
    );
    return result.changes > 0 ? 'applied' : 'superseded';
  }
  const winner = stmt(
    db,
    `SELECT hlc, device FROM change WHERE kind = ? AND row = ? AND field = ?
       ORDER BY hlc DESC, device DESC LIMIT 1`,
  ).get(change.kind, change.row, change.field) as { hlc: string; device: string };
  if (winner.hlc !== change.hlc || winner.device !== change.device) return 'superseded';
  stmt(db, `UPDATE ${table} SET ${q(change.field)} = ? WHERE id = ?`).run(
    toColumn(change.kind, change.field, value),
    change.row,
  );
  return 'applied';
}
