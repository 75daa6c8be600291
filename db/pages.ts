// Reads for screens over large stores: a page of a long list (filtered and sorted in SQL, with the number of
// matching records), the records changed last, and those changed since I annotated them. Nothing here writes.
import type { Db } from './connection.js';
import { isKindName, KINDS, type KindName } from '../domain/kinds.js';
import { isAlive, readRow, toRecord } from './reader.js';
import { stmt } from './statements.js';
import {
  RECENT_KINDS,
  type NotedChange,
  type Page,
  type PagedKind,
  type RecentRecord,
} from '../domain/results.js';

export interface PageQuery {
  kind: PagedKind;
  offset?: number;
  limit: number;
  /** Meetings: by start, newest first (the default) or oldest first; undated ones last either way. */
  order?: 'newest' | 'oldest';
  /** Meetings and initiatives: those with this counterpart; commitments: those it owes. */
  partyId?: string;
  /** Meetings: of this kind. */
  meetingKind?: string;
  /** Meetings: starting at or after `from`, before `to` (ISO dates or date-times, compared as text). */
  from?: string;
  to?: string;
  /** Meetings: only those with a start (true) or only those without (false). */
  dated?: boolean;
  /** Initiatives and commitments: in this status. */
  status?: string;
  /** Initiatives: in this area. */
  area?: string;
}

type Row = Record<string, unknown> & { id: string; deleteCounter: number; version: string };

function orderOf(query: PageQuery): string {
  switch (query.kind) {
    case 'meeting':
      return query.order === 'oldest' ? "start = '', start, id" : "start = '', start DESC, id DESC";
    case 'initiative':
      return 'title COLLATE NOCASE, id';
    case 'commitment':
      // Due soonest first (so overdue ones first among the open), undated last.
      return "dueDate = '', dueDate, id";
  }
}

function whereOf(query: PageQuery): { sql: string; params: unknown[] } {
  const where = ['deleteCounter % 2 = 1'];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    where.push(sql);
    params.push(value);
  };
  // A list of ids is stored as a JSON array of quoted UUIDs: a quoted id is found as text.
  if (query.partyId !== undefined) {
    if (query.kind === 'commitment') add('owingPartyId = ?', query.partyId);
    else add('instr(partyIds, ?) > 0', JSON.stringify(query.partyId));
  }
  if (query.kind === 'meeting') {
    if (query.meetingKind !== undefined) add('kind = ?', query.meetingKind);
    if (query.from !== undefined) add("start != '' AND start >= ?", query.from);
    if (query.to !== undefined) add("start != '' AND start < ?", query.to);
    if (query.dated !== undefined) where.push(query.dated ? "start != ''" : "start = ''");
  }
  if (query.status !== undefined) add('status = ?', query.status);
  if (query.area !== undefined && query.kind === 'initiative') add('area = ?', query.area);
  return { sql: where.join(' AND '), params };
}

/** One page of a kind's alive records, filtered and sorted by the store, and how many match in all. */
export function listPage(db: Db, query: PageQuery): Page {
  // A counterpart is found inside a JSON list, which no index holds: scanning the table beats walking the
  // title index and reading every row it points to (7× slower with 100,000 initiatives).
  const scan = query.partyId !== undefined && query.kind !== 'commitment';
  const table = `"${KINDS[query.kind].table}"${scan ? ' NOT INDEXED' : ''}`;
  const { sql, params } = whereOf(query);
  const offset = query.offset ?? 0;
  const total = stmt(db, `SELECT count(*) FROM ${table} WHERE ${sql}`)
    .pluck()
    .get(...params) as number;
  const rows = stmt(
    db,
    `SELECT * FROM ${table} WHERE ${sql} ORDER BY ${orderOf(query)} LIMIT ? OFFSET ?`,
  ).all(...params, query.limit, offset) as Row[];
  return { total, offset, records: rows.map((row) => toRecord(query.kind, row)) };
}

/** The `limit` alive records changed last, of every kind a user lists, newest change first. */
export function recentRecords(db: Db, limit: number): RecentRecord[] {
  const all: RecentRecord[] = [];
  for (const kind of RECENT_KINDS) {
    const rows = stmt(
      db,
      `SELECT * FROM "${KINDS[kind].table}" WHERE deleteCounter % 2 = 1 ORDER BY version DESC, id DESC LIMIT ?`,
    ).all(limit) as Row[];
    for (const row of rows) all.push({ kind, record: toRecord(kind as KindName, row) });
  }
  return all
    .sort(
      (a, b) =>
        String(b.record.version).localeCompare(String(a.record.version)) ||
        b.record.id.localeCompare(a.record.id),
    )
    .slice(0, limit);
}

/**
 * Records this device annotated that changed after its latest note on them (the note keeps the version
 * it was written against), newest change first. A device's own notes are few: they are read whole.
 */
export function changedSinceNoted(db: Db, deviceId: string, limit: number): NotedChange[] {
  const notes = stmt(
    db,
    `SELECT targetKind, targetId, max(targetVersion) AS noted, max(createdAt) AS notedAt
     FROM annotation note
     WHERE authorDevice = ? AND deleteCounter % 2 = 1 AND targetVersion != ''
       AND NOT EXISTS (SELECT 1 FROM annotation newer
                       WHERE newer.supersedes = note.id AND newer.deleteCounter % 2 = 1)
     GROUP BY targetKind, targetId`,
  ).all(deviceId) as { targetKind: string; targetId: string; noted: string; notedAt: string }[];
  const changed: NotedChange[] = [];
  for (const { targetKind, targetId, noted, notedAt } of notes) {
    if (!isKindName(targetKind)) continue;
    const row = readRow(db, targetKind, targetId);
    if (row && isAlive(row.deleteCounter) && row.version > noted) {
      changed.push({ kind: targetKind, record: toRecord(targetKind, row), notedAt });
    }
  }
  return changed
    .sort((a, b) => String(b.record.version).localeCompare(String(a.record.version)))
    .slice(0, limit);
}
