/**
 * Text measurement, shared by the layout and the drawing: both use the document's own embedded
 * fonts, so a word is shaped by fontkit once per document and then found in pdfkit's layout cache.
 *
 * This file and draw.ts are the only ones that reach into pdfkit's embedded font object (pdfkit
 * 0.20, pinned): its layout cache, subset and Unicode map. The book tests read every PDF back
 * (text extraction, embedded fonts), so a pdfkit change that broke this would fail them.
 */
import type { Face } from './fonts.js';

export interface Measurer {
  /** Advance width in points of `text` set in `face` at `size` points. */
  width(text: string, face: Face, size: number): number;
}

export interface GlyphRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  /** In 1/1000 em. */
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}

/** What the book uses of pdfkit's EmbeddedFont. */
export interface EmbeddedFont {
  id: string;
  layoutCached(text: string): GlyphRun;
  layoutCache?: Record<string, GlyphRun>;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
  ref(): unknown;
}

/** The document's embedded font for each face (registering them on first use). */
export function embeddedFonts(doc: PDFKit.PDFDocument, faces: readonly Face[]): Map<Face, EmbeddedFont> {
  const fonts = new Map<Face, EmbeddedFont>();
  for (const face of faces) {
    doc.font(face);
    // The current embedded font object; pdfkit exposes no public accessor for it.
    fonts.set(face, (doc as unknown as { _font: EmbeddedFont })._font);
  }
  return fonts;
}

/**
 * True for a run of digits (optionally ending in a space). Numbers are mostly unique strings (page
 * numbers, dates): shaping each would cost a fontkit layout per page, so they are composed of
 * their digits' cached runs instead — figures are not kerned against each other.
 */
export function isDigits(segment: string): boolean {
  const n = segment.length - (segment.charCodeAt(segment.length - 1) === 32 ? 1 : 0);
  if (n <= 1) return false;
  for (let i = 0; i < n; i++) {
    const c = segment.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function segmentWidth(font: EmbeddedFont, segment: string): number {
  if (!isDigits(segment)) return font.layoutCached(segment).advanceWidth;
  let w = 0;
  for (let i = 0; i < segment.length; i++) w += font.layoutCached(segment[i]!).advanceWidth;
  return w;
}

/**
 * Widths at 1000 units per em, cached per face and string. Words are measured with their trailing
 * space when one follows ("word "), which is how pdfkit's cache splits text.
 */
export function pdfMeasurer(fonts: Map<Face, EmbeddedFont>): Measurer {
  const caches = new Map<Face, Map<string, number>>();
  for (const face of fonts.keys()) caches.set(face, new Map());
  return {
    width(text, face, size) {
      const cache = caches.get(face);
      const font = fonts.get(face);
      if (!cache || !font) throw new Error(`Font face not registered: ${face}`);
      let w = cache.get(text);
      if (w === undefined) {
        w = 0;
        // Split like pdfkit does (after each space) so the cached runs serve the drawing too.
        let last = 0;
        for (let i = 0; i < text.length; i++) {
          if (text.charCodeAt(i) === 32) {
            w += segmentWidth(font, text.slice(last, i + 1));
            last = i + 1;
          }
        }
        if (last < text.length) w += segmentWidth(font, text.slice(last));
        cache.set(text, w);
      }
      return (w * size) / 1000;
    },
  };
}
