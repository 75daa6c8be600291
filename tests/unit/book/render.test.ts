import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBook } from '../../../electron/book/render.js';
import type { BookModel, RenderProgress } from '../../../electron/book/model.js';
import { ecuadorBook, oneSectionBook } from './fixtures.js';
import { contentsEntries, fontsOf, layoutText, readPdf, type PageRead, type PdfRead } from './read-pdf.js';

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** The headings printed on a page (text larger than body text; a wrapped heading is joined). */
function headingsOn(page: PageRead): string[] {
  const big = page.items.filter((i) => i.size >= 14 && !/^([0-9]+|[A-Z])$/.test(i.str));
  const headings: { text: string; y: number; size: number }[] = [];
  for (const item of big) {
    const last = headings[headings.length - 1];
    if (last && item.y - last.y > 0 && item.y - last.y <= item.size * 1.5) {
      last.text += ' ' + item.str;
      last.y = item.y;
    } else headings.push({ text: item.str, y: item.y, size: item.size });
  }
  return headings.map((h) => h.text);
}

/** Pages on which `title` is printed as a heading. */
function headingPages(pdf: PdfRead, title: string): number[] {
  return pdf.pages.filter((p) => headingsOn(p).includes(title)).map((p) => p.number);
}

describe('the briefing book as a reader sees it (Ecuador meeting, Spanish)', () => {
  let model: BookModel;
  let result: Awaited<ReturnType<typeof renderBook>>;
  let pdf: PdfRead;

  beforeAll(async () => {
    model = ecuadorBook({ withPrivate: true, empty: ['press'] });
    result = await renderBook(model);
    pdf = await readPdf(result.pdf);
  });

  it('reports the page count the PDF has', () => {
    expect(pdf.numPages).toBe(result.pages);
    expect(result.pages).toBeGreaterThanOrEqual(5);
  });

  it('prints a contents entry for every section with data, with the page its heading is on', () => {
    const entries = contentsEntries(pdf, 'Índice');
    const expectedTitles = [
      'Propósito y objetivos',
      'Programa y agenda',
      'Puntos a tratar',
      'Objetivos probables de la contraparte y nuestra respuesta',
      'Antecedentes de la relación y última reunión',
      'Compromisos pendientes de ambas partes',
      'Iniciativas relacionadas',
      'Biografías de la contraparte',
      'Notas compartidas',
      'Notas privadas',
      'Tarjeta: puntos a tratar',
    ];
    expect(entries.map((e) => e.title)).toEqual(expectedTitles);
    for (const e of entries) {
      expect(headingPages(pdf, e.title), e.title).toEqual([e.page]);
    }
    expect(result.sections.map((s) => [s.title, s.page])).toEqual(entries.map((e) => [e.title, e.page]));
  });

  it('makes every contents line a link to the page of its heading', () => {
    const entries = contentsEntries(pdf, 'Índice');
    for (const e of entries) {
      const page = pdf.pages[e.on - 1]!;
      const mid = (e.top + e.bottom) / 2;
      const link = page.links.find((l) => l.rect[1] <= mid && l.rect[3] >= mid);
      expect(link, e.title).toBeDefined();
      expect(link!.targetPage, e.title).toBe(e.page);
    }
  });

  it('has bookmarks mirroring the contents, each opening its heading page', () => {
    const entries = contentsEntries(pdf, 'Índice');
    expect(pdf.outline.map((o) => o.title)).toEqual(entries.map((e) => e.title));
    for (const o of pdf.outline) expect(o.page, o.title).toBe(headingPages(pdf, o.title)[0]);
  });

  it('marks the classification and "Página X de Y" on every page after the cover', () => {
    const n = pdf.numPages;
    for (const page of pdf.pages.slice(1)) {
      const markings = page.items.filter((i) => i.str === 'CONFIDENCIAL');
      expect(markings.length, `page ${page.number}`).toBeGreaterThanOrEqual(2);
      expect(Math.min(...markings.map((m) => m.y))).toBeLessThan(60);
      expect(Math.max(...markings.map((m) => m.y))).toBeGreaterThan(page.height - 60);
      expect(page.text).toContain(`Página ${page.number} de ${n}`);
      expect(page.text.match(/Página \d+ de \d+/g)).toHaveLength(1);
    }
  });

  it('prints the cover with marking, title, counterpart, copy and date, without header or footer', () => {
    const cover = pdf.pages[0]!;
    expect(cover.items.filter((i) => i.str === 'CONFIDENCIAL')).toHaveLength(2);
    expect(cover.text).toContain('Encuentro Presidencial y Gabinete Binacional Perú–Ecuador');
    expect(cover.text).toContain('República del Ecuador');
    expect(cover.text).toContain('Quito');
    expect(cover.text).toContain('Despacho Ministerial (ejemplo)');
    expect(cover.text).toContain('EC-2026-001');
    expect(cover.text).toContain('27 de noviembre de 2026');
    expect(cover.text).not.toMatch(/Página/);
  });

  it('keeps accents, ñ, ¿ ¡ « » and dashes through text extraction', () => {
    const all = pdf.pages.map((p) => p.text).join('\n');
    for (const s of [
      'Perú–Ecuador',
      '¿Cómo asegurar',
      '¡Atención a los plazos!',
      'año próximo',
      'Biografías',
      '2025–2026',
      'Declaración',
    ]) {
      expect(all).toContain(s);
    }
  });

  it('omits a section with no data entirely', () => {
    const all = pdf.pages.map((p) => p.text).join('\n');
    expect(all).not.toContain('Línea de prensa');
  });

  it('labels the private annex clearly', () => {
    const privatePage = pdf.pages[headingPages(pdf, 'Notas privadas')[0]! - 1]!;
    expect(privatePage.text).toContain('PRIVADO — solo para el autor');
  });

  it('starts the card on its own page', () => {
    const [cardPage] = headingPages(pdf, 'Tarjeta: puntos a tratar');
    expect(cardPage).toBe(pdf.numPages);
    const before = pdf.pages[cardPage! - 2]!;
    expect(before.text).not.toContain('hoja de ruta (ejemplo)');
    expect(pdf.pages[cardPage! - 1]!.text).toContain('hoja de ruta (ejemplo)');
  });

  it('embeds Noto Sans and uses no other font', () => {
    const raw = Buffer.from(result.pdf).toString('latin1');
    const fonts = new Set(raw.match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g));
    expect([...fonts].every((f) => /NotoSans-(Regular|Italic|Bold|BoldItalic)$/.test(f))).toBe(true);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });
});

describe('variants', () => {
  it('prints no private annex when the model has none', async () => {
    const pdf = await readPdf((await renderBook(ecuadorBook({ withPrivate: false }))).pdf);
    const all = pdf.pages.map((p) => p.text).join('\n');
    expect(all).not.toContain('PRIVADO');
    expect(all).not.toContain('Notas privadas');
  });

  it('prints the English book with English markings and labels', async () => {
    const pdf = await readPdf((await renderBook(ecuadorBook({ lang: 'en', withPrivate: true }))).pdf);
    const n = pdf.numPages;
    expect(pdf.pages[1]!.text).toContain('Contents');
    for (const page of pdf.pages.slice(1)) {
      expect(page.text).toContain('CONFIDENTIAL');
      expect(page.text).toContain(`Page ${page.number} of ${n}`);
    }
    const all = pdf.pages.map((p) => p.text).join('\n');
    expect(all).toContain('PRIVATE — for the author only');
    expect(all).toContain('Open commitments on both sides');
    expect(all).toContain('27 November 2026');
  });

  it('uses A4 by default and US Letter on request', async () => {
    const a4 = await readPdf((await renderBook(ecuadorBook())).pdf);
    const letter = await readPdf((await renderBook(ecuadorBook({ paper: 'letter' }))).pdf);
    for (const p of a4.pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    for (const p of letter.pages) expect([p.width, p.height]).toEqual([612, 792]);
  });

  it('gives identical bytes for the same model, and different bytes for another copy', async () => {
    const a = await renderBook(ecuadorBook());
    const b = await renderBook(ecuadorBook());
    expect(sha256(a.pdf)).toBe(sha256(b.pdf));
    const c = await renderBook(ecuadorBook({ copyFor: 'Embajada en Quito (ejemplo)' }));
    expect(sha256(c.pdf)).not.toBe(sha256(a.pdf));
  });

  it('prints markup as literal text', async () => {
    const model = oneSectionBook([
      { type: 'paragraph', markdown: 'Antes <script>alert(1)</script> después <img src=x onerror=alert(2)>' },
    ]);
    const pdf = await readPdf((await renderBook(model)).pdf);
    const all = pdf.pages.map((p) => p.text).join(' ');
    expect(all).toContain('<script>alert(1)</script>');
    expect(all).toContain('<img src=x onerror=alert(2)>');
  });
});

describe('progress and cancellation', () => {
  it('reports layout then render progress, ending at 1', async () => {
    const events: RenderProgress[] = [];
    const result = await renderBook(ecuadorBook(), { onProgress: (p) => events.push(p) });
    expect(events[0]!.phase).toBe('layout');
    expect(events.some((e) => e.phase === 'render' && e.totalPages === result.pages)).toBe(true);
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.fraction).toBeGreaterThanOrEqual(events[i - 1]!.fraction);
    expect(events[events.length - 1]!.fraction).toBe(1);
  });

  it('rejects with E_CANCELLED when aborted before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(renderBook(ecuadorBook(), { signal: controller.signal })).rejects.toMatchObject({
      code: 'E_CANCELLED',
    });
  });

  it('rejects with E_CANCELLED when aborted while rendering', async () => {
    const controller = new AbortController();
    const job = renderBook(ecuadorBook(), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'render') controller.abort();
      },
    });
    await expect(job).rejects.toMatchObject({ code: 'E_CANCELLED' });
  });

  it('rejects an invalid model with E_INVALID', async () => {
    const bad = { ...ecuadorBook(), lang: 'fr' } as unknown as BookModel;
    await expect(renderBook(bad)).rejects.toMatchObject({ code: 'E_INVALID' });
  });
});

describe('read back as a desktop viewer would (pdfjs-dist, no system PDF tool)', () => {
  it('reports A4 pages, only embedded subset Noto Sans fonts, and extractable Spanish text', async () => {
    const result = await renderBook(ecuadorBook({ withPrivate: true }));
    const pdf = await readPdf(result.pdf);
    expect(pdf.numPages).toBe(result.pages);
    // A4 is 210 × 297 mm: 595.28 × 841.89 pt.
    for (const page of pdf.pages) {
      expect(page.width).toBeCloseTo(595.28, 2);
      expect(page.height).toBeCloseTo(841.89, 2);
    }
    expect(pdf.title).toBe('Encuentro Presidencial y Gabinete Binacional Perú–Ecuador');
    const fonts = await fontsOf(result.pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) {
      // A subset (six-letter tag) of one of the four shipped Noto Sans faces, its program in the file.
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Italic|Bold|BoldItalic)$/);
      expect(font).toMatchObject({ embedded: true, type3: false });
    }
    // Extracted as Unicode text (the fonts' ToUnicode maps), accents and Spanish punctuation intact.
    const text = pdf.pages.map(layoutText).join('\n');
    for (const s of [
      'CONFIDENCIAL',
      'Página 3 de',
      '¿Cómo asegurar',
      '¡Atención',
      'año próximo',
      'PRIVADO — solo para el autor',
    ]) {
      expect(text).toContain(s);
    }
  });
});
