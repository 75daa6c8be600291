/**
 * The book's typefaces: Noto Sans in four faces, read as bytes from resources/fonts and parsed with
 * fontkit once per process. pdfkit gets the parsed font objects: registering a path or a Buffer
 * makes it re-parse the whole TTF again and again (measured ~6x slower on tables).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';
import { BookError } from './errors.js';
import { resourcesDir } from './resources.js';

export type Face = 'regular' | 'italic' | 'bold' | 'boldItalic';

export const FACES: readonly Face[] = ['regular', 'italic', 'bold', 'boldItalic'];

export const FONT_FILES: Record<Face, string> = {
  regular: 'NotoSans-Regular.ttf',
  italic: 'NotoSans-Italic.ttf',
  bold: 'NotoSans-Bold.ttf',
  boldItalic: 'NotoSans-BoldItalic.ttf',
};

export type BookFonts = Record<Face, fontkit.Font>;

const loaded = new Map<string, BookFonts>();

/** Parses the four faces from `dir` (default: resources/fonts), once per folder. */
export function loadFonts(dir: string = path.join(resourcesDir(), 'fonts')): BookFonts {
  const cached = loaded.get(dir);
  if (cached) return cached;
  const read = (face: Face): fontkit.Font => {
    const file = path.join(dir, FONT_FILES[face]);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new BookError(
        'E_NOT_FOUND',
        `Book font missing: ${file}. Reinstall Valija or set VALIJA_RESOURCES.`,
      );
    }
    return fontkit.create(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  };
  const fonts: BookFonts = {
    regular: read('regular'),
    italic: read('italic'),
    bold: read('bold'),
    boldItalic: read('boldItalic'),
  };
  loaded.set(dir, fonts);
  return fonts;
}

/** Registers the parsed faces on a document under their face names. */
export function registerFonts(
  doc: PDFKit.PDFDocument | InstanceType<typeof PDFDocument>,
  fonts: BookFonts,
): void {
  for (const face of FACES) {
    // pdfkit accepts a parsed fontkit font (anything with layout()); its typings only list bytes.
    doc.registerFont(face, fonts[face] as unknown as PDFKit.Mixins.PDFFontSource);
  }
}
