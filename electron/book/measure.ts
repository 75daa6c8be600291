/** What the layout needs from the fonts (shaper.ts implements it with the embedded fonts). */
import type { Face } from './fonts.js';

/** A segment of text ("word" or "word ") encoded for a PDF TJ array. */
export interface Encoded {
  /** Advance in 1/1000 em. */
  advance: number;
  /** Glyph codes and kerning adjustments: the inside of a TJ hex string ("00410042> 20 <0043"). */
  tj: string;
  /** The same without a trailing space glyph (the word ends a line). */
  tjTrim: string;
  /** Holds positioned marks (combining accents), which need glyph-by-glyph drawing. */
  marks: boolean;
}

export interface Measurer {
  /** Advance width in points of `text` set in `face` at `size` points. */
  width(text: string, face: Face, size: number): number;
  /**
   * A word, followed by a space when `spaced` ("word "), encoded once: its advance and glyph codes,
   * so lines carry their glyphs from the layout to the page.
   */
  word?(word: string, face: Face, spaced: boolean): Encoded;
}
