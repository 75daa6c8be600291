// Search inside documents and notes on their pages (issue 14): a word on page 2 of a PDF is found on page 2,
// a scanned PDF says it has no text, a damaged one says it failed; a note quoted on one page follows its
// passage into a new version, or says the passage is gone — and is never lost.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { documentNotes } from '../../../db/document-notes.js';
import { attachDocument, documentInfo, replaceDocument } from '../../../db/documents.js';
import { search } from '../../../db/search.js';
import type { Store } from '../../../db/store.js';
import { deleteRecord, putRecords } from '../../../db/writer.js';
import { readAttachment } from '../../../electron/documents/attachment.js';
import { extractDocumentText } from '../../../electron/documents/extract.js';
import { applyImport } from '../../../electron/sync/importer.js';
import { tempDir, tempStore } from '../../helpers.js';
import { dump, pkg } from '../../sync-helpers.js';

const fixture = (name: string) => new URL(`../../fixtures/documents/${name}`, import.meta.url).pathname;

/** A PDF whose page n holds pages[n - 1]. */
async function pdfOf(pages: string[]): Promise<string> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const text of pages) doc.addPage().text(text);
  doc.end();
  const path = join(tempDir(), 'version.pdf');
  writeFileSync(path, await done);
  return path;
}

function meetingIn(store: Store): string {
  return putRecords(store.writer, 'meeting', { title: 'Gabinete binacional Ecuador' })[0]!.id;
}

async function attached(store: Store, path: string, title = 'Declaración conjunta') {
  const doc = attachDocument(
    store.writer,
    { kind: 'meeting', id: meetingIn(store) },
    { title },
    await readAttachment(path),
  );
  await extractDocumentText(store.db, {});
  return doc.id;
}

function noteOn(store: Store, documentId: string, page: number, quote: string, body = 'Revisar') {
  return putRecords(store.writer, 'annotation', {
    targetKind: 'document',
    targetId: documentId,
    body,
    page,
    quote,
  })[0]!;
}

describe('searching inside documents', () => {
  it('a word on page 2 of a PDF is found on page 2, with the document named', async () => {
    const store = tempStore();
    const id = await attached(
      store,
      await pdfOf([
        'Preámbulo de la declaración',
        'El paso fronterizo de Huaquillas abrirá de noche',
        'Firmas',
      ]),
    );
    expect(documentInfo(store.db, id).current?.text).toBe('indexed');
    const hits = search(store.db, 'huaquillas');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      kind: 'document',
      id,
      document: { id, title: 'Declaración conjunta' },
      page: 2,
    });
    expect(hits[0]!.snippet).toContain('[[Huaquillas]]');
    // Only inside documents, or only among records.
    expect(search(store.db, 'huaquillas', 50, 'document')).toHaveLength(1);
    expect(search(store.db, 'huaquillas', 50, 'meeting')).toEqual([]);
    // Accents and case do not matter.
    expect(search(store.db, 'PREAMBULO')[0]).toMatchObject({ page: 1 });
  });

  it('the fixture declaration: its third page found by the words on it', async () => {
    const store = tempStore();
    const id = await attached(store, fixture('declaration.pdf'));
    expect(search(store.db, 'pagina 3 de la declaracion').map((hit) => [hit.id, hit.page])).toEqual([
      [id, 3],
    ]);
  });

  it('a scanned PDF is marked scanned, and a damaged one failed; nothing throws and nothing is found', async () => {
    const store = tempStore();
    const scanned = await attached(store, fixture('scanned.pdf'), 'Escaneado');
    const damaged = await attached(store, fixture('damaged.pdf'), 'Dañado');
    expect(documentInfo(store.db, scanned).current?.text).toBe('scanned');
    expect(documentInfo(store.db, damaged).current?.text).toBe('failed');
    expect(search(store.db, 'declaración').filter((hit) => hit.kind === 'document')).toEqual([]);
  });

  it('another file has no text to read, and a PDF not read yet is pending', async () => {
    const store = tempStore();
    const meeting = meetingIn(store);
    const png = attachDocument(
      store.writer,
      { kind: 'meeting', id: meeting },
      {},
      await readAttachment(fixture('map.png')),
    );
    const pdf = attachDocument(
      store.writer,
      { kind: 'meeting', id: meeting },
      {},
      await readAttachment(fixture('declaration.pdf')),
    );
    expect(png.current?.text).toBe('notPdf');
    expect(pdf.current?.text).toBe('pending');
  });

  it('a new version replaces the old one in search; deleting the document removes its pages', async () => {
    const store = tempStore();
    const id = await attached(store, await pdfOf(['Texto del borrador original']));
    replaceDocument(
      store.writer,
      id,
      await readAttachment(await pdfOf(['Otra cosa', 'Texto revisado en Quito'])),
    );
    await extractDocumentText(store.db, {});
    expect(search(store.db, 'original')).toEqual([]);
    expect(search(store.db, 'revisado')[0]).toMatchObject({ id, page: 2 });
    putRecords(store.writer, 'document', { id, title: 'Acta de Quito' });
    expect(search(store.db, 'revisado')[0]).toMatchObject({ document: { id, title: 'Acta de Quito' } });
    deleteRecord(store.writer, 'document', id);
    expect(search(store.db, 'revisado')).toEqual([]);
  });

  it('a cancelled extraction stops with E_CANCELLED, and the next run reads what is left', async () => {
    const store = tempStore();
    const doc = attachDocument(
      store.writer,
      { kind: 'meeting', id: meetingIn(store) },
      {},
      await readAttachment(fixture('declaration.pdf')),
    );
    const stop = new AbortController();
    stop.abort();
    await expect(extractDocumentText(store.db, {}, { signal: stop.signal })).rejects.toMatchObject({
      code: 'E_CANCELLED',
    });
    expect(documentInfo(store.db, doc.id).current?.text).toBe('pending');
    expect((await extractDocumentText(store.db, {})).files).toMatchObject([{ text: 'indexed', pages: 3 }]);
  });
});

describe('notes on a page of a document', () => {
  const passage = 'las partes revisarán el acuerdo de pesca artesanal';

  it('a note quoted on page 2 of version 1 follows its passage to page 3 of version 2', async () => {
    const store = tempStore();
    const id = await attached(store, await pdfOf(['Preámbulo', `Artículo 4: ${passage}.`, 'Firmas']));
    const note = noteOn(store, id, 2, passage);
    expect(note).toMatchObject({ page: 2, quote: passage });
    expect(documentNotes(store.db, id)).toMatchObject([
      { id: note.id, page: 2, status: 'found', quotedPage: 2, quotedVersion: 1 },
    ]);
    // The new version moves the passage to page 3, typeset differently: other case, accents and line breaks.
    replaceDocument(
      store.writer,
      id,
      await readAttachment(
        await pdfOf([
          'Preámbulo',
          'Considerandos nuevos',
          'Artículo 5: LAS PARTES REVISARAN EL\nACUERDO de pesca artesanal.',
        ]),
      ),
    );
    expect(documentNotes(store.db, id)).toMatchObject([{ id: note.id, status: 'pending', page: 2 }]);
    await extractDocumentText(store.db, {});
    expect(documentNotes(store.db, id)).toMatchObject([
      { id: note.id, page: 3, status: 'found', quotedPage: 2, quotedVersion: 1, quote: passage },
    ]);
  });

  it('a new version without the passage: the note says so, and is still listed', async () => {
    const store = tempStore();
    const id = await attached(store, await pdfOf(['Preámbulo', `Artículo 4: ${passage}.`]));
    const note = noteOn(store, id, 2, passage, 'Consultar con Produce');
    replaceDocument(
      store.writer,
      id,
      await readAttachment(await pdfOf(['Preámbulo', 'Artículo 4 suprimido'])),
    );
    await extractDocumentText(store.db, {});
    expect(documentNotes(store.db, id)).toMatchObject([
      { id: note.id, body: 'Consultar con Produce', status: 'notFound', page: 2, quotedVersion: 1 },
    ]);
  });

  it('a page beyond the document, or a page on a note that is not on a document, is refused', async () => {
    const store = tempStore();
    const id = await attached(store, await pdfOf(['Única página']));
    expect(() => noteOn(store, id, 5, 'algo')).toThrow(/has 1 page\(s\), not 5/);
    expect(() =>
      putRecords(store.writer, 'annotation', {
        targetKind: 'meeting',
        targetId: meetingIn(store),
        body: 'x',
        page: 1,
      }),
    ).toThrow(/only a note on a document/);
  });

  it('an edit of the note keeps the version its passage was quoted from', async () => {
    const store = tempStore();
    const id = await attached(store, await pdfOf([passage]));
    const note = noteOn(store, id, 1, passage);
    replaceDocument(store.writer, id, await readAttachment(await pdfOf(['Otra', passage])));
    const edited = putRecords(store.writer, 'annotation', { id: note.id, body: 'Revisado' })[0]!;
    expect(edited.quotedVersion).toBe(note.quotedVersion);
    await extractDocumentText(store.db, {});
    expect(documentNotes(store.db, id)).toMatchObject([
      { id: edited.id, page: 2, status: 'found', quotedVersion: 1 },
    ]);
  });

  it('notes, pages and passages travel in packages; the text does not, and both stores dump alike', async () => {
    const a = tempStore();
    const id = await attached(a, await pdfOf(['Preámbulo', `Artículo 4: ${passage}.`]));
    noteOn(a, id, 2, passage);
    const b = tempStore();
    await applyImport(b, pkg(a), { trust: true });
    expect(dump(b)).toBe(dump(a));
    // B reads the text itself, from the file that came with the package: text is never in a package.
    expect(documentNotes(b.db, id)).toMatchObject([{ page: 2, status: 'found' }]);
    expect(search(b.db, 'pesca')).toEqual([]);
    await extractDocumentText(b.db, {});
    expect(search(b.db, 'pesca')[0]).toMatchObject({ id, page: 2 });
    expect(dump(b)).toBe(dump(a));
  });
});
