/**
 * Reads a PDF back the way a reader's viewer does (pdfjs-dist): page sizes, text with positions
 * and sizes, link annotations with the page they jump to, the outline (bookmarks), the document's
 * title and the fonts it uses. Pure JavaScript, so the tests need no system PDF tool (poppler).
 */
import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextItem {
  str: string;
  /** Left edge, from the left of the page. */
  x: number;
  /** Baseline, from the TOP of the page (like the renderer's coordinates). */
  y: number;
  width: number;
  size: number;
}

export interface PageRead {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  /** All text of the page, items joined by spaces. */
  text: string;
  links: { rect: [number, number, number, number]; targetPage: number | null }[];
}

export interface PdfRead {
  numPages: number;
  /** The document information dictionary's Title, if any. */
  title: string | undefined;
  pages: PageRead[];
  /** Bookmarks, top level first; `children` are the entries beneath one. */
  outline: OutlineRead[];
}

export interface OutlineRead {
  title: string;
  page: number | null;
  children: OutlineRead[];
}

/** A font the pages use, as pdffonts would list it. */
export interface FontRead {
  /** The PostScript name as written in the file, subset tag included (e.g. `ABCDEF+NotoSans-Bold`). */
  name: string;
  /** The font program is in the file (not left to the reader's system fonts). */
  embedded: boolean;
  /** A Type 3 font (glyphs drawn by PDF operators) rather than a font program. */
  type3: boolean;
}

type Dest = string | unknown[] | null;

/** `fontExtraProperties` keeps each font's program (`data`) on the loaded font, to tell it is embedded. */
const open = (bytes: Uint8Array, fontExtraProperties = false, password?: string) =>
  getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    fontExtraProperties,
    ...(password ? { password } : {}),
  }).promise;

/** Reads a PDF from bytes, or from a file given its path. */
export async function readPdf(source: Uint8Array | string): Promise<PdfRead> {
  const doc = await open(typeof source === 'string' ? readFileSync(source) : source);
  const pageOfDest = async (dest: Dest): Promise<number | null> => {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    if (!explicit || !Array.isArray(explicit) || explicit.length === 0) return null;
    const ref = explicit[0] as { num: number; gen: number } | number;
    return typeof ref === 'number' ? ref + 1 : (await doc.getPageIndex(ref)) + 1;
  };
  const pages: PageRead[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const height = y1 - y0;
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str.trim() === '') continue;
      const [a, , , d, e, f] = it.transform as number[];
      items.push({ str: it.str, x: e!, y: height - f!, width: it.width, size: Math.abs(d! || a!) });
    }
    const annotations = (await page.getAnnotations()) as { subtype: string; dest?: Dest; rect: number[] }[];
    const links: PageRead['links'] = [];
    for (const a of annotations) {
      if (a.subtype !== 'Link') continue;
      const [ax0, ay0, ax1, ay1] = a.rect as [number, number, number, number];
      // Rect converted to top-left coordinates: [left, top, right, bottom].
      links.push({
        rect: [ax0, height - ay1, ax1, height - ay0],
        targetPage: await pageOfDest(a.dest ?? null),
      });
    }
    pages.push({
      number: n,
      width: x1 - x0,
      height,
      items,
      text: items.map((i) => i.str).join(' '),
      links,
    });
  }
  type Item = { title: string; dest: unknown; items: Item[] };
  const readOutline = async (items: readonly Item[]): Promise<OutlineRead[]> => {
    const read: OutlineRead[] = [];
    for (const item of items) {
      read.push({
        title: item.title,
        page: await pageOfDest(item.dest as Dest),
        children: await readOutline(item.items),
      });
    }
    return read;
  };
  const outline = await readOutline(((await doc.getOutline()) ?? []) as Item[]);
  const { info } = (await doc.getMetadata()) as { info: { Title?: unknown } };
  const title = typeof info.Title === 'string' ? info.Title : undefined;
  await doc.destroy();
  return { numPages: doc.numPages, title, pages, outline };
}

/** Every font any page selects (as pdffonts lists them), by the name written in the file. */
export async function fontsOf(source: Uint8Array | string): Promise<FontRead[]> {
  const doc = await open(typeof source === 'string' ? readFileSync(source) : source, true);
  const fonts = new Map<string, FontRead>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== OPS.setFont) continue;
      const id = (ops.argsArray[i] as [string])[0];
      // The font as the worker loaded it: its name from the file, its program (`data`) when embedded.
      const font = page.commonObjs.get(id) as {
        name: string;
        missingFile?: boolean;
        data?: Uint8Array;
        isType3Font?: boolean;
      };
      fonts.set(font.name, {
        name: font.name,
        embedded: !font.missingFile && (font.data?.length ?? 0) > 0,
        type3: font.isType3Font === true,
      });
    }
  }
  await doc.destroy();
  return [...fonts.values()];
}

/** Text items grouped into visual lines (same baseline), left to right, top to bottom. */
export function linesOf(page: PageRead): TextItem[][] {
  const sorted = [...page.items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - item.y) < 1) line.push(item);
    else lines.push([item]);
  }
  return lines;
}

/**
 * A page's text laid out as a reader sees it (like `pdftotext -layout`): its lines top to bottom,
 * each line's items left to right joined by a space, lines joined by a newline.
 */
export function layoutText(page: PageRead): string {
  return linesOf(page)
    .map((line) => line.map((i) => i.str).join(' '))
    .join('\n');
}

/** Text items reaching outside [left, right] horizontally or outside the page vertically. */
export function textOutsideBox(page: PageRead, left: number, right: number): string[] {
  return page.items
    .filter((i) => i.x < left - 0.5 || i.x + i.width > right + 0.5 || i.y < 0 || i.y > page.height)
    .map((i) => `${i.str.slice(0, 30)}@${i.x.toFixed(1)}+${i.width.toFixed(1)}`);
}

/** The contents as printed: each line's title and page number, with the line's vertical span. */
export function contentsEntries(
  pdf: PdfRead,
  contentsTitle: string,
): { title: string; page: number; top: number; bottom: number; on: number }[] {
  const first = pdf.pages.find((p) => p.items.some((i) => i.str === contentsTitle && i.size >= 14));
  if (!first) throw new Error('no contents page');
  const firstSection = Math.min(
    ...pdf.pages
      .filter((p) => p.number > first.number && p.items.some((i) => i.size >= 14))
      .map((p) => p.number),
  );
  const entries: { title: string; page: number; top: number; bottom: number; on: number }[] = [];
  for (const page of pdf.pages.filter((p) => p.number >= first.number && p.number < firstSection)) {
    for (const line of linesOf(page)) {
      const last = line[line.length - 1]!;
      if (line.length < 2 || !/^\d+$/.test(last.str) || line[0]!.y > page.height - 80 || line[0]!.y < 80)
        continue;
      const words = line.slice(0, -1).map((i) => i.str);
      if (/^([0-9]+|[A-Z])$/.test(words[0]!)) words.shift();
      entries.push({
        title: words.join(' '),
        page: Number(last.str),
        top: last.y - last.size,
        bottom: last.y + 4,
        on: page.number,
      });
    }
  }
  return entries;
}

/** A filled or stroked path's bounding box, in top-left coordinates like the text items'. */
export interface PathRead {
  page: number;
  paint: 'fill' | 'stroke' | 'other';
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Every path drawn on each page (rectangles, rules), by its bounding box, as pdf.js builds them. */
export async function pathsOf(source: Uint8Array | string): Promise<PathRead[]> {
  const doc = await open(typeof source === 'string' ? readFileSync(source) : source);
  const paths: PathRead[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList();
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== OPS.constructPath) continue;
      // [paint operator, path data, bounding box]; the book draws in pdfkit's top-left coordinates.
      const [paint, , box] = ops.argsArray[i] as [number, unknown, ArrayLike<number> | null];
      if (!box) continue;
      paths.push({
        page: n,
        paint: paint === OPS.fill ? 'fill' : paint === OPS.stroke ? 'stroke' : 'other',
        left: box[0]!,
        top: box[1]!,
        right: box[2]!,
        bottom: box[3]!,
      });
    }
  }
  await doc.destroy();
  return paths;
}

/** A structure element as a screen reader meets it: its type, its own text, its children in reading order. */
export interface StructRead {
  role: string;
  /** The text of its marked content on this page (its children's not included). */
  text: string;
  alt?: string;
  lang?: string;
  children: StructRead[];
}

/** How a page's text items are marked: within a structure element's content (by id), an artifact, or not at all. */
export interface MarkedText {
  str: string;
  /** The marked-content id pdf.js gives it (`p12R_mc3`), when it is an element's content. */
  id?: string;
  artifact: boolean;
}

export interface TaggedRead {
  /** The catalog's /Lang. */
  lang: string | undefined;
  /** Per page, its structure tree (the elements with content there) and how each text item is marked. */
  pages: { number: number; tree: StructRead | null; texts: MarkedText[] }[];
}

interface PdfjsStructNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: PdfjsStructNode[];
}

/** The tagged structure of a PDF, read through pdf.js (getStructTree, and marked content in the text). */
export async function readTagged(source: Uint8Array, password?: string): Promise<TaggedRead> {
  const doc = await open(source, false, password);
  const { info } = (await doc.getMetadata()) as { info: { Language?: unknown } };
  const pages: TaggedRead['pages'] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const texts: MarkedText[] = [];
    const byId = new Map<string, string[]>();
    const open: { id?: string; artifact: boolean }[] = [];
    for (const item of content.items as {
      type?: string;
      tag?: string;
      id?: string;
      str?: string;
    }[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
        open.push({ id: item.id ?? undefined, artifact: item.tag === 'Artifact' });
      } else if (item.type === 'endMarkedContent') {
        open.pop();
      } else if (typeof item.str === 'string' && item.str.trim() !== '') {
        const id = [...open].reverse().find((o) => o.id)?.id;
        texts.push({ str: item.str, id, artifact: open.some((o) => o.artifact) });
        if (id) byId.set(id, [...(byId.get(id) ?? []), item.str]);
      }
    }
    const toRead = (node: PdfjsStructNode): StructRead => {
      const kids = node.children ?? [];
      const read: StructRead = {
        role: node.role ?? '',
        text: kids
          .filter((k) => k.type === 'content' && k.id)
          .map((k) => (byId.get(k.id!) ?? []).join(' '))
          .join(' ')
          .trim(),
        children: kids.filter((k) => k.role).map(toRead),
      };
      if (node.alt) read.alt = node.alt;
      if (node.lang) read.lang = node.lang;
      return read;
    };
    const tree = (await page.getStructTree()) as PdfjsStructNode | null;
    pages.push({ number: n, tree: tree ? toRead(tree) : null, texts });
  }
  await doc.destroy();
  return { lang: typeof info.Language === 'string' ? info.Language : undefined, pages };
}

/** The elements of a tree in reading order (depth first), the tree's root left out. */
export function elementsOf(tree: StructRead | null): StructRead[] {
  if (!tree) return [];
  return tree.children.flatMap((child) => [child, ...elementsOf(child)]);
}

/** All text of an element, its descendants' included. */
export function textOf(element: StructRead): string {
  return [element.text, ...element.children.map(textOf)].filter(Boolean).join(' ');
}
