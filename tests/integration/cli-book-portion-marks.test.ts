// Portion marks: each paragraph, point and row of the book carries the classification of the record it
// comes from, in the book's language; the banner stays the highest level printed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { addInitiative, demoStore, ECUADOR_MEETING, ok } from './book-stores.js';
import { layoutText, readPdf } from '../unit/book/read-pdf.js';

async function bookText(db: string, args: string[]): Promise<string[]> {
  const out = join(tempDir(), 'book.pdf');
  ok(db, ['book', ECUADOR_MEETING, '--out', out, ...args]);
  // Each page as a reader sees its lines (a list's number and its text are separate pieces of text).
  return (await readPdf(out)).pages.map(layoutText);
}

describe('valija book --portion-marks', () => {
  it("marks points, paragraphs and rows with their record's level; the banner is the highest", async () => {
    const db = demoStore();
    const secretish = addInitiative(db, { title: 'Hidrovía binacional', classification: 'confidential' });
    ok(
      db,
      ['put', 'commitment'],
      JSON.stringify({ text: 'Estudio de la hidrovía', initiativeId: secretish }),
    );

    const es = (await bookText(db, ['--portion-marks'])).join('\n');
    // The meeting is restricted: its points and paragraphs are (R); the initiatives their own.
    expect(es).toContain('1. (R) ');
    expect(es).toMatch(/\(C\)\s+Hidrovía binacional/);
    expect(es).toMatch(/\(C\)\s+Estudio de la hidrovía/);
    // The demo's own initiatives are public.
    expect(es).toMatch(/\(P\)\s+Quito Declaration/);
    expect(es).not.toContain('(U)');
    expect(es).toContain('CONFIDENCIAL');

    const en = (await bookText(db, ['--portion-marks', '--lang', 'en'])).join('\n');
    expect(en).toMatch(/\(U\)\s+Quito Declaration/);
    expect(en).not.toContain('(P)');
    expect(en).toMatch(/\(C\)\s+Hidrovía binacional/);

    const plain = (await bookText(db, [])).join('\n');
    for (const mark of ['(R)', '(C)', '(P)']) expect(plain).not.toContain(mark);
  });
});
