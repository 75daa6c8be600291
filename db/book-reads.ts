// Reads for one meeting's briefing book: only the records it prints, each found through an index (ids, a
// meeting, initiatives, parties, annotation targets), so a book costs the same in a store of any size.
// Alive records only, in the order the lists use. Lists of ids are passed as one JSON array parameter, so
// each statement is prepared once. Nothing here writes.
import type { Db } from './connection.js';
import { KINDS, type KindName, type StoredRecord } from '../domain/kinds.js';
import { shownRecord, toRecord } from './reader.js';
import { stmt } from './statements.js';

type Row = Record<string, unknown> & { id: string; deleteCounter: number; version: string };

const ALIVE = 'deleteCounter % 2 = 1';
const IN_LIST = 'IN (SELECT value FROM json_each(?))';
const list = (ids: Iterable<string>) => JSON.stringify([...new Set(ids)]);

/** The alive records of a kind among these ids, by id (a missing or deleted id is absent). */
export function recordsById(db: Db, kind: KindName, ids: Iterable<string>): Map<string, StoredRecord> {
  const rows = stmt(db, `SELECT * FROM "${KINDS[kind].table}" WHERE id ${IN_LIST} AND ${ALIVE}`).all(
    list(ids),
  ) as Row[];
  return new Map(rows.map((row) => [row.id, toRecord(kind, row)]));
}

export interface CommitmentScope {
  meetingId: string;
  initiativeIds: readonly string[];
  owingPartyIds: readonly string[];
}

/**
 * Open commitments made at a meeting, under any of these initiatives, or owed by any of these parties; due
 * soonest first, undated last. Each condition has its index (`+status` keeps the planner off the status one).
 */
export function openCommitmentsFor(db: Db, scope: CommitmentScope): StoredRecord[] {
  const rows = stmt(
    db,
    `SELECT * FROM commitment
     WHERE (meetingId = ? OR initiativeId ${IN_LIST} OR owingPartyId ${IN_LIST})
       AND +status = 'open' AND ${ALIVE}
     ORDER BY dueDate = '', dueDate, id`,
  ).all(scope.meetingId, list(scope.initiativeIds), list(scope.owingPartyIds)) as Row[];
  return rows.map((row) => toRecord('commitment', row));
}

export interface PeopleScope {
  /** People named on the other side of the table. */
  personIds: readonly string[];
  /** Parties whose people are included … */
  partyIds: readonly string[];
  /** … except these (ours at the table). */
  exceptIds: readonly string[];
}

/** The people of a meeting's other side: those named, and those of its parties; by name. */
export function peopleFor(db: Db, scope: PeopleScope): StoredRecord[] {
  const rows = stmt(
    db,
    `SELECT * FROM person
     WHERE (id ${IN_LIST} OR (partyId ${IN_LIST} AND id NOT ${IN_LIST})) AND ${ALIVE}
     ORDER BY name COLLATE NOCASE, id`,
  ).all(list(scope.personIds), list(scope.partyIds), list(scope.exceptIds)) as Row[];
  return rows.map((row) => toRecord('person', row));
}

const WITH_PARTY = `EXISTS (SELECT 1 FROM json_each(meeting.partyIds) WHERE value ${IN_LIST})`;
const LAST_MEETING = (where: string, order: string) =>
  `SELECT * FROM meeting WHERE ${where} AND id != ? AND ${ALIVE} AND ${WITH_PARTY} ORDER BY ${order} LIMIT 1`;

/**
 * The latest alive meeting (other than `exceptId`) with any of these parties that starts before `before`
 * (any start if `before` is ''). Undated meetings count as before, but come after every dated one; among
 * meetings with the same start, the lowest id. The start index is walked down from `before`.
 */
export function lastMeetingWith(
  db: Db,
  partyIds: readonly string[],
  before: string,
  exceptId: string,
): StoredRecord | undefined {
  if (partyIds.length === 0) return undefined;
  const parties = list(partyIds);
  const dated = before
    ? stmt(db, LAST_MEETING("start != '' AND start < ?", 'start DESC, id')).get(before, exceptId, parties)
    : stmt(db, LAST_MEETING("start != ''", 'start DESC, id')).get(exceptId, parties);
  const row = (dated ?? stmt(db, LAST_MEETING("start = ''", 'id')).get(exceptId, parties)) as Row | undefined;
  return row && toRecord('meeting', row);
}

/** Current annotations (not superseded) on any of these records, oldest first. */
export function annotationsOn(db: Db, targets: readonly { kind: KindName; id: string }[]): StoredRecord[] {
  const rows = stmt(
    db,
    `SELECT * FROM annotation
     WHERE (targetKind, targetId) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?)) AND ${ALIVE}
       AND NOT EXISTS (SELECT 1 FROM annotation newer WHERE newer.supersedes = annotation.id AND newer.${ALIVE})
     ORDER BY createdAt, id`,
  ).all(JSON.stringify(targets.map((t) => [t.kind, t.id]))) as Row[];
  return rows.map((row) => shownRecord(db, 'annotation', row));
}
