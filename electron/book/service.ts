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
import { protectPdf } from './protect.js';
import type { RenderProgress } from './model.js';
import { renderCopies } from './render.js';
import { t } from './strings.js';
import type { AnnotationChoice, BookSummary, Lang, Paper } from '../../domain/results.js';
import { chooseAnnexes, type AnnexChoice } from './annex-choice.js';
import { getRecord } from '../../db/reader.js';
import { readSetting } from '../../db/settings.js';
import { nextCopyNumber, readBook, recordBook } from '../../db/books.js';
import { bookContents, compareContents, markChanges, type SectionChanges } from './changes.js';
import { earlierCopy, type ChangesChoice } from './reissue.js';

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
  /** Documents printed as annexes: all of the meeting's (the default), none, or these ids in this order. */
  documents?: AnnexChoice;
  /** A protected copy: encrypted with the reader's passphrase (printing allowed, copying and editing not). */
  protect?: { passphrase: string };
  /** A copy for a reader cleared to this level: what is above it is left out, and counted. */
  clearance?: Classification;
  /** This copy's number in the meeting's distribution record (printed on every page, kept in the history). */
  copyNumber?: number;
  /** Each paragraph, point, row and note marked with its classification: (P) (R) (C) (S). */
  portionMarks?: boolean;
  /** The earlier copy whose changes this one marks: the last printed (default), none, or a book's id. */
  changes?: ChangesChoice;
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
  const { file, copyFor, copyNumber, ...book } = request;
  const [summary] = await buildCopies(store, book, [{ file, copyFor, copyNumber }], options);
  return summary!;
}

/** One copy of a book printed from a shared layout: where it is written, for whom, its number. */
export interface CopyRequest {
  file: string;
  copyFor?: string;
  /** Its number in the meeting's distribution record; none: the next of the history. */
  copyNumber?: number;
}

/**
 * Copies of a meeting's book for several readers of the same clearance (a distribution): collected, compared
 * and laid out once, then each written with its own reader and number, and each recorded in the history.
 */
export async function buildCopies(
  store: Store,
  request: Omit<BookRequest, 'file' | 'copyFor' | 'copyNumber'>,
  copies: readonly CopyRequest[],
  options: BookJobOptions = {},
): Promise<BookSummary[]> {
  const meeting = getRecord(store.db, 'meeting', request.meetingId);
  const chosen = chooseAnnexes(
    store.db,
    {
      id: request.meetingId,
      initiativeIds: meeting.initiativeIds as string[],
      partyIds: meeting.partyIds as string[],
    },
    request.documents ?? 'all',
  );
  const earlier = earlierCopy(store.db, request.meetingId, request.changes ?? 'last', request.clearance);
  // A distribution gives its own numbers; any other copy takes the next of the meeting's history. Every copy
  // prints its number, so a later revision's "replaces copy no. X" names a number its reader can find.
  const next = nextCopyNumber(store.db, request.meetingId);
  const numbered = copies.map((copy, n) => ({
    ...copy,
    copyFor: copy.copyFor?.trim() || undefined,
    number: copy.copyNumber ?? next + n,
  }));
  const collected = collectBook(store.db, request.meetingId, {
    annexes: chosen.annexes,
    lang: request.lang ?? 'es',
    paper: request.paper ?? 'a4',
    annotations: request.annotations ?? 'shared',
    classification: request.classification,
    copyFor: numbered[0]?.copyFor,
    generatedAt: request.date ? `${request.date}T12:00:00.000Z` : undefined,
    ownPartyId: readSetting(store.db, 'ownPartyId'),
    clearance: request.clearance,
    copyNumber: numbered[0]?.number,
    portionMarks: request.portionMarks,
  });
  const contents = bookContents(collected.sections, collected.annexes ?? []);
  const compared = earlier.copy && {
    ...earlier.copy,
    changes: compareContents(earlier.copy.contents, contents, {
      privateNotes: request.annotations === 'mine',
    }),
  };
  const revision = compared ? compared.book.revision + 1 : 1;
  const model = compared
    ? {
        ...collected,
        sections: markChanges(collected.sections, compared.changes),
        reissue: {
          revision,
          copyNumber: compared.book.copyNumber,
          date: compared.book.generatedAt,
          changes: compared.changes.sections,
        },
      }
    : collected;
  let renderedCopies;
  try {
    renderedCopies = await renderCopies(
      model,
      numbered.map((copy) => ({ copyFor: copy.copyFor, copyId: String(copy.number) })),
      options,
    );
  } catch (error) {
    if (error instanceof BookError) throw new ValijaError(error.code as ErrorCode, error.message);
    throw error;
  }
  const summaries: BookSummary[] = [];
  for (const [n, copy] of numbered.entries()) {
    const rendered = renderedCopies[n]!;
    const pdf = request.protect ? await protectPdf(rendered.pdf, request.protect.passphrase) : rendered.pdf;
    writeFileAtomically(copy.file, pdf);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const id = uuidv7();
    recordBook(store.db, {
      id,
      meetingId: request.meetingId,
      copyNumber: copy.number,
      revision,
      options: {
        lang: model.lang,
        paper: model.paper,
        classification: model.classification,
        annotations: request.annotations ?? 'shared',
        ...(request.clearance ? { clearance: request.clearance } : {}),
        ...(copy.copyNumber ? { copyNumber: String(copy.copyNumber) } : {}),
        ...(request.portionMarks ? { portionMarks: 'yes' } : {}),
      },
      generatedAt: model.generatedAt,
      pages: rendered.pages,
      sha256,
      copyFor: copy.copyFor ?? '',
      file: copy.file,
      contents: JSON.stringify(contents),
    });
    summaries.push({
      id,
      file: copy.file,
      meetingId: request.meetingId,
      pages: rendered.pages,
      sha256,
      bytes: pdf.length,
      protected: !!request.protect,
      withheld: model.withheld?.count ?? 0,
      copyNumber: copy.number,
      revision,
      ...(compared
        ? {
            comparedWith: { bookId: compared.book.id, copyNumber: compared.book.copyNumber },
            changes: {
              added: listed(compared.changes.sections, 'added'),
              changed: listed(compared.changes.sections, 'changed'),
              removed: listed(compared.changes.sections, 'removed'),
            },
          }
        : {}),
      classification: model.classification,
      generatedAt: model.generatedAt,
      sections: rendered.sections,
      annexes: rendered.annexes,
      warnings: [
        ...(earlier.warning ? [earlier.warning] : []),
        ...rendered.annexes
          .filter((a) => a.printed === 'placeholder')
          .map((a) => {
            const annex = chosen.annexes.find((c) => c.documentId === a.documentId)!;
            return `annex ${a.label} "${a.title}" (${describe(annex)}) is not printed, a placeholder page stands in for it (page ${a.page}): ${t('en', `annex.reason.${a.reason!}`)}`;
          }),
        ...chosen.leftOut.map(
          ({ document, kind, id }) =>
            `document "${document.title}" of ${kind} ${id} (${document.current ? describe({ fileName: document.current.fileName, bytes: document.bytes, sha256: document.sha256 }) : 'no file'}) is left out of this book, as asked`,
        ),
      ],
    });
  }
  return summaries;
}

const listed = (sections: SectionChanges[], what: 'added' | 'changed' | 'removed') =>
  sections.flatMap((s) => s[what].map((title) => ({ section: s.id, title })));

const describe = (file: { fileName: string; bytes: number; sha256: string }): string =>
  `${file.fileName}, ${file.bytes} bytes, sha256 ${file.sha256.slice(0, 12)}…`;

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
