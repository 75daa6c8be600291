// Documents printed into the book as annexes, read back the way a reader's viewer reads the PDF (pdf.js):
// every file of the corpus (tests/fixtures/documents: object streams, an incremental update, a broken xref
// table, encryption, rotated pages, mixed sizes, no text layer, an outline, damage, images, another format).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBook } from '../../../electron/book/render.js';
import type { BookModel, RenderResult } from '../../../electron/book/model.js';
import { pageGeometry } from '../../../electron/book/theme.js';
import { classificationMarking } from '../../../electron/book/strings.js';
import { annexOf, CORPUS, ecuadorBook } from './fixtures.js';
import { contentsEntries, readPdf, type PdfRead } from './read-pdf.js';

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Each corpus file, how the book must print it, and text its first printed page must show. */
const CORPUS_FILES: {
  file: string;
  mediaType: string;
  printed: 'pdf' | 'image' | 'placeholder';
  shows?: string;
}[] = [
  {
    file: 'declaration.pdf',
    mediaType: 'application/pdf',
    printed: 'pdf',
    shows: 'Declaración conjunta Ecuador–Argentina',
  },
  {
    file: 'object-streams.pdf',
    mediaType: 'application/pdf',
    printed: 'pdf',
    shows: 'Nota verbal, página 1',
  },
  {
    file: 'incremental-update.pdf',
    mediaType: 'application/pdf',
    printed: 'pdf',
    shows: 'Borrador revisado tras la ronda de Quito',
  },
  {
    file: 'broken-xref.pdf',
    mediaType: 'application/pdf',
    printed: 'pdf',
    shows: 'Borrador original, página 1',
  },
  {
    file: 'encrypted-owner-only.pdf',
    mediaType: 'application/pdf',
    printed: 'pdf',
    shows: 'Nota verbal, página 1',
  },
  { file: 'encrypted-password.pdf', mediaType: 'application/pdf', printed: 'placeholder' },
  {
    file: 'rotated.pdf',
    mediaType: 'application/pdf',
    printed: 'pdf',
    shows: 'Mapa del paso fronterizo, hoja 1',
  },
  { file: 'mixed-sizes.pdf', mediaType: 'application/pdf', printed: 'pdf', shows: 'Hoja A4' },
  { file: 'scanned.pdf', mediaType: 'application/pdf', printed: 'pdf' },
  { file: 'damaged.pdf', mediaType: 'application/pdf', printed: 'placeholder' },
  { file: 'map.png', mediaType: 'image/png', printed: 'image' },
  { file: 'photo.jpg', mediaType: 'image/jpeg', printed: 'image' },
  { file: 'minutes.docx', mediaType: 'application/octet-stream', printed: 'placeholder' },
];

/** Pages of a PDF as pdf.js counts them (the reader's count, not the merger's). */
async function pagesOf(file: string): Promise<number> {
  return (await readPdf(join(CORPUS, file))).numPages;
}

describe('annexes: documents printed into the book', () => {
  let plain: PdfRead;
  let model: BookModel;
  let result: RenderResult;
  let pdf: PdfRead;

  beforeAll(async () => {
    plain = await readPdf((await renderBook(ecuadorBook({ withPrivate: true }))).pdf);
    model = {
      ...ecuadorBook({ withPrivate: true }),
      annexes: CORPUS_FILES.map((f, i) => annexOf(f.file, f.mediaType, i)),
    };
    result = await renderBook(model);
    pdf = await readPdf(result.pdf);
  }, 120_000);

  it("adds each printable document's own pages and one placeholder page per file it cannot print", async () => {
    let expected = plain.numPages;
    for (const f of CORPUS_FILES) expected += f.printed === 'pdf' ? await pagesOf(f.file) : 1;
    expect(pdf.numPages).toBe(expected);
    expect(result.pages).toBe(expected);
    expect(result.annexes.map((a) => a.printed)).toEqual(CORPUS_FILES.map((f) => f.printed));
    expect(result.annexes.filter((a) => a.printed === 'placeholder').map((a) => a.reason)).toEqual([
      'encrypted',
      'damaged',
      'format',
    ]);
  });

  it('prints each document where the summary says, lettered after the book’s own annexes', () => {
    // The Ecuador book has two annexes of its own (shared and private notes): documents start at C.
    expect(result.annexes.map((a) => a.label).slice(0, 3)).toEqual(['C', 'D', 'E']);
    CORPUS_FILES.forEach((f, i) => {
      const annex = result.annexes[i]!;
      const first = pdf.pages[annex.page - 1]!;
      expect(first.text, f.file).toContain(`Anexo ${annex.label} · Documento ${f.file}`);
      if (f.shows) expect(first.text, f.file).toContain(f.shows);
      const next = result.annexes[i + 1];
      if (next) expect(next.page, f.file).toBe(annex.page + annex.pages);
    });
    // An incremental update prints as the reader shows it: the revised page, not the one it replaced.
    const draft = result.annexes[CORPUS_FILES.findIndex((f) => f.file === 'incremental-update.pdf')]!;
    expect(pdf.pages[draft.page - 1]!.text).not.toContain('Borrador original');
    // The card, detachable, stays last.
    expect(pdf.pages.at(-1)!.text).toMatch(/Tarjeta/);
  });

  it('carries the banner, the running header and "Página X de Y" on every page after the cover, annexes included', () => {
    const marking = classificationMarking('es', model.classification);
    for (const page of pdf.pages.slice(1)) {
      expect(page.text, `page ${page.number}`).toContain(`Página ${page.number} de ${pdf.numPages}`);
      expect(page.text.split(marking).length - 1, `page ${page.number}`).toBeGreaterThanOrEqual(2);
      expect(page.text, `page ${page.number}`).toContain(model.cover.title.slice(0, 20));
    }
  });

  it('lists every annex in the contents and the outline at its true first page', () => {
    const entries = contentsEntries(pdf, 'Índice');
    for (const annex of result.annexes) {
      expect(entries.find((e) => e.title === annex.title)?.page, annex.title).toBe(annex.page);
      const bookmark = pdf.outline.find((o) => o.title === `Anexo ${annex.label} · ${annex.title}`);
      expect(bookmark?.page, annex.title).toBe(annex.page);
    }
    // Contents links jump to the first page too.
    const contentsLinks = pdf.pages[1]!.links.map((l) => l.targetPage);
    for (const annex of result.annexes) expect(contentsLinks).toContain(annex.page);
  });

  it("keeps a document's own outline beneath its entry, pointing at its pages in the book", () => {
    const annex = result.annexes[0]!; // declaration.pdf
    const bookmark = pdf.outline.find((o) => o.title === `Anexo ${annex.label} · ${annex.title}`)!;
    expect(bookmark.children.map((c) => [c.title, c.page])).toEqual([
      ['Preámbulo', annex.page],
      ['Parte dispositiva', annex.page + 1],
      ['Disposiciones finales', annex.page + 2],
    ]);
    expect(bookmark.children[0]!.children.map((c) => [c.title, c.page])).toEqual([
      ['Considerandos', annex.page],
    ]);
  });

  it('says on a placeholder page what the file is and why it is not printed', () => {
    const i = CORPUS_FILES.findIndex((f) => f.file === 'encrypted-password.pdf');
    const page = pdf.pages[result.annexes[i]!.page - 1]!;
    const annex = model.annexes![i]!;
    expect(page.text).toContain('Documento no impreso');
    expect(page.text).toContain(annex.fileName);
    expect(page.text).toContain(annex.sha256);
    expect(page.text).toContain('protegido con contraseña');
  });

  it('fits every page of every size and rotation inside the body area', () => {
    const geo = pageGeometry('a4');
    for (const annex of result.annexes.filter((a) => a.printed === 'pdf')) {
      for (let p = annex.page; p < annex.page + annex.pages; p++) {
        // Text of the document itself (not the running header and footer) lies within the body area.
        for (const item of pdf.pages[p - 1]!.items.filter(
          (it) => it.y > geo.bodyTop + 1 && it.y < geo.bodyBottom,
        )) {
          expect(item.x, `${annex.title} p.${p} "${item.str}"`).toBeGreaterThanOrEqual(geo.marginLeft - 0.5);
          expect(item.x, `${annex.title} p.${p} "${item.str}"`).toBeLessThanOrEqual(
            geo.width - geo.marginRight,
          );
        }
        // Nothing of the document spills into the header or the footer.
        const outside = pdf.pages[p - 1]!.items.filter(
          (it) =>
            (it.y < geo.bodyTop - 30 || it.y > geo.bodyBottom + 30) && /Artículo|Hoja|Mapa|Nota/.test(it.str),
        );
        expect(outside, `${annex.title} p.${p}`).toEqual([]);
      }
    }
  });

  it('gives the same bytes for the same inputs', async () => {
    const again = await renderBook(model);
    expect(sha256(again.pdf)).toBe(sha256(result.pdf));
  });

  it('writes a PDF that pdf.js reads page by page without errors, and qpdf finds clean where installed', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const warnings: string[] = [];
    const doc = await getDocument({ data: new Uint8Array(result.pdf), verbosity: 1, isEvalSupported: false })
      .promise;
    const { log, warn } = console;
    console.log = console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getOperatorList();
    } finally {
      Object.assign(console, { log, warn });
    }
    await doc.destroy();
    // The incremental update names Helvetica without embedding it (as its writer did): pdf.js, run without
    // its standard-font files, says so; anything else it says is a fault of the book.
    expect(warnings.filter((w) => !/standardFontDataUrl/.test(w))).toEqual([]);
    let qpdf = true;
    try {
      execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
    } catch {
      qpdf = false;
    }
    if (qpdf) {
      const file = join(tmpdir(), `valija-annexes-${process.pid}.pdf`);
      writeFileSync(file, result.pdf);
      expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(
        /No syntax or stream encoding errors/,
      );
    }
  });
});
