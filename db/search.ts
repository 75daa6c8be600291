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

function meetingPartsText(db: Db, meetingId: string): string {
  const parts: string[] = [];
  for (const kind of ['agendaItem', 'talkingPoint', 'participant'] as const) {
    const spec = KINDS[kind];
    const rows = stmt(db, `SELECT * FROM "${spec.table}" WHERE meetingId = ? AND deleteCounter % 2 = 1`).all(
      meetingId,
    ) as Record<string, unknown>[];
    for (const row of rows)
      parts.push(indexText([row[spec.titleField], ...spec.searchFields.map((f) => row[f])]));
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

/** Rows written in this transaction by a bulk import: new records, so without a document yet. */
export type FreshRows = Map<string, Record<string, unknown>>;

export const recordKey = (kind: KindName, id: string) => `${kind}\u0000${id}`;

/** Brings the document of one main record up to date (removing it when the record is gone). */
function reindexDocument(db: Db, kind: KindName, id: string, fresh?: FreshRows): void {
  let row = fresh?.get(recordKey(kind, id));
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
  if (kind === 'meeting') body += '\n' + meetingPartsText(db, id);
  const { lastInsertRowid } = stmt(db, 'INSERT INTO search_doc (kind, id) VALUES (?, ?)').run(kind, id);
  stmt(db, 'INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)').run(
    lastInsertRowid,
    String(row[spec.titleField] ?? ''),
    body,
  );
}

/** The search document a record belongs to: its own, its meeting's, and for a note the version it replaced. */
function documentsOf(db: Db, kind: KindName, id: string, fresh?: FreshRows): [KindName, string][] {
  const row = () => fresh?.get(recordKey(kind, id)) ?? readRow(db, kind, id);
  if ((MAIN_KINDS as readonly string[]).includes(kind)) {
    const docs: [KindName, string][] = [[kind, id]];
    const previous = kind === 'annotation' ? (row()?.supersedes as string | null) : null;
    if (previous) docs.push(['annotation', previous]);
    return docs;
  }
  const parentField = KINDS[kind].parentField;
  const parentId = parentField ? (row()?.[parentField] as string | null) : null;
  return parentId ? [['meeting', parentId]] : [];
}

/**
 * Brings the documents of many changed records up to date, each document once. `fresh` holds rows an
 * import has just written, so they need not be read back.
 */
export function reindexRecords(db: Db, records: Iterable<[KindName, string]>, fresh?: FreshRows): void {
  const done = new Set<string>();
  for (const [kind, id] of records) {
    for (const [docKind, docId] of documentsOf(db, kind, id, fresh)) {
      const key = recordKey(docKind, docId);
      if (done.has(key)) continue;
      done.add(key);
      reindexDocument(db, docKind, docId, fresh);
    }
  }
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
