// Which earlier copy a new book is compared with: by default the meeting's copy printed last on this device,
// or one chosen by its id, or none. A copy printed before books recorded their contents, or cut to a higher
// clearance than the new one, is not compared with (the new book says why in its warnings).
import { invalid, notFound } from '../../domain/errors.js';
import { CLASSIFICATIONS, type Classification } from '../../domain/kinds.js';
import type { BookRecord } from '../../domain/results.js';
import type { Db } from '../../db/connection.js';
import { latestBookOf, readBook, readBookContents } from '../../db/books.js';
import { parseBookContents, type BookContents } from './changes.js';

/** `last` (the default), `none`, or the id of a book in this device's history. */
export type ChangesChoice = 'last' | 'none' | (string & {});

export interface EarlierCopy {
  book: BookRecord;
  contents: BookContents;
}

const rank = (level: string | undefined) =>
  level ? CLASSIFICATIONS.indexOf(level as Classification) : CLASSIFICATIONS.length;

const named = (book: BookRecord) =>
  `${book.copyNumber ? `copy no. ${book.copyNumber}` : 'the copy'} (book ${book.id}, ${book.generatedAt.slice(0, 10)})`;

export function earlierCopy(
  db: Db,
  meetingId: string,
  choice: ChangesChoice,
  clearance: Classification | undefined,
): { copy?: EarlierCopy; warning?: string } {
  if (choice === 'none') return {};
  const book = choice === 'last' ? latestBookOf(db, meetingId) : readBook(db, choice);
  if (!book) {
    if (choice === 'last') return {};
    throw notFound(
      `no printed book with id ${choice} in this device's history (see valija books ${meetingId})`,
    );
  }
  if (book.meetingId !== meetingId) {
    throw invalid(
      `book ${book.id} is a copy of another meeting's book (${book.meetingId}): choose one of this meeting's`,
    );
  }
  const contents = parseBookContents(readBookContents(db, book.id));
  if (!contents) {
    return {
      warning: `${named(book)} was printed before books recorded what they contain: this book is printed without marking changes`,
    };
  }
  // Compared with a copy cut higher, this one would name what it leaves out.
  if (rank(book.options.clearance) > rank(clearance)) {
    return {
      warning: `${named(book)} was cut to a higher clearance than this copy: this book is printed without marking changes`,
    };
  }
  return { copy: { book, contents } };
}
