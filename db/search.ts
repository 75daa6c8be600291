// Full-text search: one index row per main record (a meeting's row also holds its agenda, points to make
// and participants), accent- and case-folded by the unicode61 tokenizer, ranked by bm25.
import type { Db } from './connection.js';
import { KINDS, MAIN_KINDS, type KindName } from './kinds.js';
import { isAlive, readRow } from './reader.js';
import { stmt } from './statements.js';

export interface SearchHit {
  kind: KindName;
  id: string;
  title: string;
  /** Matched text with each match wrapped in [[ and ]]. */
  snippet: string;
}

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

/**
 * Rows an import has just written in this transaction (records the store did not hold), so their
 * documents are built without reading them back. A new meeting's parts can only be new rows too, unless an
 * import also moved a part it already held onto it: such meetings are read from the store instead.
 */
export class FreshRows {
  private readonly rows = new Map<KindName, Map<string, Record<string, unknown>>>();
  private parts?: Map<string, string[]>;
  /** New meetings that a part held before this import now points to. */
  readonly joinedByHeldParts = new Set<string>();

  set(kind: KindName, id: string, row: Record<string, unknown>): void {
    let rows = this.rows.get(kind);
    if (!rows) this.rows.set(kind, (rows = new Map()));
    rows.set(id, row);
    this.parts = undefined;
  }

  get(kind: KindName, id: string): Record<string, unknown> | undefined {
    return this.rows.get(kind)?.get(id);
  }

  /** The text of a new meeting's alive parts, in the order the store's query gives them. */
  meetingPartsText(meetingId: string): string {
    this.parts ??= this.groupParts();
    return (this.parts.get(meetingId) ?? []).join('\n');
  }

  private groupParts(): Map<string, string[]> {
    const byMeeting = new Map<string, [number, number, number, string][]>();
    let order = 0;
    MEETING_PARTS.forEach((kind, rank) => {
      for (const row of this.rows.get(kind)?.values() ?? []) {
        if (!isAlive(row.deleteCounter as number) || typeof row.meetingId !== 'string') continue;
        const list = byMeeting.get(row.meetingId) ?? [];
        if (list.length === 0) byMeeting.set(row.meetingId, list);
        list.push([rank, Number(row.position ?? 0), order++, partText(kind, row)]);
      }
    });
    const texts = new Map<string, string[]>();
    for (const [meetingId, list] of byMeeting) {
      list.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
      texts.set(
        meetingId,
        list.map((part) => part[3]),
      );
    }
    return texts;
  }
}

/** Brings the document of one main record up to date (removing it when the record is gone). */
function reindexDocument(db: Db, kind: KindName, id: string, fresh?: FreshRows): void {
  let row = fresh?.get(kind, id);
  const isFresh = row !== undefined;
  if (!row) {
    const doc = stmt(db, 'SELECT docid FROM search_doc WHERE kind = ? AND id = ?').get(kind, id) as
      { docid: number } | undefined;
    if (doc) {
      stmt(db, 'DELETE FROM search_index WHERE rowid = ?').run(doc.docid);
      stmt(db, 'DELETE FROM search_doc WHERE docid = ?').run(doc.docid);
    }
    row = readRow(db, kind, id);
  }
  if (!row || !isAlive(row.deleteCounter as number)) return;
  if (kind === 'annotation' && !isCurrentSharedAnnotation(db, row)) return;
  const spec = KINDS[kind];
  let body = indexText(spec.searchFields.map((f) => row[f]));
  if (kind === 'meeting') {
    body +=
      '\n' +
      (isFresh && !fresh!.joinedByHeldParts.has(id) ? fresh!.meetingPartsText(id) : meetingPartsText(db, id));
  }
  const { lastInsertRowid } = stmt(db, 'INSERT INTO search_doc (kind, id) VALUES (?, ?)').run(kind, id);
  stmt(db, 'INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)').run(
    lastInsertRowid,
    String(row[spec.titleField] ?? ''),
    body,
  );
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

export function search(db: Db, input: string, limit = 50, kind?: KindName): SearchHit[] {
  const query = toFtsQuery(input);
  if (!query) return [];
  const params: unknown[] = [query];
  if (kind) params.push(kind);
  return stmt(
    db,
    `SELECT doc.kind, doc.id, search_index.title,
            snippet(search_index, -1, '${HIGHLIGHT_OPEN}', '${HIGHLIGHT_CLOSE}', '…', 16) AS snippet
     FROM search_index JOIN search_doc doc ON doc.docid = search_index.rowid
     WHERE search_index MATCH ?${kind ? ' AND doc.kind = ?' : ''}
     ORDER BY bm25(search_index, 8.0, 1.0), doc.kind, doc.id
     LIMIT ?`,
  ).all(...params, limit) as SearchHit[];
}
