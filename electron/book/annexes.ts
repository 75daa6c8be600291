/**
 * Documents printed into the book as annexes: what each file can become before anything is laid out, so
 * the contents, the outline and "Página X de Y" know every annex page in advance.
 *
 * A PDF becomes its pages (merged later as vector drawings by annex-merge.ts), a PNG or JPEG one page, and
 * anything else — another format, a damaged or password-protected PDF, an image too large to draw — one
 * placeholder page that says what the file is and why it is not printed. Every byte is hostile: each file is
 * opened inside try/catch, its outline is read with limits, and nothing here throws for a bad file.
 *
 * PDFs are read with @cantoo/pdf-lib (the maintained fork of pdf-lib, MIT): it parses objects linearly, so
 * broken cross-reference tables and incremental updates load as a reader shows them; it reads object streams,
 * and it decrypts files whose user password is empty (encryption that only restricts, common in ministries).
 */
import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFObject,
} from '@cantoo/pdf-lib';
import PDFKitDocument from 'pdfkit';
import type { BookAnnex, UnprintedReason } from './model.js';

/** A PDF page's visible box (its CropBox, in its own user space) and how the reader turns it. */
export interface SourcePage {
  x: number;
  y: number;
  width: number;
  height: number;
  /** 0, 90, 180 or 270: clockwise, as /Rotate says. */
  rotate: number;
}

/** An entry of the document's own outline, with the 0-based page of the document it opens. */
export interface OwnOutlineEntry {
  title: string;
  page: number;
  children: OwnOutlineEntry[];
}

export type AnnexPrint =
  | { as: 'pdf'; pdf: PDFDocument; pages: SourcePage[]; outline: OwnOutlineEntry[] }
  | { as: 'image'; image: Buffer; width: number; height: number }
  | { as: 'placeholder'; reason: UnprintedReason };

export interface PreparedAnnex {
  annex: BookAnnex;
  print: AnnexPrint;
}

/** Pages an annex adds to the book. */
export const annexPageCount = (a: PreparedAnnex): number => (a.print.as === 'pdf' ? a.print.pages.length : 1);

/** An image is drawn whole, so its pixels bound the memory a book needs: beyond this, a placeholder. */
const MAX_IMAGE_PIXELS = 60_000_000;
/** A document's own outline is kept to this many entries and this depth (a hostile file may loop). */
const MAX_OUTLINE_ENTRIES = 500;
const MAX_OUTLINE_DEPTH = 4;

const PDF_MAGIC = Buffer.from('%PDF-');

export async function prepareAnnex(annex: BookAnnex): Promise<PreparedAnnex> {
  return { annex, print: await printOf(annex) };
}

async function printOf(annex: BookAnnex): Promise<AnnexPrint> {
  if (annex.damaged) return { as: 'placeholder', reason: 'damaged' };
  if (!annex.content) return { as: 'placeholder', reason: 'missing' };
  const bytes = Buffer.from(annex.content.buffer, annex.content.byteOffset, annex.content.byteLength);
  if (annex.mediaType === 'application/pdf' || bytes.subarray(0, 1024).includes(PDF_MAGIC)) {
    return pdfPrint(bytes);
  }
  if (annex.mediaType === 'image/png' || annex.mediaType === 'image/jpeg') return imagePrint(bytes);
  return { as: 'placeholder', reason: 'format' };
}

async function pdfPrint(bytes: Buffer): Promise<AnnexPrint> {
  let pdf: PDFDocument;
  try {
    // An empty user password opens files that are encrypted only to restrict what a reader may do.
    pdf = await PDFDocument.load(bytes, {
      updateMetadata: false,
      // pdf-lib otherwise sleeps a timer tick every 100 objects; the book runs in its own job thread.
      parseSpeed: ParseSpeeds.Fastest,
      password: '',
      throwOnInvalidObject: false,
      warnOnInvalidObjects: false,
    });
  } catch (error) {
    return { as: 'placeholder', reason: isPasswordError(error) ? 'encrypted' : 'damaged' };
  }
  try {
    if (pdf.isEncrypted) return { as: 'placeholder', reason: 'encrypted' };
    const pages = pdf.getPages().map((page): SourcePage => {
      const box = page.getCropBox();
      const rotate = (((page.getRotation().angle % 360) + 360) % 360) as number;
      if (
        ![box.x, box.y, box.width, box.height].every(Number.isFinite) ||
        box.width <= 0 ||
        box.height <= 0
      ) {
        throw new Error('a page without a visible area');
      }
      return { x: box.x, y: box.y, width: box.width, height: box.height, rotate: rotate - (rotate % 90) };
    });
    if (pages.length === 0) return { as: 'placeholder', reason: 'empty' };
    return { as: 'pdf', pdf, pages, outline: ownOutline(pdf) };
  } catch {
    return { as: 'placeholder', reason: 'damaged' };
  }
}

function isPasswordError(error: unknown): boolean {
  const text = `${(error as Error)?.name ?? ''} ${(error as Error)?.message ?? ''}`;
  return /encrypt|password/i.test(text);
}

function imagePrint(bytes: Buffer): AnnexPrint {
  try {
    // pdfkit reads the header (size, colour type) the same way it will when it draws the image.
    const opener = new PDFKitDocument({ autoFirstPage: false }) as unknown as {
      openImage(src: Buffer): { width: number; height: number };
    };
    const image = opener.openImage(bytes);
    const { width, height } = image;
    if (!(width > 0 && height > 0)) return { as: 'placeholder', reason: 'damaged' };
    if (width * height > MAX_IMAGE_PIXELS) return { as: 'placeholder', reason: 'imageTooLarge' };
    return { as: 'image', image: bytes, width, height };
  } catch {
    return { as: 'placeholder', reason: 'damaged' };
  }
}

/** The document's own outline (bookmarks), each entry with the page it opens; entries without one are left out. */
function ownOutline(pdf: PDFDocument): OwnOutlineEntry[] {
  try {
    const pageIndex = new Map(pdf.getPages().map((p, i) => [refKey(p.ref), i]));
    const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
    if (!outlines) return [];
    const seen = new Set<PDFDict>();
    let budget = MAX_OUTLINE_ENTRIES;
    const read = (first: PDFObject | undefined, depth: number): OwnOutlineEntry[] => {
      const entries: OwnOutlineEntry[] = [];
      let item = first ? pdf.context.lookup(first) : undefined;
      while (item instanceof PDFDict && !seen.has(item) && budget > 0) {
        seen.add(item);
        budget--;
        const title = textOf(item.get(PDFName.of('Title')));
        const page = destPage(pdf, item, pageIndex);
        const children = depth < MAX_OUTLINE_DEPTH ? read(item.get(PDFName.of('First')), depth + 1) : [];
        if (title && page !== undefined) entries.push({ title, page, children });
        else entries.push(...children);
        item = pdf.context.lookup(item.get(PDFName.of('Next')));
      }
      return entries;
    };
    return read(outlines.get(PDFName.of('First')), 1);
  } catch {
    return [];
  }
}

const refKey = (ref: PDFRef): string => `${ref.objectNumber} ${ref.generationNumber}`;

function textOf(value: PDFObject | undefined): string {
  if (value instanceof PDFString || value instanceof PDFHexString) {
    // Control characters (a hostile title may hold any) print as spaces.
    const shown = Array.from(value.decodeText(), (c) => (c.charCodeAt(0) < 32 || c === '\u007f' ? ' ' : c));
    return shown.join('').replace(/\s+/g, ' ').trim().slice(0, 300);
  }
  return '';
}

/** The page an outline item opens: its /Dest, or its GoTo action's /D, explicit or named. */
function destPage(pdf: PDFDocument, item: PDFDict, pageIndex: Map<string, number>): number | undefined {
  let dest = item.get(PDFName.of('Dest'));
  if (!dest) {
    const action = pdf.context.lookup(item.get(PDFName.of('A')));
    if (action instanceof PDFDict && action.get(PDFName.of('S')) === PDFName.of('GoTo')) {
      dest = action.get(PDFName.of('D'));
    }
  }
  let resolved = pdf.context.lookup(dest);
  if (resolved instanceof PDFName || resolved instanceof PDFString || resolved instanceof PDFHexString) {
    resolved = namedDest(pdf, resolved);
  }
  if (resolved instanceof PDFDict) resolved = pdf.context.lookup(resolved.get(PDFName.of('D')));
  if (!(resolved instanceof PDFArray) || resolved.size() === 0) return undefined;
  const target = resolved.get(0);
  if (target instanceof PDFRef) return pageIndex.get(refKey(target));
  // Some writers name the page by its number (remote-style destinations).
  if (target instanceof PDFNumber) {
    const n = target.asNumber();
    return Number.isInteger(n) && n >= 0 && n < pageIndex.size ? n : undefined;
  }
  return undefined;
}

/** A named destination: the catalog's /Dests dictionary (PDF 1.1) or the /Names tree's /Dests (PDF 1.2+). */
function namedDest(pdf: PDFDocument, name: PDFName | PDFString | PDFHexString): PDFObject | undefined {
  const key = name instanceof PDFName ? name.decodeText() : name.decodeText();
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const old = dests?.get(PDFName.of(key));
  if (old) return pdf.context.lookup(old);
  const names = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names ? pdf.context.lookup(names.get(PDFName.of('Dests'))) : undefined;
  let visits = 0;
  const search = (node: PDFObject | undefined, depth: number): PDFObject | undefined => {
    if (!(node instanceof PDFDict) || depth > 16 || visits++ > 2_000) return undefined;
    const pairs = pdf.context.lookup(node.get(PDFName.of('Names')));
    if (pairs instanceof PDFArray) {
      for (let i = 0; i + 1 < pairs.size(); i += 2) {
        const k = pairs.lookup(i);
        if ((k instanceof PDFString || k instanceof PDFHexString) && k.decodeText() === key) {
          return pdf.context.lookup(pairs.get(i + 1));
        }
      }
    }
    const kids = pdf.context.lookup(node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) {
      for (let i = 0; i < kids.size(); i++) {
        const found = search(pdf.context.lookup(kids.get(i)), depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(tree, 0);
}
