// Search inside documents and notes on their pages, as a user types them: `valija attach` then `valija
// search` finds a word on its page; `annotate document --page --quote`, a replacement that moves the
// passage, and `document-notes` showing the note on its new page; a scanned PDF and a damaged one with
// their statuses; `extract-text` reading a document again.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { tempDir, valija } from '../helpers.js';
import type { DocumentInfo, DocumentNote, SearchHit, TextExtraction } from '../../domain/results.js';

const CORPUS = new URL('../fixtures/documents/', import.meta.url).pathname;
const ECUADOR_MEETING = '0195a000-0000-7000-8000-000004000001';
const PASSAGE = 'las partes revisarán el acuerdo de pesca artesanal';

async function pdfOf(pages: string[]): Promise<string> {
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  for (const text of pages) doc.addPage().text(text);
  doc.end();
  await done;
  const path = join(tempDir(), 'version.pdf');
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

function demoStore(): string {
  const db = join(tempDir(), 'demo.db');
  expect(valija(['--db', db, 'init', '--demo']).code).toBe(0);
  return db;
}

function ok<T>(db: string, args: string[]): T {
  const result = valija(['--db', db, ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.json() as T;
}

describe('valija search inside documents, and notes on their pages', () => {
  it('attach, then search: the hit names the document and the page', () => {
    const db = demoStore();
    const doc = ok<DocumentInfo>(db, ['attach', 'meeting', ECUADOR_MEETING, `${CORPUS}declaration.pdf`]);
    expect(doc.current?.text).toBe('indexed');
    const hits = ok<SearchHit[]>(db, ['search', 'pagina 3 de la declaracion']);
    expect(hits.filter((hit) => hit.kind === 'document')).toMatchObject([
      { id: doc.id, document: { id: doc.id, title: 'declaration' }, page: 3 },
    ]);
  });

  it('a scanned PDF says it has no text; a damaged one failed; extract-text reads one again', () => {
    const db = demoStore();
    const scanned = ok<DocumentInfo>(db, ['attach', 'meeting', ECUADOR_MEETING, `${CORPUS}scanned.pdf`]);
    const damaged = ok<DocumentInfo>(db, ['attach', 'meeting', ECUADOR_MEETING, `${CORPUS}damaged.pdf`]);
    expect(scanned.current?.text).toBe('scanned');
    expect(damaged.current?.text).toBe('failed');
    const again = ok<TextExtraction>(db, ['extract-text', scanned.id]);
    expect(again.files).toMatchObject([{ text: 'scanned', documentIds: [scanned.id] }]);
    expect(ok<TextExtraction>(db, ['extract-text']).files).toEqual([]);
    const missing = valija(['--db', db, 'extract-text', '0195a000-0000-7000-8000-0000000000ff']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error\[E_NOT_FOUND\]/);
  });

  it('a note on page 2 follows its passage to page 3 of the new version, and one that lost it stays', async () => {
    const db = demoStore();
    const doc = ok<DocumentInfo>(db, [
      'attach',
      'meeting',
      ECUADOR_MEETING,
      await pdfOf(['Preámbulo', `Artículo 4: ${PASSAGE}.`, 'Firmas']),
    ]);
    ok(db, [
      'annotate',
      'document',
      doc.id,
      '--text',
      'Consultar con Produce',
      '--page',
      '2',
      '--quote',
      PASSAGE,
    ]);
    ok(db, [
      'annotate',
      'document',
      doc.id,
      '--text',
      'Ver el preámbulo',
      '--page',
      '1',
      '--quote',
      'Preámbulo',
    ]);
    ok(db, [
      'attach',
      '--replace',
      doc.id,
      await pdfOf(['Considerandos', 'Otros', `Artículo 5: ${PASSAGE}.`]),
    ]);
    const notes = ok<DocumentNote[]>(db, ['document-notes', doc.id]);
    expect(
      notes.map(({ body, page, status, quotedPage, quotedVersion }) => ({
        body,
        page,
        status,
        quotedPage,
        quotedVersion,
      })),
    ).toEqual([
      { body: 'Consultar con Produce', page: 3, status: 'found', quotedPage: 2, quotedVersion: 1 },
      { body: 'Ver el preámbulo', page: 1, status: 'notFound', quotedPage: 1, quotedVersion: 1 },
    ]);
    const beyond = valija(['--db', db, 'annotate', 'document', doc.id, '--text', 'x', '--page', '9']);
    expect(beyond.code).toBe(1);
    expect(beyond.stderr).toMatch(/^error\[E_INVALID\].*3 page\(s\), not 9/);
    expect(valija(['--db', db, 'annotate', 'document', doc.id, '--text', 'x', '--page', 'dos']).code).toBe(2);
  });
});
