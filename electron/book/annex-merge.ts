/**
 * The annexes' PDF pages drawn into the book pdfkit wrote: each source page becomes a form XObject (vector,
 * its fonts and images copied once per annex: annex-forms.ts) drawn, scaled to fit and turned upright, into the body area of
 * the page reserved for it — under the running header, the banner, "Página X de Y" and the copy line pdfkit
 * already put there. The book is written out whole again, not as an incremental update: pdf-lib's change
 * tracking for an update looks up every changed object among all the others, which took minutes for a few
 * hundred annex pages. pdf-lib's writer is deterministic: same inputs, same bytes.
 */
import {
  PDFDocument,
  ParseSpeeds,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  rotateDegrees,
  scale,
  translate,
  type PDFEmbeddedPage,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { embedAnnexPages } from './annex-forms.js';
import type { SourcePage } from './annexes.js';

/** A rectangle in the book's top-down coordinates (points from the top-left corner). */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AnnexPlacement {
  pdf: PDFDocument;
  /** 0-based page of the annex document. */
  sourcePage: number;
  source: SourcePage;
  /** 0-based page of the book reserved for it. */
  bookPage: number;
  area: Area;
  /** The marked-content id its Figure element (tagged.ts) names on that page. */
  mcid: number;
}

/**
 * A drawing of `width` × `height` centred in `area`, shrunk to fit (enlarged too when `enlarge`): its scale and
 * its box in top-down coordinates.
 */
export function fitInto(width: number, height: number, area: Area, enlarge: boolean) {
  const scale = Math.min(enlarge ? Infinity : 1, area.width / width, area.height / height);
  const w = width * scale;
  const h = height * scale;
  return { scale, x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h };
}

/** A PDF page turned upright, fitted into `area`: never enlarged, so a small card prints at its size. */
export function fitPage(source: SourcePage, area: Area) {
  const quarter = source.rotate === 90 || source.rotate === 270;
  return fitInto(quarter ? source.height : source.width, quarter ? source.width : source.height, area, false);
}

/**
 * What pdf-lib's drawPage does, in two small uncompressed streams: the page's own content (pdfkit's, which
 * leaves its flipped coordinates in place) wrapped in q … Q, then the form drawn. drawPage's streams are
 * deflated in JavaScript one by one at save, at a fixed cost per stream that took most of a 400-page merge.
 */
function drawForm(
  doc: PDFDocument,
  page: PDFPage,
  form: PDFEmbeddedPage,
  at: { x: number; y: number; scale: number; rotate: number },
  mcid: number,
): void {
  const name = page.node.newXObject('Annex', form.ref);
  const operators = [
    popGraphicsState(),
    pushGraphicsState(),
    translate(at.x, at.y),
    rotateDegrees(at.rotate),
    scale(at.scale, at.scale),
    drawObject(name),
    popGraphicsState(),
  ];
  const { context } = doc;
  const start = context.register(context.stream('q\n'));
  // The drawing is the content of the page's Figure element.
  const drawing = operators.slice(1).map(String).join('\n');
  const end = context.register(
    context.stream(`${String(operators[0])}\n/Figure <</MCID ${mcid}>> BDC\n${drawing}\nEMC\n`),
  );
  page.node.wrapContentStreams(start, end);
}

export async function mergeAnnexPages(
  book: Uint8Array,
  placements: readonly AnnexPlacement[],
  throwIfCancelled: () => void,
): Promise<Uint8Array> {
  if (placements.length === 0) return book;
  // Without pdf-lib's pauses (a timer tick every 100 objects read, every 50 written): the book runs in its
  // own job thread, and checks for a cancel between annexes.
  const doc = await PDFDocument.load(book, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pages = doc.getPages();
  const bySource = new Map<PDFDocument, AnnexPlacement[]>();
  for (const p of placements) bySource.set(p.pdf, [...(bySource.get(p.pdf) ?? []), p]);
  for (const [source, list] of bySource) {
    throwIfCancelled();
    const sourcePages = source.getPages();
    const embedded = await embedAnnexPages(
      doc,
      source,
      list.map((p) => {
        const { x, y, width, height } = p.source;
        return {
          page: sourcePages[p.sourcePage]!,
          box: { left: x, bottom: y, right: x + width, top: y + height },
        };
      }),
    );
    list.forEach((p, i) => {
      const page = pages[p.bookPage];
      if (!page) throw new Error(`the book has no page ${p.bookPage + 1} for an annex`);
      const fit = fitPage(p.source, p.area);
      const left = fit.x;
      const bottom = page.getHeight() - fit.y - fit.height;
      // drawPage turns counter-clockwise about the origin it is given; /Rotate turns clockwise.
      const origin = {
        0: { x: left, y: bottom },
        90: { x: left, y: bottom + fit.height },
        180: { x: left + fit.width, y: bottom + fit.height },
        270: { x: left + fit.width, y: bottom },
      }[p.source.rotate as 0 | 90 | 180 | 270];
      drawForm(doc, page, embedded[i]!, { ...origin, scale: fit.scale, rotate: -p.source.rotate }, p.mcid);
    });
  }
  throwIfCancelled();
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
