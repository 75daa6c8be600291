// Documents on records (issue 14, first part): attached from real files, kept once per content inside the
// store, replaced without losing earlier versions, refused when too large or unreadable, and carried by
// packages — the same bytes arrive, and a damaged file refuses the whole package.
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { attachDocument, documentContent, documentsOn, replaceDocument } from '../../../db/documents.js';
import { importedPackages } from '../../../db/ledger.js';
import { listRecords } from '../../../db/reader.js';
import type { Store } from '../../../db/store.js';
import { putRecords } from '../../../db/writer.js';
import { mediaTypeOf, pdfPageCount, readAttachment } from '../../../electron/documents/attachment.js';
import { applyImport, previewImport } from '../../../electron/sync/importer.js';
import { tempDir, tempStore } from '../../helpers.js';
import { dump, parsePlain, pkg, rebuild, signerOf } from '../../sync-helpers.js';

/** A real PDF of `pages` pages, each saying which it is. */
async function pdf(pages: number, text = 'Declaración conjunta'): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let page = 1; page <= pages; page++) doc.addPage().text(`${text}, página ${page}`);
  doc.end();
  return done;
}

function fileOf(content: Buffer, name: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

function meetingIn(store: Store): string {
  return putRecords(store.writer, 'meeting', { title: 'Gabinete binacional Ecuador' })[0]!.id;
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const storedFiles = (store: Store) =>
  store.db.prepare('SELECT count(*) FROM document_file').pluck().get() as number;

describe('attaching a file', () => {
  it('a PDF: its pages counted, its bytes and sha256 kept inside the store, once per content', async () => {
    const store = tempStore();
    const meeting = meetingIn(store);
    const content = await pdf(3);
    const file = await readAttachment(fileOf(content, 'declaracion.pdf'));
    expect(file).toMatchObject({ mediaType: 'application/pdf', pages: 3, fileName: 'declaracion.pdf' });
    const doc = attachDocument(store.writer, { kind: 'meeting', id: meeting }, { docKind: 'draft' }, file);
    expect(doc).toMatchObject({
      title: 'declaracion',
      docKind: 'draft',
      version: 1,
      pages: 3,
      bytes: content.length,
      sha256: sha256(content),
    });
    // The same content attached again (to another record) is stored once.
    const party = putRecords(store.writer, 'party', { name: 'Ecuador' })[0]!.id;
    attachDocument(store.writer, { kind: 'party', id: party }, { title: 'Copia' }, file);
    expect(storedFiles(store)).toBe(1);
    expect(documentContent(store.db, doc.id).content.equals(content)).toBe(true);
    // Nothing readable beside the store: only the store's own files are in its folder.
    const dir = join(store.file, '..');
    expect(readdirSync(dir).filter((name) => !name.startsWith('store.db'))).toEqual([]);
  });

  it('replacing keeps every earlier version, numbered from 1', async () => {
    const store = tempStore();
    const meeting = meetingIn(store);
    const first = await pdf(2, 'Borrador 1');
    const second = await pdf(4, 'Borrador 2');
    const doc = attachDocument(
      store.writer,
      { kind: 'meeting', id: meeting },
      {},
      await readAttachment(fileOf(first, 'd.pdf')),
    );
    const replaced = replaceDocument(store.writer, doc.id, await readAttachment(fileOf(second, 'd-v2.pdf')));
    expect(replaced.versions.map((v) => [v.version, v.fileName, v.pages])).toEqual([
      [1, 'd.pdf', 2],
      [2, 'd-v2.pdf', 4],
    ]);
    expect(replaced).toMatchObject({ version: 2, pages: 4, sha256: sha256(second) });
    expect(documentContent(store.db, doc.id, 1).content.equals(first)).toBe(true);
    expect(documentContent(store.db, doc.id).content.equals(second)).toBe(true);
    expect(() => documentContent(store.db, doc.id, 3)).toThrow(/has 2 version\(s\), not 3/);
    expect(documentsOn(store.db, { kind: 'meeting', id: meeting }).map((d) => d.id)).toEqual([doc.id]);
  });

  it('too large is refused before a byte is read (E_TOO_LARGE); an unreadable path is E_IO', async () => {
    const path = fileOf(Buffer.alloc(2048, 1), 'grande.bin');
    await expect(readAttachment(path, undefined, 1024)).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    await expect(readAttachment(join(tempDir(), 'no-such.pdf'))).rejects.toMatchObject({ code: 'E_IO' });
    await expect(readAttachment(tempDir())).rejects.toMatchObject({ code: 'E_IO' });
  });

  it('recognises files by their bytes, not their names; a damaged PDF has no pages', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(mediaTypeOf(png)).toBe('image/png');
    expect(mediaTypeOf(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('image/jpeg');
    expect(mediaTypeOf(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(mediaTypeOf(Buffer.from('PK\u0003\u0004 a .docx'))).toBe('application/octet-stream');
    expect(await pdfPageCount(Buffer.from('%PDF-1.7\nnot really a pdf'))).toBe(0);
  });

  it('documents are made by attaching a file; a version never changes; a document stays with its record', async () => {
    const store = tempStore();
    const meeting = meetingIn(store);
    expect(() =>
      putRecords(store.writer, 'document', { targetKind: 'meeting', targetId: meeting, title: 'x' }),
    ).toThrow(/attaching its file/);
    const doc = attachDocument(
      store.writer,
      { kind: 'meeting', id: meeting },
      {},
      await readAttachment(fileOf(await pdf(1), 'a.pdf')),
    );
    expect(() =>
      putRecords(store.writer, 'documentVersion', { id: doc.current!.id, documentId: doc.id }),
    ).toThrow(/attaching a file/);
    const other = putRecords(store.writer, 'party', { name: 'Perú' })[0]!.id;
    expect(() =>
      putRecords(store.writer, 'document', { id: doc.id, targetKind: 'party', targetId: other }),
    ).toThrow(/stays with the record/);
    putRecords(store.writer, 'document', {
      id: doc.id,
      title: 'Nota verbal 12/2026',
      docKind: 'note-verbale',
    });
    expect(documentsOn(store.db, { kind: 'meeting', id: meeting })[0]).toMatchObject({
      title: 'Nota verbal 12/2026',
      docKind: 'note-verbale',
    });
  });
});

describe('documents in packages', () => {
  async function withDocument() {
    const a = tempStore();
    const meeting = meetingIn(a);
    const content = await pdf(2);
    const doc = attachDocument(
      a.writer,
      { kind: 'meeting', id: meeting },
      { title: 'Declaración' },
      await readAttachment(fileOf(content, 'decl.pdf')),
    );
    return { a, meeting, content, doc };
  }

  it('arrive with the same bytes and sha256, and travel on through a relay', async () => {
    const { a, meeting, content, doc } = await withDocument();
    const b = tempStore();
    const preview = await previewImport(b, pkg(a), { trust: true });
    expect(preview.counts.document?.new).toBe(1);
    expect(preview.files).toEqual({ count: 1, bytes: content.length, new: 1 });
    const report = await applyImport(b, pkg(a), { trust: true });
    expect(report.files).toEqual({ count: 1, bytes: content.length, new: 1 });
    const [arrived] = documentsOn(b.db, { kind: 'meeting', id: meeting });
    expect(arrived).toMatchObject({ id: doc.id, sha256: sha256(content), version: 1, title: 'Declaración' });
    expect(documentContent(b.db, doc.id).content.equals(content)).toBe(true);
    expect(dump(b)).toBe(dump(a));
    // B relays it to C, which never met A.
    const c = tempStore();
    await applyImport(c, pkg(b), { trust: true });
    expect(documentContent(c.db, doc.id).content.equals(content)).toBe(true);
    // A package of what B already holds adds no file again.
    expect((await applyImport(b, pkg(a), { trust: true })).files.new).toBe(0);
  });

  it('a flipped byte in a document inside a package: E_PACKAGE_CORRUPT, nothing changed', async () => {
    const { a } = await withDocument();
    const bytes = Buffer.from(pkg(a));
    bytes[bytes.length - 100]! ^= 0x01; // inside the file, which is the body's end
    const b = tempStore();
    putRecords(b.writer, 'party', { name: 'Chile' });
    const before = [dump(b), storedFiles(b), importedPackages(b.db).length];
    await expect(previewImport(b, bytes, { trust: true })).rejects.toMatchObject({
      code: 'E_PACKAGE_CORRUPT',
      message: expect.stringMatching(/document file .* does not match its hash/),
    });
    await expect(applyImport(b, bytes, { trust: true })).rejects.toMatchObject({ code: 'E_PACKAGE_CORRUPT' });
    expect([dump(b), storedFiles(b), importedPackages(b.db).length]).toEqual(before);
  });

  it('a file that no document names is refused with the package, and nothing is kept', async () => {
    const { a } = await withDocument();
    const stray = Buffer.from('no document names this');
    const original = pkg(a);
    const { payload } = parsePlain(original);
    const filesStart = payload.length - parsePlain(original).manifest.files.reduce((s, f) => s + f.bytes, 0);
    const forged = rebuild(original, signerOf(a), {
      rawPayload: Buffer.concat([payload.subarray(0, filesStart), stray]),
      manifest: (m) => {
        m.payload.length = filesStart;
        m.payload.sha256 = sha256(payload.subarray(0, filesStart));
        m.files = [{ sha256: sha256(stray), bytes: stray.length }];
      },
    });
    const b = tempStore();
    await expect(applyImport(b, forged, { trust: true })).rejects.toMatchObject({
      code: 'E_PACKAGE_CORRUPT',
      message: expect.stringMatching(/no document names/),
    });
    expect(storedFiles(b)).toBe(0);
    expect(importedPackages(b.db)).toEqual([]);
    expect(listRecords(b.db, 'document')).toEqual([]);
  });
});
