/**
 * renderBook: a BookModel in, a PDF out. Runs in plain Node (no Electron, no store).
 *
 * 1. layout: every section becomes flow items (measured with the embedded fonts), the contents
 *    pages are reserved (one line per entry), and the body is paginated — so every page number is
 *    known before anything is drawn;
 * 2. render: cover, contents (true page numbers, links), body pages with their header and footer,
 *    named destinations and bookmarks. Pages are written out as they are finished, so memory
 *    stays flat however long the book is.
 *
 * The output is byte-for-byte reproducible: the PDF dates (and so its document ID) come from
 * `generatedAt`, and nothing random is written.
 */
import PDFDocument from 'pdfkit';
import type { FlowItem } from './boxes.js';
import { cardFlow } from './card.js';
import { coverOps, pageChrome } from './chrome.js';
import { contentsLayout } from './contents.js';
import { PageDrawer } from './draw.js';
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
import { paginate } from './paginate.js';
import { planSections, sectionFlow } from './sections.js';
import { t } from './strings.js';
import type { FlowContext } from './text-layout.js';
import { BASE_SCALE, pageGeometry } from './theme.js';

/** Share of the progress bar given to layout; drawing and writing the pages take the rest. */
const LAYOUT_SHARE = 0.2;
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
      Keywords: t(model.lang, `classification.${model.classification}`),
      Creator: 'Valija',
      Producer: 'Valija',
      CreationDate: date,
      ModDate: date,
    },
  });
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

  // 1. Layout.
  const plans = planSections(model);
  const items: FlowItem[] = [];
  for (const [i, plan] of plans.entries()) {
    if (plan.id === 'card') {
      items.push({ kind: 'section', id: plan.id, title: plan.title }, cardFlow(plan, model, ctx));
    } else {
      items.push(...sectionFlow(plan, ctx, i === 0));
    }
    report({ phase: 'layout', section: plan.id, fraction: (LAYOUT_SHARE * 0.9 * (i + 1)) / plans.length });
    await nextTick();
    throwIfAborted(signal);
  }
  const contents = contentsLayout(plans, model.lang, geo, BASE_SCALE, measure);
  const firstBodyPage = 2 + contents.pageCount;
  const bodyPages = paginate(items, { geo, firstPageNumber: firstBodyPage });
  const destPage = new Map<string, number>();
  bodyPages.forEach((page, i) => {
    for (const { anchor } of page.anchors)
      if (!destPage.has(anchor.dest)) destPage.set(anchor.dest, firstBodyPage + i);
  });
  const contentsPages = contents.build((dest) => destPage.get(dest) ?? 0);
  if (contentsPages.length !== contents.pageCount)
    throw new Error('contents pages differ from their reservation');
  const totalPages = 1 + contentsPages.length + bodyPages.length;
  report({ phase: 'layout', fraction: LAYOUT_SHARE, totalPages });
  await nextTick();
  throwIfAborted(signal);

  // 2. Render.
  const drawer = new PageDrawer(doc, measure);
  const chromeCtx = { model, geo, measure };
  const chrome = pageChrome(chromeCtx);
  const rendered = (page: number, section?: RenderProgress['section']): void => {
    report({
      phase: 'render',
      page,
      totalPages,
      ...(section ? { section } : {}),
      fraction: LAYOUT_SHARE + ((1 - LAYOUT_SHARE) * page) / totalPages,
    });
  };
  drawer.addPage(geo.width, geo.height);
  drawer.draw(coverOps(chromeCtx));
  rendered(1);
  let pageNumber = 1;
  for (const page of [...contentsPages, ...bodyPages]) {
    pageNumber++;
    drawer.addPage(geo.width, geo.height);
    for (const box of page.boxes) drawer.draw(box.ops, box.dy);
    for (const { anchor, y } of page.anchors) {
      doc.addNamedDestination(anchor.dest, 'XYZ', geo.marginLeft, Math.max(0, y - 12), null);
      // `fit` makes the bookmark show the whole page instead of jumping to its right edge.
      doc.outline.addItem(anchor.title, { fit: true } as { expanded?: boolean });
    }
    drawer.draw(chrome(pageNumber, totalPages, page.section));
    rendered(pageNumber, page.section?.id);
    if (pageNumber % PAGES_PER_SLICE === 0) {
      await nextTick();
      throwIfAborted(signal);
    }
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
