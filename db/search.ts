// Full-text search: one index row per main record (a meeting's row also holds its agenda, points to make
// and participants), accent- and case-folded by the unicode61 tokenizer, ranked by bm25.
import type { Db } from './connection.js';
import { KINDS, MAIN_KINDS, type KindName } from '../domain/kinds.js';
import { isAlive, readRow } from './reader.js';
import { stmt } from './statements.js';
import type { SearchHit } from '../domain/results.js';
import { currentPages } from './document-text.js';

export const HIGHLIGHT_OPEN = '[[';
export const HIGHLIGHT_CLOSE = ']]';

function indexText(value: unknown): string {
  if (Array.isArray(value)) return value.map(indexText).join(' ');
  if (value !== null && typeof value === 'object') return Object.values(value).map(indexText).join(' ');
  return typeof value === 'string' ? value : '';
}

const MEETING_PARTS = ['agendaItem', 'talkingPoint', 'participant'] as const;

function partText(kind: KindName, row: Record<string, unknown>): string {
  const spec = KINDS[kind];
  return indexText([row[spec.titleField], ...spec.searchFields.map((f) => row[f])]);
}

function meetingPartsText(db: Db, meetingId: string): string {
  const parts: string[] = [];
  for (const kind of MEETING_PARTS) {
    const rows = stmt(
      db,
      `SELECT * FROM "${KINDS[kind].table}" WHERE meetingId = ? AND deleteCounter % 2 = 1`,
    ).all(meetingId) as Record<string, unknown>[];
    for (const row of rows) parts.push(partText(kind, row));
  }
  return parts.join('\n');
}

function isCurrentSharedAnnotation(db: Db, row: Record<string, unknown>): boolean {
  if (row.visibility !== 'shared') return false;
  const newer = stmt(db, 'SELECT 1 FROM annotation WHERE supersedes = ? AND deleteCounter % 2 = 1').get(
    row.id,
  );
  return newer === undefined;
}

export const recordKey = (kind: KindName, id: string) => `${kind}\u0000${id}`;

/** Main records whose document depends on their own row only (not on parts or other versions). */
const SELF_CONTAINED: readonly KindName[] = ['party', 'person', 'initiative', 'commitment'];

/**
 * What an import has just written in this transaction (records the store did not hold), kept only as
 * long as a document still needs it: a self-contained record is indexed at once and forgotten; a new
 * meeting and a new note wait for the end (their parts or newer versions may follow), and a new part of a
 * meeting is kept as its text alone. A new meeting's parts can only be new rows too, unless the import also
 * moved a part the store already held onto it: such meetings are read from the store instead.
 */
export class FreshRows {
  private readonly rows = new Map<KindName, Map<string, Record<string, unknown>>>();
  /** Per meeting: [part kind's rank, position, arrival, text] of its new alive parts. */
  private readonly parts = new Map<string, [number, number, number, string][]>();
  private arrivals = 0;
  /** New meetings that a part held before this import now points to. */
  readonly joinedByHeldParts = new Set<string>();

  /** Takes a row just written; returns the documents to bring up to date at the end. */
  add(db: Db, kind: KindName, id: string, row: Record<string, unknown>): [KindName, string][] {
    if (SELF_CONTAINED.includes(kind)) {
      writeDocument(db, kind, id, row);
      return [];
    }
    const rank = (MEETING_PARTS as readonly string[]).indexOf(kind);
    if (rank >= 0) {
      const meetingId = row.meetingId as string | null;
      if (!meetingId) return [];
      if (isAlive(row.deleteCounter as number)) {
        const list = this.parts.get(meetingId) ?? [];
        if (list.length === 0) this.parts.set(meetingId, list);
        list.push([rank, Number(row.position ?? 0), this.arrivals++, partText(kind, row)]);
      }
      return [['meeting', meetingId]];
    }
    let rows = this.rows.get(kind);
    if (!rows) this.rows.set(kind, (rows = new Map()));
    rows.set(id, row);
    return [[kind, id]];
  }

  get(kind: KindName, id: string): Record<string, unknown> | undefined {
    return this.rows.get(kind)?.get(id);
  }

  /** The text of a new meeting's alive parts, in the order the store's query gives them. */
  meetingPartsText(meetingId: string): string {
    const list = this.parts.get(meetingId) ?? [];
    list.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    return list.map((part) => part[3]).join('\n');
  }
}

/** Writes the document of a record that has none yet (a new one, or one whose document was removed). */
function writeDocument(
  db: Db,
  kind: KindName,
  id: string,
  row: Record<string, unknown>,
  parts?: string,
): void {
  if (!isAlive(row.deleteCounter as number)) return;
  if (kind === 'annotation' && !isCurrentSharedAnnotation(db, row)) return;
  const spec = KINDS[kind];
  let body = indexText(spec.searchFields.map((f) => row[f]));
  if (parts !== undefined) body += '\n' + parts;
  const { lastInsertRowid } = stmt(db, 'INSERT INTO search_doc (kind, id) VALUES (?, ?)').run(kind, id);
  stmt(db, 'INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)').run(
    lastInsertRowid,
    String(row[spec.titleField] ?? ''),
    body,
  );
}

// A document's text is indexed page by page (its current version only): one index row per page, named
// `<document id>:<page>` under the kind 'documentPage', titled with the document's title.
const DOCUMENT_PAGE = 'documentPage';

/** Brings a document's page rows up to date with its current version's text (none when it is gone). */
export function reindexDocumentPages(db: Db, documentId: string): void {
  const rows = stmt(db, 'SELECT docid FROM search_doc WHERE kind = ? AND id >= ? AND id < ?')
    .pluck()
    .all(DOCUMENT_PAGE, `${documentId}:`, `${documentId};`) as number[];
  for (const docid of rows) {
    stmt(db, 'DELETE FROM search_index WHERE rowid = ?').run(docid);
    stmt(db, 'DELETE FROM search_doc WHERE docid = ?').run(docid);
  }
  const current = currentPages(db, documentId);
  if (!current) return;
  current.pages.forEach((text, index) => {
    if (text === '') return;
    const { lastInsertRowid } = stmt(db, 'INSERT INTO search_doc (kind, id) VALUES (?, ?)').run(
      DOCUMENT_PAGE,
      `${documentId}:${index + 1}`,
    );
    stmt(db, 'INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)').run(
      lastInsertRowid,
      current.title,
      text,
    );
  });
}

/** Brings the document of one main record up to date (removing it when the record is gone). */
function reindexDocument(db: Db, kind: KindName, id: string, fresh?: FreshRows): void {
  if (kind === 'document') return reindexDocumentPages(db, id);
  const freshRow = fresh?.get(kind, id);
  if (freshRow) {
    const parts =
      kind === 'meeting' && !fresh!.joinedByHeldParts.has(id) ? fresh!.meetingPartsText(id) : undefined;
    writeDocument(
      db,
      kind,
      id,
      freshRow,
      kind === 'meeting' ? (parts ?? meetingPartsText(db, id)) : undefined,
    );
    return;
  }
  const doc = stmt(db, 'SELECT docid FROM search_doc WHERE kind = ? AND id = ?').get(kind, id) as
    { docid: number } | undefined;
  if (doc) {
    stmt(db, 'DELETE FROM search_index WHERE rowid = ?').run(doc.docid);
    stmt(db, 'DELETE FROM search_doc WHERE docid = ?').run(doc.docid);
  }
  const row = readRow(db, kind, id);
  if (row) writeDocument(db, kind, id, row, kind === 'meeting' ? meetingPartsText(db, id) : undefined);
}

/** The search document a record belongs to: its own, its meeting's, and for a note the version it replaced. */
function documentsOf(db: Db, kind: KindName, id: string, fresh?: FreshRows): [KindName, string][] {
  const freshRow = fresh?.get(kind, id);
  const row = () => freshRow ?? readRow(db, kind, id);
  if ((MAIN_KINDS as readonly string[]).includes(kind)) {
    const docs: [KindName, string][] = [[kind, id]];
    const previous = kind === 'annotation' ? (row()?.supersedes as string | null) : null;
    if (previous) docs.push(['annotation', previous]);
    return docs;
  }
  // A document's title and its current version decide its page rows.
  if (kind === 'document') return [['document', id]];
  if (kind === 'documentVersion') {
    const documentId = row()?.documentId as string | null | undefined;
    return documentId ? [['document', documentId]] : [];
  }
  const parentField = KINDS[kind].parentField;
  const parentId = parentField ? (row()?.[parentField] as string | null) : null;
  if (!parentId) return [];
  if (!freshRow) fresh?.joinedByHeldParts.add(parentId);
  return [['meeting', parentId]];
}

/**
 * The meeting document a part of a meeting belongs to now. Read before changing a part: if the change moves
 * it to another meeting, the one it leaves needs its document rebuilt too.
 */
export function currentParent(db: Db, kind: KindName, id: string): [KindName, string][] {
  const parentField = KINDS[kind].parentField;
  const parentId = parentField ? (readRow(db, kind, id)?.[parentField] as string | null | undefined) : null;
  return parentId ? [['meeting', parentId]] : [];
}

/**
 * Brings the documents of many changed records up to date, each document once. `fresh` holds rows an
 * import has just written, so they need not be read back.
 */
export function reindexRecords(db: Db, records: Iterable<[KindName, string]>, fresh?: FreshRows): void {
  // Every document first: a new meeting's text depends on whether a part held before joined it.
  const documents = new Map<string, [KindName, string]>();
  for (const [kind, id] of records) {
    for (const document of documentsOf(db, kind, id, fresh)) {
      const key = recordKey(...document);
      if (!documents.has(key)) documents.set(key, document);
    }
  }
  for (const [kind, id] of documents.values()) reindexDocument(db, kind, id, fresh);
}

/** Rebuilds the whole index (after a migration or a large import). */
export function rebuildSearchIndex(db: Db): void {
  db.exec('DELETE FROM search_index; DELETE FROM search_doc;');
  for (const kind of MAIN_KINDS) {
    const ids = stmt(db, `SELECT id FROM "${KINDS[kind].table}"`).all() as { id: string }[];
    for (const { id } of ids) reindexDocument(db, kind, id);
  }
  const documents = stmt(db, 'SELECT id FROM document').pluck().all() as string[];
  for (const id of documents) reindexDocumentPages(db, id);
}

/**
 * Turns what a user typed into a safe FTS5 query: every word becomes a quoted term (so `"`, `*`, `-`, `OR`
 * and friends are just text), all terms must match, and the last one matches as a prefix while typing.
 */
export function toFtsQuery(input: string): string | undefined {
  const words = input.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return undefined;
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? ' *' : ''}`).join(' ');
}

/** Hits on records, and inside documents (kind 'document', with the document and the page). */
export function search(db: Db, input: string, limit = 50, kind?: KindName): SearchHit[] {
  const query = toFtsQuery(input);
  if (!query) return [];
  const params: unknown[] = [query];
  if (kind) params.push(kind === 'document' ? DOCUMENT_PAGE : kind);
  const rows = stmt(
    db,
    `SELECT doc.kind, doc.id, search_index.title,
            snippet(search_index, -1, '${HIGHLIGHT_OPEN}', '${HIGHLIGHT_CLOSE}', '…', 16) AS snippet
     FROM search_index JOIN search_doc doc ON doc.docid = search_index.rowid
     WHERE search_index MATCH ?${kind ? ' AND doc.kind = ?' : ''}
     ORDER BY bm25(search_index, 8.0, 1.0), doc.kind, doc.id
     LIMIT ?`,
  ).all(...params, limit) as { kind: string; id: string; title: string; snippet: string }[];
  return rows.map((row): SearchHit => {
    if (row.kind !== DOCUMENT_PAGE) return row as SearchHit;
    const at = row.id.lastIndexOf(':');
    const document = { id: row.id.slice(0, at), title: row.title };
    return { ...row, kind: 'document', id: document.id, document, page: Number(row.id.slice(at + 1)) };
  });
}
