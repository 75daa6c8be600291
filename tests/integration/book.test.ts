// The briefing book from the command line, read back as a reader would (pdfjs-dist: no system PDF tool).
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/api/handlers.js';
import { openStore } from '../../db/store.js';
import { tempDir, valija } from '../helpers.js';
import { layoutText, readPdf } from '../unit/book/read-pdf.js';

const ECUADOR = '0195a000-0000-7000-8000-000004000001';
const OAS = '0195a000-0000-7000-8000-000004000003';

function demo(): string {
  const db = join(tempDir(), 'demo.db');
  expect(valija(['--db', db, 'init', '--demo']).code).toBe(0);
  return db;
}

/** Each page's text, line by line as laid out. */
async function pagesOf(pdf: string): Promise<string[]> {
  return (await readPdf(pdf)).pages.map(layoutText);
}

function book(db: string, meeting: string, extra: string[] = []) {
  const out = join(tempDir(), 'book.pdf');
  const result = valija(['--db', db, 'book', meeting, '--out', out, ...extra]);
  return {
    out,
    result,
    summary: () =>
      result.json() as {
        pages: number;
        sha256: string;
        copyNumber: number;
        sections: { id: string; title: string; page: number }[];
      },
  };
}

describe('valija book', () => {
  it('prints the Ecuador book: banner on every page, copy recipient, true page numbers in the summary', async () => {
    const db = demo();
    const { out, result, summary } = book(db, ECUADOR, [
      '--lang',
      'es',
      '--classification',
      'confidential',
      '--copy-for',
      'Embajada en Quito',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const pages = await pagesOf(out);
    expect(pages).toHaveLength(summary().pages);
    expect(pages[0]).toContain('Embajada en Quito');
    for (const page of pages) expect(page).toContain('CONFIDENCIAL');
    pages.slice(1).forEach((page, i) => expect(page).toContain(`Página ${i + 2} de ${pages.length}`));
    for (const section of summary().sections) {
      expect(pages[section.page - 1], `${section.title} on page ${section.page}`).toContain(section.title);
    }
    expect(pages.join('\n')).toContain('Quito Declaration');
  });

  it('a new point to make appears in the book and on its card', async () => {
    const db = demo();
    const put = valija(['--db', db, 'put', 'talkingPoint'], {
      input: JSON.stringify({
        meetingId: ECUADOR,
        kind: 'certain',
        text: 'Señalar el avance del Plan de Acción — ¿cuándo?',
      }),
    });
    expect(put.code, put.stderr).toBe(0);
    const { out, summary } = book(db, ECUADOR);
    const pages = await pagesOf(out);
    const card = summary().sections.find((s) => s.id === 'card')!;
    const points = summary().sections.find((s) => s.id === 'points')!;
    expect(pages[points.page - 1]).toContain('Señalar el avance del Plan de Acción — ¿cuándo?');
    expect(pages[card.page - 1]).toContain('Señalar el avance del Plan de Acción');
  });

  it('private notes print only with --annotations mine, in their own annex', async () => {
    const db = demo();
    valija([
      '--db',
      db,
      'annotate',
      'meeting',
      ECUADOR,
      '--text',
      'Solo para mí: revisar el calendario',
      '--private',
    ]);
    valija(['--db', db, 'annotate', 'meeting', ECUADOR, '--text', 'Nota para el equipo']);
    const shared = (await pagesOf(book(db, ECUADOR).out)).join('\n');
    expect(shared).toContain('Nota para el equipo');
    expect(shared).not.toContain('Solo para mí');
    const none = (await pagesOf(book(db, ECUADOR, ['--annotations', 'none', '--changes', 'none']).out)).join(
      '\n',
    );
    expect(none).not.toContain('Nota para el equipo');
    const mine = book(db, ECUADOR, ['--annotations', 'mine']);
    const privateAnnex = mine.summary().sections.find((s) => s.id === 'privateNotes')!;
    expect((await pagesOf(mine.out))[privateAnnex.page - 1]).toMatch(
      /PRIVADO[\s\S]*Solo para mí: revisar el calendario/,
    );
  });

  it('a section with nothing to say has no heading', async () => {
    const db = demo();
    const { out, summary } = book(db, OAS, ['--lang', 'en']);
    expect(summary().sections.map((s) => s.id)).not.toContain('theirObjectives');
    expect((await pagesOf(out)).join('\n')).not.toMatch(/likely objectives/i);
  });

  it('the same store, history and options give the same bytes', () => {
    const db = demo();
    // The same history: a copy of the store as it is before the first print (each copy prints its number).
    const same = join(tempDir(), 'same-history.db');
    copyFileSync(db, same);
    const a = book(db, ECUADOR, ['--copy-for', 'Despacho', '--changes', 'none']);
    const b = book(same, ECUADOR, ['--copy-for', 'Despacho', '--changes', 'none']);
    expect(b.summary().copyNumber).toBe(a.summary().copyNumber);
    expect(a.summary().sha256).toBe(b.summary().sha256);
    expect(readFileSync(a.out).equals(readFileSync(b.out))).toBe(true);
  });

  it('prints on US Letter when asked', async () => {
    const db = demo();
    const { out, summary } = book(db, ECUADOR, ['--paper', 'letter']);
    const pdf = await readPdf(out);
    expect(pdf.numPages).toBe(summary().pages);
    // US Letter is 8.5 × 11 in, 612 × 792 pt, on every page.
    for (const page of pdf.pages) expect([page.width, page.height]).toEqual([612, 792]);
  });

  it('refuses a banner lower than the content, a missing meeting and an unwritable path', () => {
    const db = demo();
    const low = book(db, ECUADOR, ['--classification', 'public']).result;
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/^error\[E_INVALID\]: the book contains restricted material/);
    const missing = book(db, '0195a000-0000-7000-8000-000000009999').result;
    expect(missing.stderr).toMatch(/^error\[E_NOT_FOUND\]/);
    const dir = join(tempDir(), 'no', 'such', 'folder');
    const unwritable = valija(['--db', db, 'book', ECUADOR, '--out', join(dir, 'book.pdf')]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^error\[E_IO\]: cannot write/);
    expect(existsSync(dir)).toBe(false);
  });

  it('leaves no temporary file behind and records each book in the history', async () => {
    const db = demo();
    const { out } = book(db, ECUADOR, ['--copy-for', 'Embajada en Quito']);
    expect(readdirSync(join(out, '..'))).toEqual(['book.pdf']);
    const store = openStore(db);
    try {
      const history = await createHandlers(store).bookHistory({ meetingId: ECUADOR });
      expect(history).toEqual([
        expect.objectContaining({ meetingId: ECUADOR, copyFor: 'Embajada en Quito', file: out }),
      ]);
      const pdf = await createHandlers(store).bookPdf({ bookId: history[0]!.id });
      expect(Buffer.from(pdf.base64, 'base64').equals(readFileSync(out))).toBe(true);
      writeFileSync(out, Buffer.concat([readFileSync(out), Buffer.from('%tampered')]));
      expect(() => createHandlers(store).bookPdf({ bookId: history[0]!.id })).toThrow(
        /changed after it was printed/,
      );
    } finally {
      store.close();
    }
  });
});
