// Building a briefing book for the API: collect from the store, render, write the file atomically, and
// remember it in this device's book history.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { notFound, ValijaError, type ErrorCode } from '../../domain/errors.js';
import { uuidv7 } from '../../db/ids.js';
import type { Classification } from '../../domain/kinds.js';
import type { Store } from '../../db/store.js';
import { writeFileAtomically } from '../files.js';
import { collectBook } from './collect.js';
import { BookError } from './errors.js';
import type { RenderProgress } from './model.js';
import { renderBook } from './render.js';
import type { AnnotationChoice, BookRecord, BookSummary, Lang, Paper } from '../../domain/results.js';

export interface BookRequest {
  meetingId: string;
  file: string;
  lang?: Lang;
  paper?: Paper;
  classification?: Classification;
  annotations?: AnnotationChoice;
  copyFor?: string;
  /** The date printed on the book (YYYY-MM-DD); by default the date of the latest change it includes. */
  date?: string;
}

export interface BookJobOptions {
  onProgress?: (progress: RenderProgress) => void;
  signal?: AbortSignal;
}

function ownPartyId(store: Store): string | undefined {
  const row = store.db.prepare("SELECT value FROM setting WHERE key = 'ownPartyId'").get() as
    { value: string } | undefined;
  return row?.value;
}

export async function buildBook(
  store: Store,
  request: BookRequest,
  options: BookJobOptions = {},
): Promise<BookSummary> {
  const model = collectBook(store.db, request.meetingId, {
    lang: request.lang ?? 'es',
    paper: request.paper ?? 'a4',
    annotations: request.annotations ?? 'shared',
    classification: request.classification,
    copyFor: request.copyFor?.trim() || undefined,
    generatedAt: request.date ? `${request.date}T12:00:00.000Z` : undefined,
    ownPartyId: ownPartyId(store),
  });
  let rendered;
  try {
    rendered = await renderBook(model, options);
  } catch (error) {
    if (error instanceof BookError) throw new ValijaError(error.code as ErrorCode, error.message);
    throw error;
  }
  writeFileAtomically(request.file, rendered.pdf);
  const sha256 = createHash('sha256').update(rendered.pdf).digest('hex');
  const id = uuidv7();
  store.db
    .prepare(
      'INSERT INTO book (id, meetingId, options, generatedAt, pages, sha256, copyFor, file) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      id,
      request.meetingId,
      JSON.stringify({
        lang: model.lang,
        paper: model.paper,
        classification: model.classification,
        annotations: request.annotations ?? 'shared',
      }),
      model.generatedAt,
      rendered.pages,
      sha256,
      model.copyFor ?? '',
      request.file,
    );
  return {
    id,
    file: request.file,
    meetingId: request.meetingId,
    pages: rendered.pages,
    sha256,
    bytes: rendered.pdf.length,
    classification: model.classification,
    generatedAt: model.generatedAt,
    sections: rendered.sections,
  };
}

/** The PDF of a book in this device's history, as written: refused if the file is gone or was changed. */
export function readBookPdf(
  store: Store,
  bookId: string,
): { bookId: string; file: string; pages: number; base64: string } {
  const book = store.db.prepare('SELECT file, pages, sha256 FROM book WHERE id = ?').get(bookId) as
    { file: string; pages: number; sha256: string } | undefined;
  if (!book) throw notFound(`no printed book with id ${bookId}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(book.file);
  } catch {
    throw notFound(`the book file ${book.file} is no longer there; build the book again`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== book.sha256) {
    throw new ValijaError(
      'E_CONFLICT',
      `the book file ${book.file} was changed after it was printed; build the book again`,
    );
  }
  return { bookId, file: book.file, pages: book.pages, base64: bytes.toString('base64') };
}

/** The books this device printed for a meeting, newest first. */
export function listBookHistory(store: Store, meetingId: string): BookRecord[] {
  const rows = store.db
    .prepare('SELECT * FROM book WHERE meetingId = ? ORDER BY generatedAt DESC, id DESC')
    .all(meetingId) as (Omit<BookRecord, 'options'> & { options: string })[];
  return rows.map((b) => ({ ...b, options: JSON.parse(b.options) as Record<string, string> }));
}
