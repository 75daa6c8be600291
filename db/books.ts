// The `book` table: the briefing books this device printed (its history; never shared). Its only owner.
import type { BookRecord } from '../domain/results.js';
import type { Db } from './connection.js';
import { stmt } from './statements.js';

type BookRow = Omit<BookRecord, 'options'> & { options: string };

/** Every column but `contents`, which only a reissue's comparison reads (readBookContents). */
const COLUMNS = 'id, meetingId, copyNumber, revision, options, generatedAt, pages, sha256, copyFor, file';

/** `contents`: what the book printed (JSON, electron/book/changes.ts), so a reissue can compare with it. */
export function recordBook(db: Db, book: BookRecord & { contents: string }): void {
  stmt(db, `INSERT INTO book (${COLUMNS}, contents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    book.id,
    book.meetingId,
    book.copyNumber,
    book.revision,
    JSON.stringify(book.options),
    book.generatedAt,
    book.pages,
    book.sha256,
    book.copyFor,
    book.file,
    book.contents,
  );
}

const fromRow = (row: BookRow): BookRecord => ({
  ...row,
  options: JSON.parse(row.options) as Record<string, string>,
});

export function readBook(db: Db, id: string): BookRecord | undefined {
  const row = stmt(db, `SELECT ${COLUMNS} FROM book WHERE id = ?`).get(id) as BookRow | undefined;
  return row && fromRow(row);
}

/** What a book printed, as recorded ('' for a book printed before contents were recorded). */
export function readBookContents(db: Db, id: string): string {
  const row = stmt(db, 'SELECT contents FROM book WHERE id = ?').get(id) as { contents: string } | undefined;
  return row?.contents ?? '';
}

/** The books printed for a meeting, newest first. */
export function booksOfMeeting(db: Db, meetingId: string): BookRecord[] {
  const rows = stmt(
    db,
    `SELECT ${COLUMNS} FROM book WHERE meetingId = ? ORDER BY generatedAt DESC, id DESC`,
  ).all(meetingId) as BookRow[];
  return rows.map(fromRow);
}

/** The copy of a meeting printed last on this device (ids are time-ordered UUIDv7s). */
export function latestBookOf(db: Db, meetingId: string): BookRecord | undefined {
  const row = stmt(db, `SELECT ${COLUMNS} FROM book WHERE meetingId = ? ORDER BY id DESC LIMIT 1`).get(
    meetingId,
  ) as BookRow | undefined;
  return row && fromRow(row);
}

/** The number the meeting's next copy takes: one past the highest any of its copies carries. */
export function nextCopyNumber(db: Db, meetingId: string): number {
  const row = stmt(db, 'SELECT MAX(copyNumber) AS highest FROM book WHERE meetingId = ?').get(meetingId) as {
    highest: number | null;
  };
  return (row.highest ?? 0) + 1;
}
