// The book as a screen reader meets it: a tagged PDF whose structure tree (read back through pdf.js) holds the
// headings in their order, paragraphs, lists with their labels, tables with header cells, the language, and
// the annexes as figures with a text alternative — and whose page furniture is marked as artifacts.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BookModel, RenderResult } from '../../../electron/book/model.js';
import { protectPdf } from '../../../electron/book/protect.js';
import { renderBook } from '../../../electron/book/render.js';
import { annexOf, ecuadorBook } from './fixtures.js';
import { elementsOf, readTagged, textOf, type StructRead, type TaggedRead } from './read-pdf.js';

/** Every element of the book in reading order: page by page, each page's tree depth first. */
function allElements(tagged: TaggedRead): (StructRead & { page: number })[] {
  return tagged.pages.flatMap((p) => elementsOf(p.tree).map((e) => ({ ...e, page: p.number })));
}

function headings(tagged: TaggedRead, role: 'H1' | 'H2'): string[] {
  return allElements(tagged)
    .filter((e) => e.role === role)
    .map((e) => e.text);
}

describe('the Ecuador book, tagged (Spanish, with its private notes and three annexes)', () => {
  let model: BookModel;
  let result: RenderResult;
  let tagged: TaggedRead;

  beforeAll(async () => {
    model = {
      ...ecuadorBook({ withPrivate: true }),
      annexes: [
        annexOf('declaration.pdf', 'application/pdf', 1),
        annexOf('map.png', 'image/png', 2),
        annexOf('minutes.docx', 'application/octet-stream', 3),
      ],
    };
    result = await renderBook(model);
    tagged = await readTagged(result.pdf);
  }, 60_000);

  it("names the document's language, in the catalog and on its root element", () => {
    expect(tagged.lang).toBe('es');
    const roots = tagged.pages.map((p) => p.tree?.children.map((c) => `${c.role}:${c.lang ?? ''}`));
    expect(new Set(roots.flat())).toEqual(new Set(['Document:es']));
  });

  it('marks every piece of text on every page: as content of an element, or as an artifact', () => {
    const loose = tagged.pages.flatMap((p) =>
      p.texts.filter((t) => !t.id && !t.artifact).map((t) => `p${p.number}: ${t.str}`),
    );
    expect(loose).toEqual([]);
    const both = tagged.pages.flatMap((p) => p.texts.filter((t) => t.id && t.artifact));
    expect(both).toEqual([]);
  });

  it('reads the running header, the footer and the classification banner as artifacts, not as text', () => {
    const body = tagged.pages.slice(1);
    for (const page of body) {
      const footer = page.texts.find((t) => /^Página \d+ de \d+$/.test(t.str));
      expect(footer, `page ${page.number}`).toMatchObject({ artifact: true });
      const banner = page.texts.filter((t) => t.str === 'CONFIDENCIAL');
      expect(banner.length, `page ${page.number}`).toBeGreaterThan(0);
      expect(banner.every((t) => t.artifact)).toBe(true);
    }
    // And no element's text holds them.
    const texts = allElements(tagged).map((e) => e.text);
    expect(texts.filter((t) => /Página \d+ de \d+/.test(t))).toEqual([]);
  });

  it('gives the headings in reading order: title, contents, then each section and annex as printed', () => {
    const h1 = headings(tagged, 'H1');
    const expected = [
      model.cover.title,
      'Índice',
      ...result.sections.filter((s) => s.id !== 'card').map((s) => s.title),
      ...result.annexes.map((a) => a.title),
      ...result.sections.filter((s) => s.id === 'card').map((s) => s.title),
    ];
    expect(h1).toHaveLength(expected.length);
    h1.forEach((text, i) => expect(text.endsWith(expected[i]!), `${text} / ${expected[i]}`).toBe(true));
    // Each sub-heading comes after its section's heading and before the next one's.
    const order = allElements(tagged)
      .filter((e) => e.role === 'H1' || e.role === 'H2')
      .map((e) => `${e.role} ${e.text}`);
    const at = (s: string) => order.findIndex((o) => o.endsWith(s));
    expect(at('Objetivos')).toBeGreaterThan(at('Propósito y objetivos'));
    expect(at('Objetivos')).toBeLessThan(at('Programa y agenda'));
    expect(at('Puntos firmes')).toBeGreaterThan(at('Puntos a tratar'));
    expect(at('Puntos defensivos (solo si se plantea)')).toBeLessThan(
      at('Objetivos probables de la contraparte y nuestra respuesta'),
    );
  });

  it('makes each section a Sect holding its heading and its blocks', () => {
    const sects = allElements(tagged).filter((e) => e.role === 'Sect');
    const purpose = sects.find((s) => s.children[0]?.text.endsWith('Propósito y objetivos'))!;
    expect(purpose.children.map((c) => c.role)).toEqual(['H1', 'P', 'H2', 'L']);
  });

  it('sets the points to make as a list: each item its number as label and its text as body', () => {
    const points = model.sections.find((s) => s.id === 'points')!;
    const firm = points.blocks.find((b) => b.type === 'numberedList')!;
    if (firm.type !== 'numberedList') throw new Error('no list');
    const list = allElements(tagged).find(
      (e) => e.role === 'L' && e.children[0]?.children[0]?.text === '1.',
    )!;
    expect(list.children.map((li) => li.role)).toEqual(firm.items.map(() => 'LI'));
    list.children.forEach((li, n) => {
      expect(li.children.map((c) => c.role)).toEqual(['Lbl', 'LBody']);
      expect(li.children[0]!.text).toBe(`${n + 1}.`);
      const words = firm.items[n]!.replace(/[*_]/g, '').split(/\s+/).slice(0, 4).join(' ');
      expect(textOf(li.children[1]!)).toContain(words);
    });
  });

  it('sets the agenda as a table whose first row is header cells, then a row per item', () => {
    const table = allElements(tagged).find(
      (e) => e.role === 'Table' && e.children[0]?.children.map((c) => c.text).join('|') === 'Hora|Punto',
    )!;
    expect(table).toBeDefined();
    const [head, ...rows] = table.children;
    expect(head!.children.map((c) => c.role)).toEqual(['TH', 'TH']);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.role).toBe('TR');
      expect(row.children.map((c) => c.role)).toEqual(['TD', 'TD']);
    }
    expect(rows[0]!.children[0]!.text).toBe('09:00');
  });

  it('reads a table running onto a second page with its header cells once (the repeated header is furniture)', () => {
    const ths = allElements(tagged).filter((e) => e.role === 'TH' && e.text === 'Compromiso');
    expect(ths).toHaveLength(1);
  });

  it("sets a key's label and its value as a list item (label, then body)", () => {
    const place = allElements(tagged).find((e) => e.role === 'LI' && e.children[0]?.text === 'Lugar')!;
    expect(place.children.map((c) => c.role)).toEqual(['Lbl', 'LBody']);
    expect(textOf(place.children[1]!)).toBe('Quito, Ecuador');
  });

  it('gives every annex page a figure with a text alternative naming the annex and the page', () => {
    const figures = allElements(tagged).filter((e) => e.role === 'Figure');
    const declaration = result.annexes.find((a) => a.title === 'Documento declaration.pdf')!;
    const map = result.annexes.find((a) => a.title === 'Documento map.png')!;
    expect(figures).toHaveLength(declaration.pages + map.pages);
    const alts = figures.map((f) => f.alt);
    expect(alts).toContain(
      `Anexo ${declaration.label} · Documento declaration.pdf — Página 1 de ${declaration.pages} del documento`,
    );
    expect(alts).toContain(`Anexo ${map.label} · Documento map.png`);
    // Each on its page of the book.
    const first = figures.find((f) => f.alt?.includes('declaration.pdf'))!;
    expect(first.page).toBe(declaration.page);
  });

  it("reads a placeholder page's particulars as text: what the file is and why it is not printed", () => {
    const docx = result.annexes.find((a) => a.title === 'Documento minutes.docx')!;
    const page = tagged.pages[docx.page - 1]!;
    const texts = elementsOf(page.tree).map((e) => `${e.role} ${e.text}`);
    expect(texts.some((t) => t.startsWith('H1') && t.includes('minutes.docx'))).toBe(true);
    expect(texts.some((t) => t.startsWith('P') && t.includes(docx.title))).toBe(true);
  });
});

describe('other books, tagged', () => {
  it('a protected copy keeps its structure for a screen reader (read with its passphrase)', async () => {
    const plain = await renderBook(ecuadorBook());
    const tagged = await readTagged(
      await protectPdf(plain.pdf, 'lectura del ministro'),
      'lectura del ministro',
    );
    expect(tagged.lang).toBe('es');
    expect(headings(tagged, 'H1')).toEqual(headings(await readTagged(plain.pdf), 'H1'));
    expect(allElements(tagged).filter((e) => e.role === 'Figure')).toEqual([]);
    expect(allElements(tagged).some((e) => e.role === 'TH')).toBe(true);
  });

  it('an English book says so', async () => {
    const tagged = await readTagged((await renderBook(ecuadorBook({ lang: 'en' }))).pdf);
    expect(tagged.lang).toBe('en');
    expect(headings(tagged, 'H1')[1]).toBe('Contents');
  });

  it("a reissue's changes page is read after the contents: its title, then a list of what changed", async () => {
    const model: BookModel = {
      ...ecuadorBook(),
      reissue: {
        revision: 2,
        copyNumber: 1,
        date: '2026-11-20',
        changes: [
          { id: 'points', added: ['Nuevo punto'], changed: ['Punto editado'], removed: ['Punto retirado'] },
        ],
      },
    };
    const tagged = await readTagged((await renderBook(model)).pdf);
    const h1 = headings(tagged, 'H1');
    expect(h1.slice(1, 3)).toEqual(['Índice', 'Cambios desde la copia n.º 1 del 20 de noviembre de 2026']);
    const changes = allElements(tagged).find(
      (e) => e.role === 'Sect' && e.children[0]?.text.startsWith('Cambios desde'),
    )!;
    const list = changes.children.find((c) => c.role === 'L')!;
    expect(list.children.map(textOf)).toEqual([
      'Nuevo: Nuevo punto',
      'Modificado: Punto editado',
      'Suprimido: Punto retirado',
    ]);
  });
});
