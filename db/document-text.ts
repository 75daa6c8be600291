// The text of each document file, page by page, as this device extracted it: derived data (the file's bytes
// hold it), so it lives beside the records, is never synced, and can be extracted again at any time. Its
// tables' only owner; the search index reads a document's current pages from here.
import type { Db } from './connection.js';
import { currentDocumentVersion, isAlive, readRow } from './reader.js';
import { stmt } from './statements.js';
import type { TextStatus } from '../domain/results.js';

/** What extraction found for one file: its status, its pages' text when indexed, and why when not. */
export interface StoredText {
  status: Exclude<TextStatus, 'pending' | 'notPdf'>;
  pages: readonly string[];
  reason: string;
}

/** Keeps a file's text, replacing what an earlier extraction kept. */
export function storeText(db: Db, sha256: string, text: StoredText, at: string): void {
  db.transaction(() => {
    stmt(db, 'DELETE FROM document_text_page WHERE sha256 = ?').run(sha256);
    const insert = stmt(db, 'INSERT INTO document_text_page (sha256, page, text) VALUES (?, ?, ?)');
    text.pages.forEach((page, index) => insert.run(sha256, index + 1, page));
    stmt(
      db,
      `INSERT INTO document_text (sha256, status, pages, reason, extractedAt) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (sha256) DO UPDATE SET status = excluded.status, pages = excluded.pages,
         reason = excluded.reason, extractedAt = excluded.extractedAt`,
    ).run(sha256, text.status, text.pages.length, text.reason, at);
  })();
}

/** A version's text status: a file that is not a PDF has none to read; a PDF not read yet is pending. */
export function textStatusOf(db: Db, sha256: string, mediaType: string): TextStatus {
  if (mediaType !== 'application/pdf') return 'notPdf';
  const status = stmt(db, 'SELECT status FROM document_text WHERE sha256 = ?').pluck().get(sha256) as
    TextStatus | undefined;
  return status ?? 'pending';
}

export function textReasonOf(db: Db, sha256: string): string {
  return (stmt(db, 'SELECT reason FROM document_text WHERE sha256 = ?').pluck().get(sha256) as string) ?? '';
}

/** A file's pages' text (page n at n - 1); empty when it was not read or has none. */
export function pageTexts(db: Db, sha256: string): string[] {
  return stmt(db, 'SELECT text FROM document_text_page WHERE sha256 = ? ORDER BY page')
    .pluck()
    .all(sha256) as string[];
}

/** The pages of an alive document's current version as the search index holds them, with its title. */
export function currentPages(db: Db, documentId: string): { title: string; pages: string[] } | undefined {
  const row = readRow(db, 'document', documentId);
  if (!row || !isAlive(row.deleteCounter)) return undefined;
  const current = currentDocumentVersion(db, documentId);
  return { title: String(row.title), pages: current ? pageTexts(db, current.sha256) : [] };
}

/** PDF files some alive version names whose text this device has not read yet. */
export function pendingFiles(db: Db): string[] {
  return stmt(
    db,
    `SELECT DISTINCT v.sha256 FROM document_version v JOIN document_file f ON f.sha256 = v.sha256
     WHERE v.mediaType = 'application/pdf' AND v.deleteCounter % 2 = 1
       AND NOT EXISTS (SELECT 1 FROM document_text t WHERE t.sha256 = v.sha256)
     ORDER BY v.sha256`,
  )
    .pluck()
    .all() as string[];
}

/** The alive documents whose current version is this file (their search pages follow its text). */
export function documentsShowing(db: Db, sha256: string): string[] {
  const ids = stmt(
    db,
    `SELECT DISTINCT documentId FROM document_version WHERE sha256 = ? AND deleteCounter % 2 = 1`,
  )
    .pluck()
    .all(sha256) as string[];
  return ids.filter((id) => currentDocumentVersion(db, id)?.sha256 === sha256);
}
