// `valija attach`, `documents` and `document` as a user types them: a real PDF attached to the demo's Ecuador
// meeting, replaced, listed and written back byte for byte; printed into the meeting's book as an annex;
// refusals with their codes and exit statuses.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { tempDir, valija } from '../helpers.js';
import type { BookSummary } from '../../domain/results.js';
import { contentsEntries, readPdf } from '../unit/book/read-pdf.js';

const CORPUS = new URL('../fixtures/documents/', import.meta.url).pathname;

const ECUADOR_MEETING = '0195a000-0000-7000-8000-000004000001';

async function pdfFile(name: string, pages: number): Promise<string> {
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  for (let page = 1; page <= pages; page++) doc.addPage().text(`${name}, página ${page}`);
  doc.end();
  await done;
  const path = join(tempDir(), name);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('valija attach / documents / document', () => {
  function demoStore(): string {
    const db = join(tempDir(), 'demo.db');
    expect(valija(['--db', db, 'init', '--demo']).code).toBe(0);
    return db;
  }

  it('attaches, replaces, lists and writes back every version', async () => {
    const db = demoStore();
    const first = await pdfFile('declaracion.pdf', 3);
    const attached = valija([
      '--db',
      db,
      'attach',
      'meeting',
      ECUADOR_MEETING,
      first,
      '--title',
      'Declaración',
      '--doc-kind',
      'draft',
      '--lang',
      'es',
    ]);
    expect(attached.code, attached.stderr).toBe(0);
    const doc = attached.json() as {
      id: string;
      sha256: string;
      bytes: number;
      pages: number;
      version: number;
    };
    expect(doc).toMatchObject({
      sha256: sha256(first),
      pages: 3,
      version: 1,
      bytes: readFileSync(first).length,
    });

    const second = await pdfFile('declaracion-v2.pdf', 5);
    const replaced = valija(['--db', db, 'attach', '--replace', doc.id, second]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.json()).toMatchObject({ id: doc.id, version: 2, pages: 5, sha256: sha256(second) });

    const listed = valija(['--db', db, 'documents', 'meeting', ECUADOR_MEETING]).json() as {
      title: string;
      versions: { version: number; fileName: string }[];
    }[];
    expect(listed.map((d) => [d.title, d.versions.map((v) => v.fileName)])).toEqual([
      ['Declaración', ['declaracion.pdf', 'declaracion-v2.pdf']],
    ]);

    const out1 = join(tempDir(), 'v1.pdf');
    expect(valija(['--db', db, 'document', doc.id, '--out', out1, '--version', '1']).code).toBe(0);
    expect(readFileSync(out1).equals(readFileSync(first))).toBe(true);
    const out2 = join(tempDir(), 'latest.pdf');
    expect(valija(['--db', db, 'document', doc.id, '--out', out2]).json()).toMatchObject({ version: 2 });
    expect(readFileSync(out2).equals(readFileSync(second))).toBe(true);
  });

  it('prints the declaration into the Ecuador book: contents, outline and page numbers run through it', async () => {
    const db = demoStore();
    const declaration = join(CORPUS, 'declaration.pdf');
    const attached = valija([
      '--db',
      db,
      'attach',
      'meeting',
      ECUADOR_MEETING,
      declaration,
      '--title',
      'Declaración conjunta',
    ]);
    expect(attached.code, attached.stderr).toBe(0);
    const doc = attached.json() as { id: string; current: { addedAt: string } };
    const plainFile = join(tempDir(), 'plain.pdf');
    const plain = valija(['--db', db, 'book', ECUADOR_MEETING, '--out', plainFile, '--documents', 'none']);
    expect(plain.code, plain.stderr).toBe(0);
    // Left out by choice, and said so.
    expect((plain.json() as { warnings: string[] }).warnings).toEqual([
      expect.stringMatching(
        /^document "Declaración conjunta" of meeting .* \(declaration\.pdf, .*\) is left out of this book, as asked$/,
      ),
    ]);

    const bookFile = join(tempDir(), 'book.pdf');
    // The store as it is before this print, to print it again from the same history (the same copy number).
    const sameHistory = join(tempDir(), 'same-history.db');
    copyFileSync(db, sameHistory);
    // Printed without comparing with the plain copy: a changes page would add a page of its own.
    const book = valija(['--db', db, 'book', ECUADOR_MEETING, '--out', bookFile, '--changes', 'none']);
    expect(book.code, book.stderr).toBe(0);
    const summary = book.json() as BookSummary;
    const pdf = await readPdf(bookFile);
    const plainPages = (plain.json() as BookSummary).pages;
    expect(summary.pages).toBe(plainPages + 3);
    // The book is dated by the latest thing it prints: here the annex, attached after every demo record.
    expect(summary.generatedAt).toBe(doc.current.addedAt);
    expect((plain.json() as BookSummary).generatedAt < doc.current.addedAt).toBe(true);
    expect(pdf.numPages).toBe(summary.pages);
    expect(summary.warnings).toEqual([]);
    expect(summary.annexes).toEqual([
      {
        documentId: doc.id,
        label: expect.any(String),
        title: 'Declaración conjunta',
        page: expect.any(Number),
        pages: 3,
        printed: 'pdf',
      },
    ]);
    const [annex] = summary.annexes;
    // Its pages are where the summary says, numbered through, in the contents and the outline.
    expect(pdf.pages[annex!.page - 1]!.text).toContain('Declaración conjunta Ecuador–Argentina');
    expect(pdf.pages[annex!.page + 1]!.text).toContain('Página 3 de la declaración');
    for (const page of pdf.pages.slice(1)) {
      expect(page.text).toContain(`Página ${page.number} de ${summary.pages}`);
    }
    expect(contentsEntries(pdf, 'Índice').find((e) => e.title === 'Declaración conjunta')?.page).toBe(
      annex!.page,
    );
    expect(pdf.outline.find((o) => o.title.endsWith('· Declaración conjunta'))?.page).toBe(annex!.page);
    // Sections after the annex (the card) moved on by its pages; those before did not.
    const plainSections = (plain.json() as BookSummary).sections;
    for (const section of summary.sections) {
      const before = plainSections.find((s) => s.id === section.id)!;
      expect(section.page, section.id).toBe(section.id === 'card' ? before.page + 3 : before.page);
    }

    // The same store, history and options print the same bytes.
    const again = join(tempDir(), 'again.pdf');
    const reprinted = valija([
      '--db',
      sameHistory,
      'book',
      ECUADOR_MEETING,
      '--out',
      again,
      '--changes',
      'none',
    ]);
    expect(reprinted.code, reprinted.stderr).toBe(0);
    expect(sha256(again)).toBe(sha256(bookFile));

    // A document that is not the meeting's is refused, with nothing written.
    const stray = join(tempDir(), 'stray.pdf');
    const refused = valija([
      '--db',
      db,
      'book',
      ECUADOR_MEETING,
      '--out',
      stray,
      '--documents',
      '0195a000-0000-7000-8000-00000000dead',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^error\[E_INVALID\]: document 0195a000-0000-7000-8000-00000000dead is not one of this meeting's documents/,
    );
    expect(existsSync(stray)).toBe(false);
  });

  it('refuses with a code: too large, unreadable, unknown record, and a wrong command line', async () => {
    const db = demoStore();
    const big = join(tempDir(), 'big.bin');
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, 7));
    const tooLarge = valija(['--db', db, 'attach', 'meeting', ECUADOR_MEETING, big], {
      env: { VALIJA_MAX_DOCUMENT_MB: '1' },
    });
    expect(tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toMatch(/^error\[E_TOO_LARGE\]/);
    const missing = valija(['--db', db, 'attach', 'meeting', ECUADOR_MEETING, join(tempDir(), 'nada.pdf')]);
    expect(missing.stderr).toMatch(/^error\[E_IO\]/);
    const noRecord = valija([
      '--db',
      db,
      'attach',
      'meeting',
      '0195a000-0000-7000-8000-0000000000ff',
      await pdfFile('x.pdf', 1),
    ]);
    expect(noRecord.stderr).toMatch(/^error\[E_INVALID\].*no meeting with id/);
    const usage = valija(['--db', db, 'attach', '--replace', 'x', 'a.pdf', '--title', 'T']);
    expect(usage.code).toBe(2);
    expect(valija(['--db', db, 'document', 'x']).code).toBe(2);
  });
});
