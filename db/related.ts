// What a record page lists beside the record itself: an initiative's meetings, commitments and documents; a
// party's people, meetings, initiatives, open commitments and documents; the meetings a person took part in.
// Alive records only, each list cut to `limit` with its full count (`COUNT(*) OVER ()`). Nothing here writes.
import type { Db } from './connection.js';
import type { KindName } from '../domain/kinds.js';
import type { Related, RelatedKind, RelatedList, RelatedRecord } from '../domain/results.js';
import { ValijaError } from '../domain/errors.js';
import { stmt } from './statements.js';

const ALIVE = (table: string) => `${table}.deleteCounter % 2 = 1`;
/** A JSON array column (partyIds, initiativeIds) holding the id given as a parameter. */
const HOLDS = (column: string) => `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ?)`;

type Row = { id: string; title: string; date: string; status: string; total: number };

/** Each query selects id, title, date and status (as '' where a kind has none), newest or most urgent first. */
const QUERIES = {
  initiativeMeetings: `SELECT id, title, start AS date, '' AS status, COUNT(*) OVER () AS total FROM meeting
    WHERE ${HOLDS('meeting.initiativeIds')} AND ${ALIVE('meeting')}
    ORDER BY start = '', start DESC, id LIMIT ?`,
  initiativeCommitments: `SELECT id, text AS title, dueDate AS date, status, COUNT(*) OVER () AS total
    FROM commitment WHERE initiativeId = ? AND ${ALIVE('commitment')}
    ORDER BY status != 'open', dueDate = '', dueDate, id LIMIT ?`,
  partyPeople: `SELECT id, name AS title, '' AS date, '' AS status, COUNT(*) OVER () AS total FROM person
    WHERE partyId = ? AND ${ALIVE('person')} ORDER BY name COLLATE NOCASE, id LIMIT ?`,
  partyMeetings: `SELECT id, title, start AS date, '' AS status, COUNT(*) OVER () AS total FROM meeting
    WHERE ${HOLDS('meeting.partyIds')} AND ${ALIVE('meeting')}
    ORDER BY start = '', start DESC, id LIMIT ?`,
  partyInitiatives: `SELECT id, title, startDate AS date, status, COUNT(*) OVER () AS total FROM initiative
    WHERE ${HOLDS('initiative.partyIds')} AND ${ALIVE('initiative')}
    ORDER BY title COLLATE NOCASE, id LIMIT ?`,
  // Open commitments owed by the party, or made at a meeting with it (either side's): what is pending with it.
  partyOpenCommitments: `SELECT id, text AS title, dueDate AS date, status, COUNT(*) OVER () AS total
    FROM commitment
    WHERE (owingPartyId = ? OR meetingId IN (SELECT id FROM meeting WHERE ${HOLDS('meeting.partyIds')}))
      AND +status = 'open' AND ${ALIVE('commitment')}
    ORDER BY dueDate = '', dueDate, id LIMIT ?`,
  personMeetings: `SELECT id, title, start AS date, '' AS status, COUNT(*) OVER () AS total FROM meeting
    WHERE id IN (SELECT meetingId FROM participant WHERE personId = ? AND ${ALIVE('participant')})
      AND ${ALIVE('meeting')}
    ORDER BY start = '', start DESC, id LIMIT ?`,
  documents: `SELECT id, title, addedAt AS date, '' AS status, COUNT(*) OVER () AS total FROM document
    WHERE targetKind = ? AND targetId = ? AND ${ALIVE('document')}
    ORDER BY title COLLATE NOCASE, id LIMIT ?`,
  exists: {
    initiative: `SELECT 1 FROM initiative WHERE id = ? AND ${ALIVE('initiative')}`,
    party: `SELECT 1 FROM party WHERE id = ? AND ${ALIVE('party')}`,
    person: `SELECT 1 FROM person WHERE id = ? AND ${ALIVE('person')}`,
  },
} as const;

function listOf(db: Db, kind: KindName, sql: string, params: unknown[], limit: number): RelatedList {
  const rows = stmt(db, sql).all(...params, limit) as Row[];
  const items: RelatedRecord[] = rows.map(({ id, title, date, status }) => ({
    kind,
    id,
    title,
    date,
    status,
  }));
  return { items, total: rows[0]?.total ?? 0 };
}

/** The related lists of an initiative, a party or a person (E_NOT_FOUND for a missing or deleted one). */
export function relatedTo(db: Db, kind: RelatedKind, id: string, limit = 50): Related {
  if (!stmt(db, QUERIES.exists[kind]).get(id)) {
    throw new ValijaError('E_NOT_FOUND', `no ${kind} ${id} (it may have been deleted)`);
  }
  const documents = () => listOf(db, 'document', QUERIES.documents, [kind, id], limit);
  switch (kind) {
    case 'initiative':
      return {
        kind,
        id,
        meetings: listOf(db, 'meeting', QUERIES.initiativeMeetings, [id], limit),
        commitments: listOf(db, 'commitment', QUERIES.initiativeCommitments, [id], limit),
        documents: documents(),
      };
    case 'party':
      return {
        kind,
        id,
        people: listOf(db, 'person', QUERIES.partyPeople, [id], limit),
        meetings: listOf(db, 'meeting', QUERIES.partyMeetings, [id], limit),
        initiatives: listOf(db, 'initiative', QUERIES.partyInitiatives, [id], limit),
        commitments: listOf(db, 'commitment', QUERIES.partyOpenCommitments, [id, id], limit),
        documents: documents(),
      };
    case 'person':
      return { kind, id, meetings: listOf(db, 'meeting', QUERIES.personMeetings, [id], limit) };
  }
}
