/**
 * A small, safe Markdown subset for text written in the app: paragraphs, `#` headings, bullet and
 * numbered lists (nested by indentation), **bold**, *italic* (also with `_`), `code` (printed
 * plainly), backslash escapes, hard line breaks, and links `[label](url)` printed as "label (url)".
 * Everything else — raw HTML above all — is kept as literal text: nothing is ever interpreted,
 * fetched or linked.
 */

export interface InlineRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

export type MdBlock =
  | { type: 'paragraph'; runs: InlineRun[] }
  | { type: 'heading'; level: number; runs: InlineRun[] }
  | { type: 'list'; ordered: boolean; start: number; items: MdBlock[][] };

// ---------------------------------------------------------------------------------------------
// Blocks

interface Marker {
  indent: number;
  ordered: boolean;
  number: number;
  /** Column where the item's content starts. */
  contentOffset: number;
  content: string;
}

const MARKER = /^( *)([-*+]|\d{1,9}[.)])(?:( +)(.*))?$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

function listMarker(line: string): Marker | null {
  const m = MARKER.exec(line);
  if (!m) return null;
  const indent = m[1]!.length;
  const marker = m[2]!;
  const spaces = m[3]?.length ?? 1;
  const ordered = /\d/.test(marker[0]!);
  return {
    indent,
    ordered,
    number: ordered ? parseInt(marker, 10) : 1,
    contentOffset: indent + marker.length + (spaces > 4 ? 1 : spaces),
    content: spaces > 4 ? ' '.repeat(spaces - 1) + (m[4] ?? '') : (m[4] ?? ''),
  };
}

const isBlank = (line: string): boolean => line.trim() === '';
const indentOf = (line: string): number => line.length - line.trimStart().length;

function dedent(line: string, n: number): string {
  return line.slice(Math.min(n, indentOf(line)));
}

/** Parses Markdown source into blocks (see the module comment for the subset). */
export function parseMarkdown(source: string): MdBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  return parseBlocks(lines);
}

function parseBlocks(lines: string[]): MdBlock[] {
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length, runs: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    const marker = listMarker(line);
    if (marker) {
      i = parseList(lines, i, marker, blocks);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i]!;
      if (isBlank(l) || (para.length > 0 && (listMarker(l) || HEADING.test(l)))) break;
      para.push(l);
      i++;
    }
    blocks.push({ type: 'paragraph', runs: parseInline(joinParagraph(para)) });
  }
  return blocks;
}

/** Joins a paragraph's lines: soft breaks become spaces; two trailing spaces or `\` force a break. */
function joinParagraph(lines: string[]): string {
  let out = '';
  lines.forEach((raw, n) => {
    const last = n === lines.length - 1;
    let line = raw.trim();
    if (!last && / {2,}$/.test(raw)) {
      out += line + '\n';
      return;
    }
    if (!last && line.endsWith('\\') && !line.endsWith('\\\\')) {
      line = line.slice(0, -1);
      out += line + '\n';
      return;
    }
    out += line + (last ? '' : ' ');
  });
  return out;
}

function parseList(lines: string[], start: number, first: Marker, out: MdBlock[]): number {
  const items: MdBlock[][] = [];
  let i = start;
  let marker: Marker | null = first;
  while (marker && marker.ordered === first.ordered && marker.indent < first.contentOffset) {
    const content: string[] = [marker.content];
    const offset = marker.contentOffset;
    i++;
    let next: Marker | null = null;
    while (i < lines.length) {
      const l = lines[i]!;
      if (isBlank(l)) {
        let j = i + 1;
        while (j < lines.length && isBlank(lines[j]!)) j++;
        if (j < lines.length && indentOf(lines[j]!) >= offset) {
          for (; i < j; i++) content.push('');
          continue;
        }
        const sibling = j < lines.length ? listMarker(lines[j]!) : null;
        if (sibling && sibling.indent < offset) {
          i = j;
          next = sibling;
        }
        break;
      }
      if (indentOf(l) >= offset) {
        content.push(dedent(l, offset));
        i++;
        continue;
      }
      const m = listMarker(l);
      if (m) {
        next = m;
        break;
      }
      if (HEADING.test(l)) break;
      content.push(l.trim()); // lazy continuation of the item's paragraph
      i++;
    }
    items.push(parseBlocks(content));
    marker = next && next.indent < first.contentOffset ? next : null;
    if (next && !marker) break;
  }
  out.push({ type: 'list', ordered: first.ordered, start: first.number, items });
  return i;
}

// ---------------------------------------------------------------------------------------------
// Inlines

type Token =
  | { kind: 'text'; text: string; bold: number; italic: number }
  | { kind: 'runs'; runs: InlineRun[]; bold: number; italic: number }
  | {
      kind: 'delim';
      ch: '*' | '_';
      count: number;
      canOpen: boolean;
      canClose: boolean;
      bold: number;
      italic: number;
    };

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** Parses inline Markdown into styled runs of literal text. */
export function parseInline(source: string): InlineRun[] {
  const tokens = tokenize(source);
  processEmphasis(tokens);
  return flatten(tokens);
}

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const pushText = (): void => {
    if (text) tokens.push({ kind: 'text', text, bold: 0, italic: 0 });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && ESCAPABLE.test(s[i + 1]!)) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (s[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      const close = findCodeClose(s, i + n, fence);
      if (close >= 0) {
        let code = s.slice(i + n, close).replace(/\n/g, ' ');
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1);
        text += code;
        i = close + n;
      } else {
        text += fence;
        i += n;
      }
      continue;
    }
    if (c === '[' || (c === '!' && s[i + 1] === '[')) {
      const link = matchLink(s, c === '!' ? i + 1 : i);
      if (link) {
        pushText();
        tokens.push({ kind: 'runs', runs: parseInline(link.label), bold: 0, italic: 0 });
        const url = link.url.trim();
        const labelText = link.label.trim();
        if (url && url !== labelText) text += ` (${url})`;
        i = link.end;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      let n = 1;
      while (s[i + n] === c) n++;
      const before = i === 0 ? ' ' : s[i - 1]!;
      const after = i + n >= s.length ? ' ' : s[i + n]!;
      const left = !SPACE.test(after) && (!PUNCT.test(after) || SPACE.test(before) || PUNCT.test(before));
      const right = !SPACE.test(before) && (!PUNCT.test(before) || SPACE.test(after) || PUNCT.test(after));
      const canOpen = c === '*' ? left : left && (!right || PUNCT.test(before));
      const canClose = c === '*' ? right : right && (!left || PUNCT.test(after));
      pushText();
      tokens.push({ kind: 'delim', ch: c, count: n, canOpen, canClose, bold: 0, italic: 0 });
      i += n;
      continue;
    }
    text += c;
    i++;
  }
  pushText();
  return tokens;
}

function findCodeClose(s: string, from: number, fence: string): number {
  let at = s.indexOf(fence, from);
  while (at >= 0) {
    if (s[at + fence.length] !== '`' && s[at - 1] !== '`') return at;
    at = s.indexOf(fence, at + 1);
  }
  return -1;
}

/** `[label](url "title")` starting at `start` (the `[`); nested brackets allowed in the label. */
function matchLink(s: string, start: number): { label: string; url: string; end: number } | null {
  let depth = 0;
  let i = start;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']' && --depth === 0) break;
  }
  if (i >= s.length || s[i + 1] !== '(') return null;
  const labelEnd = i;
  let parens = 0;
  let j = i + 2;
  for (; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '(') parens++;
    else if (c === ')') {
      if (parens === 0) break;
      parens--;
    }
  }
  if (j >= s.length) return null;
  let url = s.slice(labelEnd + 2, j).trim();
  const titled = /^(\S*)\s+(?:"[^"]*"|'[^']*')$/.exec(url);
  if (titled) url = titled[1]!;
  if (url.startsWith('<') && url.endsWith('>')) url = url.slice(1, -1);
  return { label: s.slice(start + 1, labelEnd), url, end: j + 1 };
}

function processEmphasis(tokens: Token[]): void {
  for (let c = 0; c < tokens.length; c++) {
    const closer = tokens[c]!;
    if (closer.kind !== 'delim' || !closer.canClose) continue;
    while (closer.count > 0) {
      let o = c - 1;
      for (; o >= 0; o--) {
        const t = tokens[o]!;
        if (t.kind === 'delim' && t.ch === closer.ch && t.canOpen && t.count > 0) break;
      }
      if (o < 0) break;
      const opener = tokens[o] as Extract<Token, { kind: 'delim' }>;
      const use = closer.count >= 2 && opener.count >= 2 ? 2 : 1;
      for (let k = o + 1; k < c; k++) {
        const t = tokens[k]!;
        if (use === 2) t.bold++;
        else t.italic++;
        // Delimiters inside a matched pair can no longer match outside it.
        if (t.kind === 'delim') t.canOpen = t.canClose = false;
      }
      opener.count -= use;
      closer.count -= use;
    }
  }
}

function flatten(tokens: Token[]): InlineRun[] {
  const runs: InlineRun[] = [];
  const push = (text: string, bold: boolean, italic: boolean): void => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += text;
    else runs.push({ text, bold, italic });
  };
  for (const t of tokens) {
    const bold = t.bold > 0;
    const italic = t.italic > 0;
    if (t.kind === 'text') push(t.text, bold, italic);
    else if (t.kind === 'delim') push(t.ch.repeat(t.count), bold, italic);
    else for (const r of t.runs) push(r.text, r.bold || bold, r.italic || italic);
  }
  return runs;
}

/** The plain text of runs (for measuring and tests). */
export function runsText(runs: readonly InlineRun[]): string {
  return runs.map((r) => r.text).join('');
}
