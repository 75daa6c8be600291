/**
 * Line breaking and the widow/orphan rule. Pure functions over a Measurer, so they can be tested
 * without a PDF. Text is set flush left (ragged right): without hyphenation, justified Spanish
 * opens rivers. A word wider than the line (a 300-character token, a long URL) is broken between
 * characters, preferably after a slash, hyphen or similar, so nothing ever overflows the margin.
 */
import type { Face } from './fonts.js';
import type { Encoded, Measurer } from './measure.js';

export interface StyledRun {
  text: string;
  face: Face;
  color?: string;
}

export interface Fragment {
  text: string;
  face: Face;
  color?: string;
  /** Offset from the start of the line. */
  x: number;
  width: number;
  /** The glyph codes for a PDF TJ array, when the measurer encodes (see Measurer.encode). */
  tj?: string;
}

export interface Line {
  fragments: Fragment[];
  width: number;
}

export function faceOf(bold: boolean, italic: boolean): Face {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

interface Piece {
  text: string;
  face: Face;
  color: string | undefined;
  width: number;
  /** Encoded glyphs; for a word, including the space that follows it when that space is in its run. */
  tj?: string;
  /** The word's glyphs without that space (the word ends a line). */
  tjTrim?: string;
}

type Token =
  { kind: 'word'; pieces: Piece[]; width: number } | { kind: 'space'; piece: Piece } | { kind: 'newline' };

const BREAK_AFTER = /[/\-?&=_.,;:)\]]/;
const EPSILON = 0.01;

function tokenize(runs: readonly StyledRun[], size: number, measure: Measurer): Token[] {
  const tokens: Token[] = [];
  let word: Piece[] | null = null;
  const spaceWidth: Partial<Record<Face, number>> = {};
  const space = (face: Face): number => (spaceWidth[face] ??= measure.width(' ', face, size));
  const endWord = (): void => {
    if (word) tokens.push({ kind: 'word', pieces: word, width: word.reduce((s, p) => s + p.width, 0) });
    word = null;
  };
  const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13;
  for (const run of runs) {
    const text = run.text;
    const n = text.length;
    let i = 0;
    let afterWord = false; // the previous part of this run was a word
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        endWord();
        tokens.push({ kind: 'newline' });
        afterWord = false;
        i++;
      } else if (isSpace(c)) {
        while (i < n && isSpace(text.charCodeAt(i))) i++;
        endWord();
        const last = tokens[tokens.length - 1];
        if (last && last.kind !== 'space' && last.kind !== 'newline') {
          // After a word of the same run the space is already in that word's glyphs ("word ").
          const e = afterWord ? undefined : measure.word?.(' ', run.face, false);
          const tj = afterWord ? '' : e && !e.marks ? e.tj : undefined;
          tokens.push({
            kind: 'space',
            piece: { text: ' ', face: run.face, color: run.color, width: space(run.face), tj },
          });
        }
        afterWord = false;
      } else {
        const start = i;
        while (i < n && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 10) i++;
        const part = text.slice(start, i);
        // Measure "word " when a space of the same face follows: that is how pdfkit caches words
        // when it draws the line, so each word is shaped once.
        const spaced = i < n && isSpace(text.charCodeAt(i));
        let width: number;
        let e: Encoded | undefined;
        if (measure.word) {
          e = measure.word(part, run.face, spaced);
          width = (e.advance * size) / 1000 - (spaced ? space(run.face) : 0);
          if (e.marks) e = undefined;
        } else {
          width = measure.width(spaced ? part + ' ' : part, run.face, size) - (spaced ? space(run.face) : 0);
        }
        (word ??= []).push({
          text: part,
          face: run.face,
          color: run.color,
          width,
          tj: e?.tj,
          tjTrim: e?.tjTrim,
        });
        afterWord = true;
      }
    }
  }
  endWord();
  while (tokens.length > 0 && tokens[tokens.length - 1]!.kind === 'space') tokens.pop();
  return tokens;
}

/** Splits a too-wide word into chunks: the first at most `first` wide, the others at most `width`. */
function splitWord(
  pieces: Piece[],
  first: number,
  width: number,
  size: number,
  measure: Measurer,
): Piece[][] {
  const chunks: Piece[][] = [];
  let chunk: Piece[] = [];
  let chunkWidth = 0;
  let limit = first;
  // Characters of the current chunk, to find a good break point when it is full.
  let chars: { piece: number; ch: string; w: number }[] = [];
  const flush = (upTo: number): void => {
    // Emit chars[0..upTo) as the chunk, keep the rest for the next one.
    const taken = chars.slice(0, upTo);
    const rest = chars.slice(upTo);
    chunk = [];
    for (const c of taken) {
      const last = chunk[chunk.length - 1];
      const src = pieces[c.piece]!;
      if (last && last.face === src.face && last.color === src.color) {
        last.text += c.ch;
        last.width += c.w;
      } else chunk.push({ text: c.ch, face: src.face, color: src.color, width: c.w });
    }
    chunks.push(chunk);
    chars = rest;
    chunkWidth = rest.reduce((s, c) => s + c.w, 0);
    limit = width;
  };
  pieces.forEach((p, pi) => {
    // Code points, with combining marks kept on their base character.
    const units = p.text.match(/\P{M}\p{M}*/gu) ?? [];
    for (const ch of units) {
      const w = measure.width(ch, p.face, size);
      if (chunkWidth + w > limit + EPSILON && chars.length > 0) {
        let cut = chars.length;
        for (let k = chars.length - 1; k >= Math.floor(chars.length * 0.6); k--) {
          if (BREAK_AFTER.test(chars[k]!.ch)) {
            cut = k + 1;
            break;
          }
        }
        flush(cut);
      }
      chars.push({ piece: pi, ch, w });
      chunkWidth += w;
    }
  });
  if (chars.length > 0) flush(chars.length);
  return chunks;
}

/**
 * Breaks styled text into lines no wider than `maxWidth`. `\n` forces a break. Consecutive spaces
 * collapse; spaces at the start and end of lines are dropped.
 */
export function breakLines(
  runs: readonly StyledRun[],
  maxWidth: number,
  size: number,
  measure: Measurer,
): Line[] {
  const tokens = tokenize(runs, size, measure);
  const lines: Piece[][] = [];
  let current: Piece[] = [];
  let width = 0;
  let pendingSpace: Piece | null = null;
  const finish = (): void => {
    lines.push(current);
    current = [];
    width = 0;
    pendingSpace = null;
  };
  for (const tok of tokens) {
    if (tok.kind === 'newline') {
      finish();
      continue;
    }
    if (tok.kind === 'space') {
      if (current.length > 0) pendingSpace = tok.piece;
      continue;
    }
    const sw: number = pendingSpace ? pendingSpace.width : 0;
    if (width + sw + tok.width <= maxWidth + EPSILON) {
      if (pendingSpace) current.push(pendingSpace);
      current.push(...tok.pieces);
      width += sw + tok.width;
      pendingSpace = null;
      continue;
    }
    if (tok.width <= maxWidth + EPSILON) {
      if (current.length > 0) finish();
      current.push(...tok.pieces);
      width = tok.width;
      continue;
    }
    // A word wider than a whole line: start it here if a useful amount of room is left.
    let room = maxWidth - width - sw;
    if (current.length > 0 && room < maxWidth * 0.25) {
      finish();
      room = maxWidth;
    } else if (current.length > 0 && pendingSpace) {
      current.push(pendingSpace);
      width += sw;
    }
    pendingSpace = null;
    const chunks = splitWord(tok.pieces, room, maxWidth, size, measure);
    chunks.forEach((chunk, n) => {
      if (n > 0) finish();
      current.push(...chunk);
      width += chunk.reduce((s, p) => s + p.width, 0);
    });
  }
  if (current.length > 0 || lines.length === 0 || tokens[tokens.length - 1]?.kind === 'newline') finish();
  return lines.map(toLine);
}

function toLine(pieces: Piece[]): Line {
  const fragments: Fragment[] = [];
  let x = 0;
  pieces.forEach((p, n) => {
    const tj = n === pieces.length - 1 ? (p.tjTrim ?? p.tj) : p.tj;
    const last = fragments[fragments.length - 1];
    if (last && last.face === p.face && last.color === p.color) {
      last.text += p.text;
      last.width += p.width;
      last.tj = last.tj === undefined || tj === undefined ? undefined : last.tj + tj;
    } else {
      fragments.push({ text: p.text, face: p.face, color: p.color, x, width: p.width, tj });
    }
    x += p.width;
  });
  return { fragments, width: x };
}

/**
 * How many of a paragraph's `total` remaining lines to set on the current page when `fitting`
 * lines fit there: never leave fewer than `orphans` lines at the foot of a page or carry fewer
 * than `widows` lines to the next. 0 means "move the whole rest to the next page". On an empty
 * page (`atTop`) the rule yields to what fits, since moving on would not help.
 */
export function linesToPlace(
  total: number,
  fitting: number,
  atTop: boolean,
  orphans = 2,
  widows = 2,
): number {
  if (fitting >= total) return total;
  if (fitting <= 0) return 0;
  const k = Math.min(fitting, total - widows);
  if (k >= orphans) return k;
  return atTop ? fitting : 0;
}
