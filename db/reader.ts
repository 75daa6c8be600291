// Queries that read records. Nothing here writes.
import type { Db } from './connection.js';
import { DELETE_COUNTER, fromColumn } from './changes.js';
import { notFound } from '../domain/errors.js';
import { hlcToIso } from './hlc.js';
import { fieldNames, KIND_NAMES, KINDS, type KindName, type StoredRecord } from '../domain/kinds.js';
import { stmt } from './statements.js';
import { authorNameOf } from './authors.js';

type Row = Record<string, unknown> & { id: string; deleteCounter: number; version: string };

export const isAlive = (counter: number) => counter % 2 === 1;

/** A record as the API shows it: its fields, plus when it last changed. */
export function toRecord(kind: KindName, row: Row): StoredRecord {
  const record: StoredRecord = { id: row.id };
  for (const field of fieldNames(kind)) record[field] = fromColumn(kind, field, row[field]);
  record.version = row.version;
  record.updatedAt = row.version ? hlcToIso(row.version) : '';
  return record;
}

/**
 * A record as the screens and books show it: a note's author is the name its device signed (or this device's
 * own), found by the device that provably wrote it — never the note's own author field, which a package wrote.
 */
export function shownRecord(db: Db, kind: KindName, row: Row): StoredRecord {
  const record = toRecord(kind, row);
  if (kind === 'annotation') record.author = authorNameOf(db, record.authorDevice as string);
  return record;
}

const ORDER: Record<KindName, string> = {
  party: 'name COLLATE NOCASE, id',
  person: 'name COLLATE NOCASE, id',
  initiative: 'title COLLATE NOCASE, id',
  meeting: "start = '', start, id",
  agendaItem: 'meetingId, position, id',
  talkingPoint: 'meetingId, position, id',
  participant: 'meetingId, position, id',
  document: 'title COLLATE NOCASE, id',
  documentVersion: 'documentId, addedAt, id',
  commitment: "dueDate = '', dueDate, id",
  annotation: 'createdAt, id',
};

function table(kind: KindName): string {
  return `"${KINDS[kind].table}"`;
}

const READ_ROW = Object.fromEntries(
  KIND_NAMES.map((kind) => [kind, `SELECT * FROM ${table(kind)} WHERE id = ?`]),
) as Record<KindName, string>;

export function readRow(db: Db, kind: KindName, id: string): Row | undefined {
  return stmt(db, READ_ROW[kind]).get(id) as Row | undefined;
}

/** An alive record, or E_NOT_FOUND. */
export function getRecord(db: Db, kind: KindName, id: string): StoredRecord {
  const row = readRow(db, kind, id);
  if (!row || !isAlive(row.deleteCounter) || (kind === 'annotation' && supersededBy(db, id).length > 0)) {
    throw notFound(`no ${kind} with id ${id}; \`valija list ${kind}\` shows what there is`);
  }
  return shownRecord(db, kind, row);
}

export interface ListFilter {
  /** For parts of a meeting, annotations and commitments: only those of this meeting / target. */
  meetingId?: string;
  targetKind?: KindName;
  targetId?: string;
}

/**
 * Alive records of a kind in their natural order. Annotations: only current versions (not superseded by
 * an alive newer version).
 */
export function listRecords(db: Db, kind: KindName, filter: ListFilter = {}): StoredRecord[] {
  const where = ['deleteCounter % 2 = 1'];
  const params: unknown[] = [];
  if (filter.meetingId !== undefined && 'meetingId' in KINDS[kind].fields) {
    where.push('meetingId = ?');
    params.push(filter.meetingId);
  }
  if (kind === 'annotation') {
    where.push(
      `NOT EXISTS (SELECT 1 FROM annotation newer WHERE newer.supersedes = annotation.id AND newer.deleteCounter % 2 = 1)`,
    );
    if (filter.targetKind) {
      where.push('targetKind = ?');
      params.push(filter.targetKind);
    }
    if (filter.targetId) {
      where.push('targetId = ?');
      params.push(filter.targetId);
    }
  }
  const rows = stmt(
    db,
    `SELECT * FROM ${table(kind)} WHERE ${where.join(' AND ')} ORDER BY ${ORDER[kind]}`,
  ).all(...params) as Row[];
  return rows.map((row) => shownRecord(db, kind, row));
}

function supersededBy(db: Db, id: string): string[] {
  return (
    stmt(db, 'SELECT id FROM annotation WHERE supersedes = ? AND deleteCounter % 2 = 1').all(id) as {
      id: string;
    }[]
  ).map((r) => r.id);
}

/** Whether a record exists and is alive (used to check references). */
export function isAliveRecord(db: Db, kind: KindName, id: string): boolean {
  const row = stmt(db, `SELECT ${DELETE_COUNTER} AS c FROM ${table(kind)} WHERE id = ?`).get(id) as
    { c: number } | undefined;
  return row !== undefined && isAlive(row.c);
}

/** The shared state, every kind, every row (deleted ones marked), without clocks or private notes. */
export function sharedState(db: Db): Record<string, unknown[]> {
  const state: Record<string, unknown[]> = {};
  for (const kind of Object.keys(KINDS) as KindName[]) {
    const filter = kind === 'annotation' ? " WHERE visibility = 'shared'" : '';
    const rows = stmt(db, `SELECT * FROM ${table(kind)}${filter} ORDER BY id`).all() as Row[];
    state[kind] = rows.map((row) => {
      const { version: _version, updatedAt: _updatedAt, ...fields } = toRecord(kind, row);
      return { ...fields, deleted: !isAlive(row.deleteCounter) };
    });
  }
  return state;
}

/** The current (latest) alive version of a document: by when it was added, then by id. */
export function currentDocumentVersion(
  db: Db,
  documentId: string,
): { id: string; sha256: string; pages: number } | undefined {
  return stmt(
    db,
    `SELECT id, sha256, pages FROM document_version WHERE documentId = ? AND deleteCounter % 2 = 1
     ORDER BY addedAt DESC, id DESC LIMIT 1`,
  ).get(documentId) as { id: string; sha256: string; pages: number } | undefined;
}
