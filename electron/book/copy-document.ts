/**
 * The PDF document of one copy of a book: opened with the book's metadata (dates from the model, so the bytes
 * are reproducible), stamped with its reader and number, and — for every copy after the first printed from one
 * layout — given fonts whose glyph codes are the layout's (render.ts renderCopies).
 */
import PDFDocument from 'pdfkit';
import { FACES, loadFonts, registerFonts, type Face } from './fonts.js';
import { escapeXmpMetadata } from './metadata.js';
import type { BookModel } from './model.js';
import { Shaper, embeddedFonts, type EmbeddedFont } from './shaper.js';
import { classificationMarking } from './strings.js';
import type { PageGeometry } from './theme.js';

/** What sets one copy of a book apart from the others printed from the same layout. */
export interface CopyStamp {
  copyFor?: string;
  copyId?: string;
}

export interface OpenDocument {
  doc: PDFKit.PDFDocument;
  /** The document's bytes, once it has ended. */
  pdf: Promise<Buffer>;
}

/** A new PDF for a copy of the book: its metadata (dates from the model: reproducible) and its output. */
export function openDocument(model: BookModel, geo: PageGeometry): OpenDocument {
  const date = new Date(model.generatedAt);
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [geo.width, geo.height],
    margin: 0,
    pdfVersion: '1.7',
    lang: model.lang,
    displayTitle: true,
    info: {
      Title: model.cover.title,
      Subject: model.cover.counterpart,
      Keywords: classificationMarking(model.lang, model.classification),
      Creator: 'Valija',
      Producer: 'Valija',
      CreationDate: date,
      ModDate: date,
    },
  });
  escapeXmpMetadata(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const pdf = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, pdf };
}

/** A copy's own reader and number, in place of the model's. */
export function stampOf(stamp: CopyStamp): Pick<BookModel, 'copyFor' | 'copyId'> {
  return {
    ...(stamp.copyFor ? { copyFor: stamp.copyFor } : {}),
    ...(stamp.copyId ? { copyId: stamp.copyId } : {}),
  };
}

/**
 * Fonts for another copy that give every glyph the code the layout's fonts gave it (the same subset order,
 * widths and Unicode map), so content encoded for the first copy reads the same in this one. Glyphs this copy
 * adds (another reader's name) take codes after them.
 */
export function sameGlyphs(doc: PDFKit.PDFDocument, layout: Map<Face, EmbeddedFont>): Shaper {
  registerFonts(doc, loadFonts());
  const fonts = embeddedFonts(doc, FACES);
  for (const [face, font] of fonts) {
    const from = layout.get(face)!;
    if (font.id !== from.id)
      throw new Error(`font ${face} is ${font.id} in one copy and ${from.id} in another`);
    // The glyphs given codes by the text (each has its Unicode entry); writing the font out adds the parts of
    // composite glyphs after them, which this copy's own writing adds again.
    for (const glyph of from.subset.glyphs.slice(0, from.unicode.length)) font.subset.includeGlyph(glyph);
    from.widths.forEach((width, gid) => (font.widths[gid] = width));
    from.unicode.forEach((codePoints, gid) => (font.unicode[gid] = codePoints));
  }
  return new Shaper(fonts);
}
