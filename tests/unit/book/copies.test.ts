// Copies of one book for several readers, laid out once (renderCopies): each reads exactly as the same copy
// printed on its own — every page's text, its fonts, its structure — with its own reader and number.
import { describe, expect, it } from 'vitest';
import type { BookModel } from '../../../electron/book/model.js';
import { renderBook, renderCopies } from '../../../electron/book/render.js';
import { ecuadorBook } from './fixtures.js';
import { fontsOf, readPdf, readTagged } from './read-pdf.js';

const READERS = [
  { copyFor: 'Ana Pérez, Despacho ministerial', copyId: '7' },
  { copyFor: 'Jürgen Ñandú-Łukasz, Dirección de América del Sur', copyId: '8' },
  { copyFor: 'Zoë Öztürk, Embajada en Quito', copyId: '9' },
];

describe('copies laid out once', () => {
  it('each copy reads as the same copy printed alone: text on every page, fonts, structure', async () => {
    const model: BookModel = ecuadorBook({ withPrivate: true });
    const copies = await renderCopies(model, READERS);
    expect(copies).toHaveLength(READERS.length);
    for (const [n, reader] of READERS.entries()) {
      const alone = await renderBook({ ...model, ...reader });
      const [got, want] = [await readPdf(copies[n]!.pdf), await readPdf(alone.pdf)];
      expect(got.numPages).toBe(want.numPages);
      expect(got.pages.map((p) => p.text)).toEqual(want.pages.map((p) => p.text));
      expect(got.pages.map((p) => p.text).join('\n')).toContain(reader.copyFor);
      expect(got.outline).toEqual(want.outline);
      expect(got.pages.map((p) => p.links)).toEqual(want.pages.map((p) => p.links));
      expect(await fontsOf(copies[n]!.pdf)).toHaveLength((await fontsOf(alone.pdf)).length);
      const [tagged, taggedAlone] = [await readTagged(copies[n]!.pdf), await readTagged(alone.pdf)];
      expect(tagged.pages.map((p) => p.tree)).toEqual(taggedAlone.pages.map((p) => p.tree));
      expect(copies[n]!.pages).toBe(alone.pages);
    }
    // No copy names another's reader.
    for (const [n, copy] of copies.entries()) {
      const text = (await readPdf(copy.pdf)).pages.map((p) => p.text).join('\n');
      for (const [m, other] of READERS.entries()) if (m !== n) expect(text).not.toContain(other.copyFor);
    }
  }, 60_000);

  it('gives the same bytes for the same copies', async () => {
    const model = ecuadorBook();
    const [a, b] = [await renderCopies(model, READERS), await renderCopies(model, READERS)];
    expect(a).toHaveLength(READERS.length);
    a.forEach((copy, n) => expect(copy.pdf.equals(b[n]!.pdf), `copy ${n + 1}`).toBe(true));
  });
});
