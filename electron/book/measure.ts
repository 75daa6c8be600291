/** Text measurement, shared by the layout and by pdfkit's drawing (same fonts, same caches). */
import type { Face } from './fonts.js';

export interface Measurer {
  /** Advance width in points of `text` set in `face` at `size` points. */
  width(text: string, face: Face, size: number): number;
}

interface EmbeddedFontLike {
  widthOfString(text: string, size: number): number;
}

/**
 * Measures with the document's own embedded fonts, so a word shaped while measuring is already in
 * pdfkit's layout cache when it is drawn (pdfkit caches per space-separated word).
 */
export function pdfMeasurer(doc: PDFKit.PDFDocument, faces: readonly Face[]): Measurer {
  const fonts = new Map<Face, EmbeddedFontLike>();
  for (const face of faces) {
    doc.font(face);
    // The current embedded font object; pdfkit exposes no public accessor for it.
    fonts.set(face, (doc as unknown as { _font: EmbeddedFontLike })._font);
  }
  return {
    width(text, face, size) {
      const font = fonts.get(face);
      if (!font) throw new Error(`Font face not registered: ${face}`);
      return font.widthOfString(text, size);
    },
  };
}
