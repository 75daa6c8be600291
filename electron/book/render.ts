/**
 * renderBook: a BookModel in, a PDF out. Runs in plain Node (no Electron, no store).
 *
 * 1. layout: the contents pages are reserved first (one line per entry); then section by section
 *    the text becomes flow items (measured and encoded with the embedded fonts), the flow is
 *    paginated, and each finished page is turned into its content stream at once — so every page
 *    number is known before anything is written, and only compact page contents stay in memory;
 * 2. render: cover, contents (true page numbers, links), body pages with their header, footer
 *    ("Página X de Y"), named destinations and bookmarks, written out page by page.
 *
 * The output is byte-for-byte reproducible: the PDF dates (and so its document ID) come from
 * `generatedAt`, and nothing random is written.
 */
import PDFDocument from 'pdfkit';
import { cardFlow } from './card.js';
import { coverOps, pageChrome } from './chrome.js';
import { contentsLayout } from './contents.js';
import { ContentWriter, writePage, type PageContent } from './draw.js';
import { BookError, throwIfAborted } from './errors.js';
import { FACES, loadFonts, registerFonts } from './fonts.js';
import { Shaper, embeddedFonts } from './shaper.js';
import {
  CLASSIFICATIONS,
  SECTION_ORDER,
  type BookModel,
  type RenderOptions,
  type RenderProgress,
  type RenderResult,
} from './model.js';
import { Paginator, type PlacedPage } from './paginate.js';
import { planSections, sectionFlow } from './sections.js';
import { classificationMarking } from './strings.js';
import type { FlowContext } from './text-layout.js';
import { BASE_SCALE, pageGeometry } from './theme.js';
import { escapeXmpMetadata } from './metadata.js';

/** Share of the progress bar given to layout (it also encodes each page's content). */
const LAYOUT_SHARE = 0.6;
/** Pages drawn between two yields to the event loop (progress delivery, cancellation). */
const PAGES_PER_SLICE = 4;

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function validateModel(model: BookModel): void {
  const fail = (what: string): never => {
    throw new BookError('E_INVALID', `The briefing book model is invalid: ${what}.`);
  };
  if (!model || typeof model !== 'object') fail('expected an object');
  if (model.lang !== 'es' && model.lang !== 'en') fail('lang must be "es" or "en"');
  if (model.paper !== 'a4' && model.paper !== 'letter') fail('paper must be "a4" or "letter"');
  if (!CLASSIFICATIONS.includes(model.classification)) fail('unknown classification');
  if (typeof model.generatedAt !== 'string' || Number.isNaN(Date.parse(model.generatedAt))) {
    fail('generatedAt must be an ISO date-time');
  }
  if (!model.cover || typeof model.cover.title !== 'string') fail('cover.title is required');
  if (!Array.isArray(model.sections)) fail('sections must be a list');
  for (const s of model.sections) {
    if (!SECTION_ORDER.includes(s.id)) fail(`unknown section "${String(s.id)}"`);
    if (!Array.isArray(s.blocks)) fail(`section "${s.id}" has no block list`);
  }
}

export async function renderBook(model: BookModel, options: RenderOptions = {}): Promise<RenderResult> {
  const { onProgress, signal } = options;
  const report = (p: RenderProgress): void => onProgress?.(p);
  throwIfAborted(signal);
  validateModel(model);
  report({ phase: 'layout', fraction: 0 });

  const geo = pageGeometry(model.paper);
  const date = new Date(model.generatedAt);
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [geo.width, geo.height],
    margin: 0,
    pdfVersion: '1.7',
    lang: model.lang,
    displayTitle: true,
    info: {
      Title: model.cover.title,
      Subject: model.cover.counterpart,
      Keywords: classificationMarking(model.lang, model.classification),
      Creator: 'Valija',
      Producer: 'Valija',
      CreationDate: date,
      ModDate: date,
    },
  });
  escapeXmpMetadata(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  registerFonts(doc, loadFonts());
  const measure = new Shaper(embeddedFonts(doc, FACES));
  const ctx: FlowContext = {
    lang: model.lang,
    geo,
    scale: BASE_SCALE,
    measure,
    x: geo.marginLeft,
    width: geo.textWidth,
  };

  // 1. Layout: sections into flow items, flow items onto pages, each finished page into content.
  const plans = planSections(model);
  const contents = contentsLayout(plans, model.lang, geo, BASE_SCALE, measure);
  const firstBodyPage = 2 + contents.pageCount;
  const writer = new ContentWriter(measure, geo.height);
  const body: (
    { content: PageContent; anchors: PlacedPage['anchors']; section: PlacedPage['section'] } | undefined
  )[] = [];
  const destPage = new Map<string, number>();
  const paginator = new Paginator({ geo, firstPageNumber: firstBodyPage }, (page, index) => {
    for (const box of page.boxes) writer.draw(box.ops, box.dy);
    for (const { anchor } of page.anchors) {
      if (!destPage.has(anchor.dest)) destPage.set(anchor.dest, firstBodyPage + index);
    }
    body.push({ content: writer.take(), anchors: page.anchors, section: page.section });
  });
  for (const [i, plan] of plans.entries()) {
    paginator.add(
      plan.id === 'card'
        ? [{ kind: 'section', id: plan.id, title: plan.title }, cardFlow(plan, model, ctx)]
        : sectionFlow(plan, ctx, i === 0),
    );
    report({
      phase: 'layout',
      section: plan.id,
      page: paginator.pages,
      fraction: (LAYOUT_SHARE * (i + 1)) / plans.length,
    });
    await nextTick();
    throwIfAborted(signal);
  }
  paginator.finish();
  const contentsPages = contents.build((dest) => destPage.get(dest) ?? 0);
  if (contentsPages.length !== contents.pageCount)
    throw new Error('contents pages differ from their reservation');
  const totalPages = 1 + contentsPages.length + body.length;

  // 2. Render: the pages in order, each with its header and footer, bookmarks and destinations.
  const chromeCtx = { model, geo, measure };
  const chrome = pageChrome(chromeCtx);
  const newPage = (): void => {
    doc.addPage({ size: [geo.width, geo.height], margin: 0 });
  };
  const rendered = async (page: number, section?: RenderProgress['section']): Promise<void> => {
    report({
      phase: 'render',
      page,
      totalPages,
      ...(section ? { section } : {}),
      fraction: LAYOUT_SHARE + ((1 - LAYOUT_SHARE) * page) / totalPages,
    });
    if (page % PAGES_PER_SLICE === 0) {
      await nextTick();
      throwIfAborted(signal);
    }
  };
  newPage();
  writePage(doc, measure, writer.draw(coverOps(chromeCtx)).take());
  await rendered(1);
  let pageNumber = 1;
  for (const page of contentsPages) {
    pageNumber++;
    newPage();
    for (const box of page.boxes) writer.draw(box.ops, box.dy);
    writePage(doc, measure, writer.draw(chrome(pageNumber, totalPages, page.section)).take());
    await rendered(pageNumber);
  }
  for (let i = 0; i < body.length; i++) {
    const page = body[i]!;
    pageNumber++;
    newPage();
    writePage(doc, measure, page.content);
    for (const { anchor, y } of page.anchors) {
      doc.addNamedDestination(anchor.dest, 'XYZ', geo.marginLeft, Math.max(0, y - 12), null);
      // `fit` makes the bookmark show the whole page instead of jumping to its right edge.
      doc.outline.addItem(anchor.title, { fit: true } as { expanded?: boolean });
    }
    writePage(doc, measure, writer.draw(chrome(pageNumber, totalPages, page.section)).take());
    body[i] = undefined; // written out: let it go
    await rendered(pageNumber, page.section?.id);
  }
  throwIfAborted(signal);
  doc.end();
  await finished;
  return {
    pdf: Buffer.concat(chunks),
    pages: totalPages,
    sections: plans.map((p) => ({ id: p.id, title: p.title, page: destPage.get(p.dest) ?? 0 })),
  };
}
