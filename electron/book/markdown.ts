/**
 * Markdown written in the app, read exactly as the screen reads it: CommonMark, parsed by
 * mdast-util-from-markdown (micromark, the parser under react-markdown), then mapped onto what the
 * book can draw — paragraphs, headings and nested lists of bold / italic runs of literal text.
 * Links print as "label (url)", images as their alt text, code plainly; raw HTML is printed as the
 * text it is (as the screen shows it): nothing is ever interpreted, fetched or linked.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';

export interface InlineRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

export type MdBlock =
  | { type: 'paragraph'; runs: InlineRun[] }
  | { type: 'heading'; level: number; runs: InlineRun[] }
  | { type: 'list'; ordered: boolean; start: number; items: MdBlock[][] };

type Root = ReturnType<typeof fromMarkdown>;
type Node = Root | Root['children'][number];
type Definitions = ReadonlyMap<string, string>;

/** Parses Markdown source into blocks. The result may be shared (cached, frozen): never mutate it. */
export function parseMarkdown(source: string): MdBlock[] {
  const runs = runsWithoutParser(source);
  if (runs) return [{ type: 'paragraph', runs }];
  return cached(blockCache, source, () => blocksOf(fromMarkdown(source)));
}

/**
 * Parses inline Markdown (a table cell, a heading, a label) into styled runs: block syntax such as
 * `#` or `1.` stays text, and paragraphs are joined by a line break. Shared like `parseMarkdown`'s.
 */
export function parseInline(source: string): InlineRun[] {
  const runs = runsWithoutParser(source);
  if (runs) return runs;
  return cached(inlineCache, source, () => {
    const blocks = blocksOf(fromMarkdown(source, { extensions: [INLINE_ONLY] }));
    const joined = new Runs();
    blocks.forEach((b, n) => {
      if (n > 0) joined.push('\n', false, false);
      if (b.type !== 'list') for (const r of b.runs) joined.push(r.text, r.bold, r.italic);
    });
    return joined.list;
  });
}

/** The plain text of runs (for measuring and tests). */
export function runsText(runs: readonly InlineRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** micromark's constructs for blocks, switched off to read a string as inline content only. */
const INLINE_ONLY = {
  disable: {
    null: [
      'blockQuote',
      'codeFenced',
      'codeIndented',
      'definition',
      'headingAtx',
      'htmlFlow',
      'list',
      'setextUnderline',
      'thematicBreak',
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// Readings certain without the parser

/*
 * Strings whose CommonMark reading is certain without running the parser: one line of text, with at
 * most whole words in **strong** or *emphasis* (`*` or `_`), and nothing else that Markdown reads.
 * That is most of what a book prints — names, dates, table cells, sentences with a bold word — and
 * micromark costs about 35 µs a call plus 0.2 µs a character. A property test checks these
 * readings against the parser (tests/unit/book/markdown.test.ts).
 */

/** Characters that may start an inline construct other than emphasis, or a line ending. */
const OTHER_SYNTAX = /[\\`[\]<>&\n\r\0]/;
/** What may start a block on a single line (indentation, `#`, `-`, `+`, `=`, `~`, `>`, `1.`, `1)`), or trailing space. */
const BLOCK_START = /^(?:[\s#\-+=~>]|\d+[.)])|\s$/;
const DELIMITERS = /[*_]+/g;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** What may follow a closing delimiter here: nothing, a space, or closing punctuation. */
const AFTER_CLOSER = new Set(['', ' ', '.', ',', ';', ':', '!', '?', ')']);

/**
 * The runs CommonMark reads from `source`, or null when that needs the parser. A delimiter here
 * opens after the start or a space and before a letter or digit (so it is left-flanking only), and
 * closes after a letter or digit before a space, the end or punctuation (right-flanking only); they
 * alternate, each closer the same as its opener, one character (emphasis) or two (strong) long.
 * Then no delimiter lies between a pair and none can both open and close, so CommonMark's
 * delimiter algorithm pairs them exactly so.
 */
export function runsWithoutParser(source: string): InlineRun[] | null {
  if (source === '' || OTHER_SYNTAX.test(source) || BLOCK_START.test(source)) return null;
  const runs: InlineRun[] = [];
  let at = 0; // end of the text already in runs
  let opener: { delimiter: string; end: number } | null = null;
  for (const m of source.matchAll(DELIMITERS)) {
    const delimiter = m[0];
    const start = m.index;
    const end = start + delimiter.length;
    const before = source[start - 1] ?? '';
    const after = source[end] ?? '';
    if (opener === null) {
      const usable = delimiter === '*' || delimiter === '_' || delimiter === '**' || delimiter === '__';
      if (!usable || (before !== '' && before !== ' ') || !WORD_CHAR.test(after)) return null;
      if (start > at) runs.push({ text: source.slice(at, start), bold: false, italic: false });
      opener = { delimiter, end };
    } else {
      if (delimiter !== opener.delimiter || !WORD_CHAR.test(before) || !AFTER_CLOSER.has(after)) return null;
      const strong = delimiter.length === 2;
      runs.push({ text: source.slice(opener.end, start), bold: strong, italic: !strong });
      opener = null;
    }
    at = end;
  }
  if (opener !== null) return null;
  if (at < source.length) runs.push({ text: source.slice(at), bold: false, italic: false });
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Parsed results, kept per source string

/**
 * A book prints the same notes and paragraphs again and again (previews, reprints, several
 * copies), and micromark reads about 5 MB/s: results are kept, least recently used first out,
 * up to this many characters of source per cache.
 */
const CACHE_CHARS = 4_000_000;

interface Cache<T> {
  map: Map<string, T>;
  chars: number;
}

const blockCache: Cache<MdBlock[]> = { map: new Map(), chars: 0 };
const inlineCache: Cache<InlineRun[]> = { map: new Map(), chars: 0 };

function cached<T extends object>(cache: Cache<T>, source: string, parse: () => T): T {
  const hit = cache.map.get(source);
  if (hit !== undefined) {
    cache.map.delete(source); // and set again: the map's order is least recently used first
    cache.map.set(source, hit);
    return hit;
  }
  const value = deepFreeze(parse());
  if (source.length > CACHE_CHARS) return value;
  cache.map.set(source, value);
  cache.chars += source.length;
  for (const key of cache.map.keys()) {
    if (cache.chars <= CACHE_CHARS) break;
    cache.map.delete(key);
    cache.chars -= key.length;
  }
  return value;
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v as object);
  return Object.freeze(value);
}

// ---------------------------------------------------------------------------------------------
// mdast → blocks

const plainRun = (text: string): InlineRun => ({ text, bold: false, italic: false });

/** Thematic breaks print as a row of asterisks, the typewriter's section break (no rule block yet). */
const THEMATIC_BREAK = '* * *';

function blocksOf(root: Root): MdBlock[] {
  const definitions = new Map<string, string>();
  collectDefinitions(root, definitions);
  const out: MdBlock[] = [];
  for (const child of root.children) pushBlock(child, definitions, out);
  return out;
}

function collectDefinitions(node: Node, out: Map<string, string>): void {
  // The first definition of a label wins, as in CommonMark.
  if (node.type === 'definition' && !out.has(node.identifier)) out.set(node.identifier, node.url);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, out);
}

function pushBlock(node: Node, defs: Definitions, out: MdBlock[]): void {
  switch (node.type) {
    case 'paragraph': {
      const runs = inlineRuns(node.children, defs);
      if (runs.length > 0) out.push({ type: 'paragraph', runs });
      return;
    }
    case 'heading': {
      const runs = inlineRuns(node.children, defs);
      if (runs.length > 0) out.push({ type: 'heading', level: node.depth, runs });
      return;
    }
    case 'list':
      out.push({
        type: 'list',
        ordered: node.ordered === true,
        start: node.start ?? 1,
        items: node.children.map((item) => {
          const blocks: MdBlock[] = [];
          for (const child of item.children) pushBlock(child, defs, blocks);
          return blocks;
        }),
      });
      return;
    case 'blockquote':
      // No quote box in the book yet: its blocks print in line with the text around it.
      for (const child of node.children) pushBlock(child, defs, out);
      return;
    case 'code':
      // Line by line, as written (the book's font is the text face).
      if (node.value !== '') out.push({ type: 'paragraph', runs: [plainRun(node.value)] });
      return;
    case 'html':
      // As the screen shows it: the source as text, its line endings flowing like spaces.
      out.push({ type: 'paragraph', runs: [plainRun(softBreaks(node.value))] });
      return;
    case 'thematicBreak':
      out.push({ type: 'paragraph', runs: [plainRun(THEMATIC_BREAK)] });
      return;
    default:
      // Definitions print nothing; other nodes only occur inside the blocks above.
      return;
  }
}

/** Soft line breaks (and the line endings inside raw HTML) print as spaces. */
const softBreaks = (text: string): string => text.replace(/\r\n?|\n/g, ' ');

/** Runs under construction: adjacent runs of the same style are merged, empty ones dropped. */
class Runs {
  readonly list: InlineRun[] = [];

  push(text: string, bold: boolean, italic: boolean): void {
    if (!text) return;
    const last = this.list[this.list.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += text;
    else this.list.push({ text, bold, italic });
  }
}

function inlineRuns(nodes: readonly Node[], defs: Definitions): InlineRun[] {
  const runs = new Runs();
  for (const node of nodes) pushInline(node, defs, runs, false, false);
  return runs.list;
}

function pushInline(node: Node, defs: Definitions, runs: Runs, bold: boolean, italic: boolean): void {
  const children = (nodes: readonly Node[], b = bold, i = italic): void => {
    for (const child of nodes) pushInline(child, defs, runs, b, i);
  };
  switch (node.type) {
    case 'text':
      return runs.push(softBreaks(node.value), bold, italic);
    case 'emphasis':
      return children(node.children, bold, true);
    case 'strong':
      return children(node.children, true, italic);
    case 'inlineCode':
      return runs.push(node.value, bold, italic);
    case 'break':
      return runs.push('\n', bold, italic);
    case 'html':
      return runs.push(softBreaks(node.value), bold, italic);
    case 'image':
      return runs.push(node.alt ?? '', bold, italic);
    case 'imageReference':
      return runs.push(node.alt ?? '', bold, italic);
    case 'link':
      children(node.children);
      return pushUrl(node.url, node.children, runs, bold, italic);
    case 'linkReference':
      children(node.children);
      return pushUrl(defs.get(node.identifier) ?? '', node.children, runs, bold, italic);
    default:
      return;
  }
}

/** A link's target after its label, unless it says nothing more (`<https://x.org>`, an e-mail). */
function pushUrl(url: string, label: readonly Node[], runs: Runs, bold: boolean, italic: boolean): void {
  const text = label.map(plainTextOf).join('');
  if (url === '' || url === text || url === `mailto:${text}`) return;
  runs.push(` (${url})`, bold, italic);
}

function plainTextOf(node: Node): string {
  if ('value' in node) return node.value;
  if ('children' in node) return node.children.map(plainTextOf).join('');
  return node.type === 'image' || node.type === 'imageReference' ? (node.alt ?? '') : '';
}
