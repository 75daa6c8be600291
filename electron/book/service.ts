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
import type { AnnotationChoice, BookSummary, Lang, Paper } from '../../domain/results.js';
import { documentsOn } from '../../db/documents.js';
import { getRecord } from '../../db/reader.js';
import type { KindName } from '../../domain/kinds.js';
import { readSetting } from '../../db/settings.js';
import { readBook, recordBook } from '../../db/books.js';

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
    ownPartyId: readSetting(store.db, 'ownPartyId'),
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
  recordBook(store.db, {
    id,
    meetingId: request.meetingId,
    options: {
      lang: model.lang,
      paper: model.paper,
      classification: model.classification,
      annotations: request.annotations ?? 'shared',
    },
    generatedAt: model.generatedAt,
    pages: rendered.pages,
    sha256,
    copyFor: model.copyFor ?? '',
    file: request.file,
  });
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
    warnings: unprintedDocuments(store, request.meetingId),
  };
}

/**
 * The documents of the meeting, its initiatives and its counterparts, each named as not printed: annexes are
 * not yet merged into books, and a document is never left out silently.
 */
function unprintedDocuments(store: Store, meetingId: string): string[] {
  const meeting = getRecord(store.db, 'meeting', meetingId);
  const targets: { kind: KindName; id: string }[] = [
    { kind: 'meeting', id: meetingId },
    ...(meeting.initiativeIds as string[]).map((id) => ({ kind: 'initiative' as const, id })),
    ...(meeting.partyIds as string[]).map((id) => ({ kind: 'party' as const, id })),
  ];
  return targets.flatMap((target) =>
    documentsOn(store.db, target).map(
      (doc) =>
        `document "${doc.title}" (${doc.current?.fileName ?? 'no file'}, ${doc.bytes} bytes, sha256 ${doc.sha256.slice(0, 12)}…) of ${target.kind} ${target.id} is not printed: annexes in books are not yet available`,
    ),
  );
}

/** The PDF of a book in this device's history, as written: refused if the file is gone or was changed. */
export function readBookPdf(
  store: Store,
  bookId: string,
): { bookId: string; file: string; pages: number; base64: string } {
  const book = readBook(store.db, bookId);
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
