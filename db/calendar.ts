// Reads the calendar and contact imports need: a meeting by the calendar event it came from, and the people
// an invitation or a card may name (by e-mail address, then by name). Nothing here writes.
import type { Db } from './connection.js';
import { isAlive, shownRecord } from './reader.js';
import { stmt } from './statements.js';
import type { StoredRecord } from '../domain/kinds.js';

type Row = Parameters<typeof shownRecord>[2];

/**
 * The meeting that came from this calendar event: an alive one first (the oldest, should two laptops have
 * made one each), else a deleted one, so a meeting the user deleted is not made again by the next import.
 */
export function meetingByCalendarUid(
  db: Db,
  uid: string,
): { meeting: StoredRecord; alive: boolean } | undefined {
  const row = stmt(
    db,
    `SELECT * FROM meeting WHERE calendarUid = ? ORDER BY deleteCounter % 2 = 1 DESC, id LIMIT 1`,
  ).get(uid) as Row | undefined;
  return row && { meeting: shownRecord(db, 'meeting', row), alive: isAlive(row.deleteCounter) };
}

/** A name compared the way people type it: no accents, no case, single spaces. */
export function nameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The alive people, indexed by each e-mail address (lower case) and by name (only names one person has). */
export interface PeopleIndex {
  byEmail: Map<string, StoredRecord>;
  byName: Map<string, StoredRecord>;
}

export function peopleIndex(db: Db): PeopleIndex {
  const rows = stmt(db, `SELECT * FROM person WHERE deleteCounter % 2 = 1 ORDER BY id`).all() as Row[];
  const byEmail = new Map<string, StoredRecord>();
  const byName = new Map<string, StoredRecord>();
  const ambiguous = new Set<string>();
  for (const row of rows) {
    const person = shownRecord(db, 'person', row);
    for (const email of person.emails as string[]) {
      if (!byEmail.has(email.toLowerCase())) byEmail.set(email.toLowerCase(), person);
    }
    const key = nameKey(person.name as string);
    if (byName.has(key)) ambiguous.add(key);
    else byName.set(key, person);
  }
  for (const key of ambiguous) byName.delete(key);
  return { byEmail, byName };
}

/** A person by e-mail, then by name; undefined when neither finds exactly one. */
export function findPerson(index: PeopleIndex, email: string, name: string): StoredRecord | undefined {
  return (
    (email && index.byEmail.get(email.toLowerCase())) || (name ? index.byName.get(nameKey(name)) : undefined)
  );
}

/** The meeting's alive participants. */
export function participantsOf(db: Db, meetingId: string): StoredRecord[] {
  const rows = stmt(
    db,
    `SELECT * FROM participant WHERE meetingId = ? AND deleteCounter % 2 = 1 ORDER BY position, id`,
  ).all(meetingId) as Row[];
  return rows.map((row) => shownRecord(db, 'participant', row));
}
