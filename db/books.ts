// The `book` table: the briefing books this device printed (its history; never shared). Its only owner.
import type { BookRecord } from '../domain/results.js';
import type { Db } from './connection.js';
import { stmt } from './statements.js';

type BookRow = Omit<BookRecord, 'options'> & { options: string };

export function recordBook(db: Db, book: BookRecord): void {
  stmt(
    db,
    'INSERT INTO book (id, meetingId, options, generatedAt, pages, sha256, copyFor, file) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    book.id,
    book.meetingId,
    JSON.stringify(book.options),
    book.generatedAt,
    book.pages,
    book.sha256,
    book.copyFor,
    book.file,
  );
}

const fromRow = (row: BookRow): BookRecord => ({
  ...row,
  options: JSON.parse(row.options) as Record<string, string>,
});

export function readBook(db: Db, id: string): BookRecord | undefined {
  const row = stmt(db, 'SELECT * FROM book WHERE id = ?').get(id) as BookRow | undefined;
  return row && fromRow(row);
}

/** The books printed for a meeting, newest first. */
export function booksOfMeeting(db: Db, meetingId: string): BookRecord[] {
  const rows = stmt(db, 'SELECT * FROM book WHERE meetingId = ? ORDER BY generatedAt DESC, id DESC').all(
    meetingId,
  ) as BookRow[];
  return rows.map(fromRow);
}
