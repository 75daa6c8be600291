import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, BookModel } from '../../../electron/book/model.js';
import { renderBook } from '../../../electron/book/render.js';
import { pageGeometry } from '../../../electron/book/theme.js';
import { ecuadorBook, oneSectionBook } from './fixtures.js';
import { readPdf, textOutsideBox, type PdfRead } from './read-pdf.js';

const LONG_WORD = 'Ñ' + 'a1b2c3d4e5'.repeat(30) + 'Z'; // 302 characters, no space
const LONG_URL = 'https://example.org/' + 'camino/'.repeat(40) + 'fin.html';

/** About 20,000 characters of words, with recognisable first and last words. */
function longTalkingPoint(): string {
  const words = ['cooperación', 'binacional', 'señalar', '¿seguimiento?', '¡plazo!', 'año', 'compromiso'];
  const out = ['INICIO-DEL-PUNTO'];
  let length = out[0]!.length;
  for (let i = 0; length < 20_000; i++) {
    const w = words[i % words.length]!;
    out.push(w);
    length += w.length + 1;
  }
  out.push('FINAL-DEL-PUNTO');
  return out.join(' ');
}

const compact = (pdf: PdfRead): string => pdf.pages.map((p) => p.items.map((i) => i.str).join('')).join('');

describe('long and awkward content', () => {
  let pdf: PdfRead;
  let model: BookModel;

  beforeAll(async () => {
    const point = longTalkingPoint();
    const blocks: Block[] = [
      { type: 'paragraph', markdown: `Una palabra sin espacios: ${LONG_WORD} y sigue el texto.` },
      { type: 'paragraph', markdown: `Enlace: [la fuente](${LONG_URL}).` },
      { type: 'numberedList', items: ['Punto breve.', point, 'Otro punto breve.'] },
      {
        type: 'table',
        columns: [
          { label: 'Columna estrecha', width: 0.2 },
          { label: 'Columna ancha', width: 0.8 },
        ],
        rows: [[LONG_WORD, 'texto normal']],
      },
      { type: 'keyValue', items: [{ label: 'Etiqueta', value: LONG_WORD }] },
      // Combining marks on letters without a precomposed form are placed by the font (offsets).
      { type: 'paragraph', markdown: 'Marcas combinadas: q\u0301 x\u0323 y sigue FIN-MARCAS.' },
    ];
    model = oneSectionBook(blocks);
    pdf = await readPdf((await renderBook(model)).pdf);
  });

  it('renders them over several pages', () => {
    expect(pdf.numPages).toBeGreaterThan(5);
  });

  it('puts no text outside the margins of any page', () => {
    const geo = pageGeometry('a4');
    for (const page of pdf.pages) {
      expect(
        textOutsideBox(page, geo.marginLeft, geo.width - geo.marginRight),
        `page ${page.number}`,
      ).toEqual([]);
    }
  });

  it('loses no character of the long word, the URL or the long point', () => {
    const all = compact(pdf);
    expect(all.split(LONG_WORD).length - 1).toBe(3); // paragraph, table cell, key-value
    expect(all).toContain(LONG_URL);
    expect(all).toContain('INICIO-DEL-PUNTO');
    expect(all).toContain('FINAL-DEL-PUNTO');
    expect(all.indexOf('INICIO-DEL-PUNTO')).toBeLessThan(all.indexOf('FINAL-DEL-PUNTO'));
    expect(all).toContain('Marcas combinadas:');
    expect(all).toContain('FIN-MARCAS.');
  });
});

describe('tables across pages', () => {
  it('repeats the header on each page and never splits a row', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [
      `inicio-${i} ` + 'texto de la fila '.repeat(1 + (i % 6)) + `fin-${i}`,
      i % 2 ? 'Ecuador' : 'Perú',
    ]);
    const model = oneSectionBook([
      {
        type: 'table',
        columns: [
          { label: { key: 'commitments.text' }, width: 0.7 },
          { label: { key: 'commitments.owingParty' }, width: 0.3 },
        ],
        rows,
      },
    ]);
    const pdf = await readPdf((await renderBook(model)).pdf);
    const pagesWithRows = pdf.pages.filter((p) => /inicio-\d+/.test(p.text));
    expect(pagesWithRows.length).toBeGreaterThan(2);
    for (const page of pagesWithRows) {
      expect(
        page.items.some((i) => i.str === 'Parte obligada'),
        `header on page ${page.number}`,
      ).toBe(true);
    }
    for (const page of pagesWithRows.slice(1)) expect(page.text).toContain('(continuación)');
    for (let i = 0; i < rows.length; i++) {
      const start = pdf.pages.filter((p) => p.items.some((it) => it.str.startsWith(`inicio-${i} `)));
      const end = pdf.pages.filter((p) => p.items.some((it) => it.str.endsWith(`fin-${i}`)));
      expect(
        start.map((p) => p.number),
        `row ${i}`,
      ).toHaveLength(1);
      expect(
        end.map((p) => p.number),
        `row ${i}`,
      ).toEqual(start.map((p) => p.number));
    }
  });
});

describe('the card', () => {
  it('fits on one page however long the points are, and says when it was shortened', async () => {
    const model = ecuadorBook();
    const card = model.sections.find((s) => s.id === 'card')!;
    card.blocks = [
      { type: 'heading', level: 2, text: { key: 'points.certain' } },
      {
        type: 'numberedList',
        items: Array.from(
          { length: 40 },
          (_, i) => `Punto ${i + 1}: ` + 'desarrollo del argumento '.repeat(16),
        ),
      },
    ];
    const pdf = await readPdf((await renderBook(model)).pdf);
    const last = pdf.pages[pdf.numPages - 1]!;
    const before = pdf.pages[pdf.numPages - 2]!;
    expect(last.text).toContain('Tarjeta: puntos a tratar');
    expect(last.text).toContain('Punto 1:');
    expect(before.text).not.toContain('TARJETA DESPRENDIBLE');
    expect(last.text).toContain('…');
    expect(last.text).toMatch(
      /Tarjeta abreviada por espacio: texto completo en «Puntos a tratar», página \d+\./,
    );
    const pointsPage = Number(/página (\d+)\./.exec(last.text)![1]);
    expect(pdf.pages[pointsPage - 1]!.items.some((i) => i.str === 'Puntos a tratar' && i.size >= 14)).toBe(
      true,
    );
    const geo = pageGeometry('a4');
    expect(textOutsideBox(last, geo.marginLeft, geo.width - geo.marginRight)).toEqual([]);
    expect(
      Math.max(...last.items.filter((i) => i.str.startsWith('desarrollo')).map((i) => i.y)),
    ).toBeLessThan(geo.bodyBottom);
  });

  it('is printed whole when it fits', async () => {
    const pdf = await readPdf((await renderBook(ecuadorBook())).pdf);
    const last = pdf.pages[pdf.numPages - 1]!;
    expect(last.text).toContain('El Perú informará su avance (ejemplo).');
    expect(last.text).not.toContain('Tarjeta abreviada');
  });
});
