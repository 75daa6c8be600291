// Documents attached to records: a `document` record (what the paper is), its `documentVersion` records
// (one per file attached, insert-only: replacing keeps every earlier version), and the files themselves in
// `document_file`, once per distinct content (by sha256), inside the store. Its tables' only owner.
import { createHash } from 'node:crypto';
import type { Db } from './connection.js';
import { authorNameOf } from './authors.js';
import { documentsShowing, storeText, textStatusOf, type StoredText } from './document-text.js';
import { reindexDocumentPages } from './search.js';
import { isAlive, readRow, shownRecord } from './reader.js';
import { stmt } from './statements.js';
import { createRecordWith, type Writer } from './writer.js';
import { invalid, notFound, ValijaError } from '../domain/errors.js';
import type { KindName, StoredRecord } from '../domain/kinds.js';
import type { DocumentInfo, DocumentVersionInfo } from '../domain/results.js';

/** A file as it is attached: its bytes, the name it had, what it is, and its page count when a PDF. */
export interface AttachedFile {
  content: Buffer;
  fileName: string;
  mediaType: string;
  /** Pages of a readable PDF; 0 for anything else. */
  pages: number;
}

export interface DocumentFields {
  title?: string;
  docKind?: string;
  classification?: string;
  language?: string;
}

const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** Keeps a file's content once, whoever attached it; true when it was new here. */
export function keepFile(db: Db, sha256: string, content: Buffer): boolean {
  return (
    stmt(db, 'INSERT OR IGNORE INTO document_file (sha256, bytes, content) VALUES (?, ?, ?)').run(
      sha256,
      content.length,
      content,
    ).changes > 0
  );
}

/** The files a package carries: every content some document version names, in order of sha256. */
export function sharedFileList(db: Db): { sha256: string; bytes: number }[] {
  return stmt(
    db,
    `SELECT sha256, bytes FROM document_file f
     WHERE EXISTS (SELECT 1 FROM document_version v WHERE v.sha256 = f.sha256) ORDER BY sha256`,
  ).all() as { sha256: string; bytes: number }[];
}

/** Whether some document version, in the store or about to be, names this content. */
export function isNamedFile(db: Db, sha256: string): boolean {
  return stmt(db, 'SELECT 1 FROM document_version WHERE sha256 = ?').get(sha256) !== undefined;
}

export function hasFile(db: Db, sha256: string): boolean {
  return stmt(db, 'SELECT 1 FROM document_file WHERE sha256 = ?').get(sha256) !== undefined;
}

export function fileContent(db: Db, sha256: string): Buffer | undefined {
  return stmt(db, 'SELECT content FROM document_file WHERE sha256 = ?').pluck().get(sha256) as
    Buffer | undefined;
}

function addVersion(w: Writer, documentId: string, file: AttachedFile): void {
  const sha256 = sha256Of(file.content);
  keepFile(w.db, sha256, file.content);
  createRecordWith(
    w,
    'documentVersion',
    { documentId },
    {
      fileName: file.fileName.slice(0, 255),
      mediaType: file.mediaType.slice(0, 100),
      bytes: file.content.length,
      sha256,
      pages: file.pages,
      addedBy: w.deviceId,
      addedAt: new Date(w.now()).toISOString(),
    },
  );
}

/** Attaches a file to a record as a new document (its first version). */
export function attachDocument(
  w: Writer,
  target: { kind: KindName; id: string },
  fields: DocumentFields,
  file: AttachedFile,
): DocumentInfo {
  const id = w.db
    .transaction(() => {
      const title = fields.title?.trim() || file.fileName.replace(/\.[^.]+$/, '') || file.fileName;
      const documentId = createRecordWith(
        w,
        'document',
        { targetKind: target.kind, targetId: target.id, ...fields, title: title.slice(0, 500) },
        { addedBy: w.deviceId, addedAt: new Date(w.now()).toISOString() },
      );
      addVersion(w, documentId, file);
      return documentId;
    })
    .immediate();
  return documentInfo(w.db, id);
}

/** A new version of a document: the file replaces the current one, and every earlier version is kept. */
export function replaceDocument(w: Writer, documentId: string, file: AttachedFile): DocumentInfo {
  w.db
    .transaction(() => {
      requireDocument(w.db, documentId);
      addVersion(w, documentId, file);
    })
    .immediate();
  return documentInfo(w.db, documentId);
}

function requireDocument(db: Db, id: string): StoredRecord {
  const row = readRow(db, 'document', id);
  if (!row || !isAlive(row.deleteCounter))
    throw notFound(`no document with id ${id}; \`valija documents <kind> <id>\` lists a record's`);
  return shownRecord(db, 'document', row);
}

/** A document's versions, oldest first (numbered from 1): by when they were added, then by id. */
export function versionsOf(db: Db, documentId: string): DocumentVersionInfo[] {
  const rows = stmt(
    db,
    `SELECT id, fileName, mediaType, bytes, sha256, pages, addedBy, addedAt FROM document_version
     WHERE documentId = ? AND deleteCounter % 2 = 1 ORDER BY addedAt, id`,
  ).all(documentId) as Omit<DocumentVersionInfo, 'version' | 'addedByName' | 'available' | 'text'>[];
  return rows.map((row, index) => ({
    ...row,
    version: index + 1,
    addedByName: authorNameOf(db, row.addedBy),
    available: hasFile(db, row.sha256),
    text: textStatusOf(db, row.sha256, row.mediaType),
  }));
}

export function documentInfo(db: Db, id: string): DocumentInfo {
  const record = requireDocument(db, id);
  const versions = versionsOf(db, id);
  const current = versions.at(-1) ?? null;
  return {
    id,
    version: current?.version ?? 0,
    sha256: current?.sha256 ?? '',
    bytes: current?.bytes ?? 0,
    pages: current?.pages ?? 0,
    targetKind: record.targetKind as string,
    targetId: record.targetId as string,
    title: record.title as string,
    docKind: record.docKind as string,
    classification: record.classification as string,
    language: record.language as string,
    addedBy: record.addedBy as string,
    addedByName: authorNameOf(db, record.addedBy as string),
    addedAt: record.addedAt as string,
    versions,
    current,
  };
}

/** The alive documents attached to a record, by title. */
export function documentsOn(db: Db, target: { kind: KindName; id: string }): DocumentInfo[] {
  const ids = stmt(
    db,
    `SELECT id FROM document WHERE targetKind = ? AND targetId = ? AND deleteCounter % 2 = 1
     ORDER BY title COLLATE NOCASE, id`,
  )
    .pluck()
    .all(target.kind, target.id) as string[];
  return ids.map((id) => documentInfo(db, id));
}

/** The bytes of a document's version (the latest unless one is named), checked against its sha256. */
export function documentContent(
  db: Db,
  documentId: string,
  version?: number,
): { version: DocumentVersionInfo; content: Buffer } {
  const { versions } = documentInfo(db, documentId);
  const chosen = version === undefined ? versions.at(-1) : versions[version - 1];
  if (!chosen) {
    throw version === undefined
      ? notFound(`the document ${documentId} has no version`)
      : invalid(`the document ${documentId} has ${versions.length} version(s), not ${version}`);
  }
  const content = fileContent(db, chosen.sha256);
  if (!content) {
    throw notFound(
      `the file of version ${chosen.version} of document ${documentId} is not in this store yet (it comes with a package from whoever attached it)`,
    );
  }
  if (sha256Of(content) !== chosen.sha256) {
    throw new ValijaError(
      'E_STORE',
      `the stored file of document ${documentId} is damaged: it no longer matches its sha256`,
    );
  }
  return { version: chosen, content };
}

/** Keeps a file's extracted text and brings the search pages of every document showing it up to date. */
export function keepDocumentText(db: Db, sha256: string, text: StoredText, at: string): void {
  db.transaction(() => {
    storeText(db, sha256, text, at);
    for (const documentId of documentsShowing(db, sha256)) reindexDocumentPages(db, documentId);
  }).immediate();
}
