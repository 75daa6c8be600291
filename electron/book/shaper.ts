/**
 * Measuring and encoding text with the document's embedded fonts. A word is shaped by fontkit
 * once per process (shared by every document: sharedRun) and encoded once per document (glyph codes and kerning for the
 * page content, added to the font subset and its Unicode map exactly as pdfkit's encode() does),
 * then reused by the layout and the drawing alike.
 *
 * This is the only file that reaches into pdfkit's embedded font object (pdfkit 0.20, pinned):
 * its layout cache, subset, widths and Unicode map. The book tests read every PDF back (text
 * extraction, embedded fonts), so a pdfkit change that broke this would fail them.
 */
import type { Face } from './fonts.js';
import type { Encoded, Measurer } from './measure.js';

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
  /** fontkit's subset: `glyphs` holds the font's glyph ids in the order they were given codes. */
  subset: { includeGlyph(id: number): number; glyphs: number[] };
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

/** A number for the content stream, with at most two decimals (integer arithmetic: fast). */
export function pdfNumber(n: number): string {
  let r = Math.round(n * 100);
  const negative = r < 0;
  if (negative) r = -r;
  const whole = Math.floor(r / 100);
  const cents = r - whole * 100;
  const s =
    cents === 0
      ? `${whole}`
      : cents % 10 === 0
        ? `${whole}.${cents / 10}`
        : `${whole}.${cents < 10 ? '0' : ''}${cents}`;
  return negative ? `-${s}` : s;
}

/**
 * True for a run of digits (optionally ending in a space). Numbers are mostly unique strings (page
 * numbers, dates): shaping each would cost a fontkit layout per page, so they are composed of
 * their digits' runs instead — figures are not kerned against each other.
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

/**
 * Glyph runs shared by every document of this process (a distribution prints the same words twenty times):
 * fontkit's shaping depends only on the font and the text, and most of a book's layout time is shaping.
 * What depends on the document (subset codes, widths, the Unicode map) is still done per document. Emptied
 * when it grows past a bound, so a long-running process does not keep every word it ever printed.
 */
const sharedRuns = new Map<Face, Map<string, GlyphRun>>();
const SHARED_RUNS_LIMIT = 200_000;
let sharedRunCount = 0;

function sharedRun(face: Face, font: EmbeddedFont, segment: string): GlyphRun {
  let runs = sharedRuns.get(face);
  if (!runs) sharedRuns.set(face, (runs = new Map()));
  let run = runs.get(segment);
  if (run) return run;
  const shaped = font.layoutCached(segment);
  // Plain copies: fontkit's glyph objects hold on to their font (and so to the document).
  run = {
    glyphs: shaped.glyphs.map(({ id, advanceWidth, codePoints }) => ({ id, advanceWidth, codePoints })),
    positions: shaped.positions.map(({ xAdvance, yAdvance, xOffset, yOffset, advanceWidth }) => ({
      xAdvance,
      yAdvance,
      xOffset,
      yOffset,
      advanceWidth,
    })),
    advanceWidth: shaped.advanceWidth,
  };
  if (++sharedRunCount > SHARED_RUNS_LIMIT) {
    sharedRuns.clear();
    sharedRunCount = 1;
    sharedRuns.set(face, (runs = new Map()));
  }
  runs.set(segment, run);
  return run;
}

interface FaceCache {
  face: Face;
  font: EmbeddedFont;
  widths: Map<string, number>;
  encoded: Map<string, Encoded>;
  /** Words followed by a space, keyed by the word alone (no string building on a hit). */
  spaced: Map<string, Encoded>;
}

export class Shaper implements Measurer {
  private readonly faces = new Map<Face, FaceCache>();

  constructor(fonts: Map<Face, EmbeddedFont>) {
    for (const [face, font] of fonts)
      this.faces.set(face, { face, font, widths: new Map(), encoded: new Map(), spaced: new Map() });
  }

  font(face: Face): EmbeddedFont {
    return this.cache(face).font;
  }

  /** Width in points; text is split after each space, like pdfkit's cache, and cached whole. */
  width(text: string, face: Face, size: number): number {
    const c = this.cache(face);
    let w = c.widths.get(text);
    if (w === undefined) {
      w = 0;
      let last = 0;
      for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) === 32) {
          w += this.advance(c, text.slice(last, i + 1));
          last = i + 1;
        }
      }
      if (last < text.length) w += this.advance(c, text.slice(last));
      c.widths.set(text, w);
    }
    return (w * size) / 1000;
  }

  word(word: string, face: Face, spaced: boolean): Encoded {
    if (!spaced) return this.encode(word, face);
    const c = this.cache(face);
    let hit = c.spaced.get(word);
    if (!hit) c.spaced.set(word, (hit = this.encode(word + ' ', face)));
    return hit;
  }

  /** A segment ("word" or "word ") encoded for a TJ array. */
  encode(segment: string, face: Face): Encoded {
    const c = this.cache(face);
    let hit = c.encoded.get(segment);
    if (hit) return hit;
    if (isDigits(segment)) {
      hit = { advance: 0, tj: '', tjTrim: '', marks: false };
      for (const ch of segment) {
        const digit = this.encode(ch, face);
        hit.tjTrim = hit.tj + digit.tjTrim;
        hit.tj += digit.tj;
        hit.advance += digit.advance;
      }
    } else {
      hit = this.encodeRun(c.font, sharedRun(face, c.font, segment));
    }
    c.encoded.set(segment, hit);
    return hit;
  }

  /** The glyphs of a whole text (inside of a TJ hex string), or undefined if it holds positioned marks. */
  encodeText(text: string, face: Face): string | undefined {
    let tj = '';
    let last = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && text.charCodeAt(i) !== 32) continue;
      const segment = text.slice(last, Math.min(i + 1, text.length));
      last = i + 1;
      if (!segment) continue;
      const e = this.encode(segment, face);
      if (e.marks) return undefined;
      tj += e.tj;
    }
    return tj;
  }

  /** The glyph run of a text, for drawing glyph by glyph. */
  run(font: EmbeddedFont, segment: string): GlyphRun {
    return font.layoutCached(segment);
  }

  private cache(face: Face): FaceCache {
    const c = this.faces.get(face);
    if (!c) throw new Error(`Font face not registered: ${face}`);
    return c;
  }

  private advance(c: FaceCache, segment: string): number {
    if (!isDigits(segment)) return sharedRun(c.face, c.font, segment).advanceWidth;
    let w = 0;
    for (let i = 0; i < segment.length; i++) w += sharedRun(c.face, c.font, segment[i]!).advanceWidth;
    return w;
  }

  /**
   * Glyph codes as the inside of a hex string, kerning as "> -20 <": segments then join by plain
   * concatenation and a line is written `[<…>] TJ` (an empty "<>" after a final kern is harmless).
   */
  private encodeRun(font: EmbeddedFont, run: GlyphRun): Encoded {
    let tj = '';
    let tjTrim: string | undefined;
    let advance = 0;
    let marks = false;
    const n = run.glyphs.length;
    for (let g = 0; g < n; g++) {
      const glyph = run.glyphs[g]!;
      const pos = run.positions[g]!;
      const gid = font.subset.includeGlyph(glyph.id);
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
      if (pos.xOffset || pos.yOffset) marks = true;
      // Without a trailing space glyph (for a word that ends a line).
      if (g === n - 1 && glyph.codePoints.length === 1 && glyph.codePoints[0] === 32) tjTrim = tj;
      tj += gid.toString(16).padStart(4, '0');
      const kern = pos.xAdvance - pos.advanceWidth;
      if (kern !== 0) tj += `> ${pdfNumber(-kern)} <`;
      advance += pos.xAdvance;
    }
    return { advance, tj, tjTrim: tjTrim ?? tj, marks };
  }
}
