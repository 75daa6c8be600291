/**
 * renderBook: a BookModel in, a PDF out. Runs in plain Node (no Electron, no store).
 *
 * 1. layout: the contents pages are reserved first (one line per entry); then section by section
 *    the text becomes flow items (measured and encoded with the embedded fonts), the flow is
 *    paginated, and each finished page is turned into its content stream at once — so every page
 *    number is known before anything is written, and only compact page contents stay in memory;
 * 2. render, copy by copy (a distribution lays out once: copy-document.ts): cover, contents (true page
 *    numbers, links), body pages with their header, footer ("Página X de Y"), named destinations, bookmarks
 *    and the structure tree of a tagged PDF (tagged.ts), written out page by page.
 *
 * The output is byte-for-byte reproducible: the PDF dates (and so its document ID) come from
 * `generatedAt`, and nothing random is written.
 */
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
import { classificationMarking, t } from './strings.js';
import type { FlowContext } from './text-layout.js';
import { BASE_SCALE, COLORS, pageGeometry } from './theme.js';
import { annexPageCount, prepareAnnex, type OwnOutlineEntry, type PreparedAnnex } from './annexes.js';
import { annexCaption, placeholderOps } from './annex-pages.js';
import { fitInto, fitPage, mergeAnnexPages, type AnnexPlacement } from './annex-merge.js';
import type { Op } from './boxes.js';
import type { ContentsEntry } from './contents.js';
import { changesFlow, changesTitle } from './changes-page.js';
import { structNode } from './structure.js';
import { TaggedBook } from './tagged.js';
import { openDocument, sameGlyphs, stampOf, type CopyStamp, type OpenDocument } from './copy-document.js';

export type { CopyStamp } from './copy-document.js';

/** Share of the progress bar given to layout (it also encodes each page's content). */
const LAYOUT_SHARE = 0.6;
/** The named destination of a reissue's changes page. */
const CHANGES_DEST = 'changes';
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
  const [copy] = await renderCopies(model, [{ copyFor: model.copyFor, copyId: model.copyId }], options);
  return copy!;
}

/**
 * Copies of one book for several readers: collected and laid out once, then each copy written with its own
 * cover, copy line and number (a distribution). The first copy's fonts lay the book out; every later copy's
 * fonts take the same glyph codes first, so the pages' content, already encoded, is written into it as it is.
 */
export async function renderCopies(
  model: BookModel,
  stamps: readonly CopyStamp[],
  options: RenderOptions = {},
): Promise<RenderResult[]> {
  const { onProgress, signal } = options;
  const report = (p: RenderProgress): void => onProgress?.(p);
  throwIfAborted(signal);
  validateModel(model);
  report({ phase: 'layout', fraction: 0 });

  const geo = pageGeometry(model.paper);
  const first = openDocument(model, geo);
  const doc = first.doc;

  // What each document becomes (pages, image or placeholder) is known before anything is laid out.
  const prepared: PreparedAnnex[] = [];
  for (const annex of model.annexes ?? []) {
    prepared.push(await prepareAnnex(annex));
    throwIfAborted(signal);
  }

  registerFonts(doc, loadFonts());
  const layoutFonts = embeddedFonts(doc, FACES);
  const layoutMeasure = new Shaper(layoutFonts);
  const measure = layoutMeasure;
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
  // Documents follow the book's own annexes, lettered on from them, before the detachable card.
  const cardAt = plans.findIndex((p) => p.id === 'card');
  const ownAnnexes = plans.filter((p) => p.annex).length;
  const annexes = prepared.map((a, i) => ({
    ...a,
    label: letter(ownAnnexes + i),
    title: a.annex.title,
    dest: `annex-${i + 1}`,
    pages: annexPageCount(a),
  }));
  const annexEntries: ContentsEntry[] = annexes.map((a) => ({
    id: 'document',
    label: a.label,
    title: a.title,
    dest: a.dest,
    annex: true,
  }));
  // A reissue's changes page, right after the contents, is their first entry.
  const changesEntry: ContentsEntry[] = model.reissue
    ? [
        {
          id: 'changes',
          label: '',
          title: changesTitle(model.reissue, model.lang),
          dest: CHANGES_DEST,
          annex: false,
        },
      ]
    : [];
  const entries: ContentsEntry[] =
    cardAt < 0
      ? [...changesEntry, ...plans, ...annexEntries]
      : [...changesEntry, ...plans.slice(0, cardAt), ...annexEntries, ...plans.slice(cardAt)];
  const annexPages = annexes.reduce((n, a) => n + a.pages, 0);
  const withheld = model.withheld
    ? t(model.lang, 'contents.withheld', {
        count: model.withheld.count,
        level: classificationMarking(model.lang, model.withheld.clearance),
      })
    : undefined;
  const contents = contentsLayout(entries, model.lang, geo, BASE_SCALE, measure, withheld);
  // A reissue's changes page follows the contents; its length is known before the body is laid out.
  const changesPages: PlacedPage[] = [];
  if (model.reissue) {
    const changes = new Paginator({ geo, firstPageNumber: 2 + contents.pageCount }, (page) =>
      changesPages.push(page),
    );
    changes.add(changesFlow(model.reissue, ctx));
    changes.finish();
  }
  const firstBodyPage = 2 + contents.pageCount + changesPages.length;
  const layoutWriter = new ContentWriter(measure, geo.height);
  const writer = layoutWriter;
  const body: (
    { content: PageContent; anchors: PlacedPage['anchors']; section: PlacedPage['section'] } | undefined
  )[] = [];
  const destIndex = new Map<string, number>();
  const paginator = new Paginator({ geo, firstPageNumber: firstBodyPage }, (page, index) => {
    for (const box of page.boxes) writer.draw(box.ops, box.dy);
    for (const { anchor } of page.anchors) {
      if (!destIndex.has(anchor.dest)) destIndex.set(anchor.dest, index);
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
  // The annex pages go where the card starts (or after the last body page): page numbers after it move on.
  const annexAt = cardAt < 0 ? body.length : body.findIndex((p) => p?.section?.id === 'card');
  const annexStart = annexAt < 0 ? body.length : annexAt;
  const pageOfIndex = (i: number): number => firstBodyPage + i + (i >= annexStart ? annexPages : 0);
  const destPage = new Map<string, number>();
  for (const [dest, i] of destIndex) destPage.set(dest, pageOfIndex(i));
  destPage.set(CHANGES_DEST, 2 + contents.pageCount);
  let annexPage = firstBodyPage + annexStart;
  const annexFirstPage = annexes.map((a) => {
    const first = annexPage;
    annexPage += a.pages;
    destPage.set(a.dest, first);
    return first;
  });
  const contentsPages = contents.build((dest) => destPage.get(dest) ?? 0);
  if (contentsPages.length !== contents.pageCount)
    throw new Error('contents pages differ from their reservation');
  const totalPages = 1 + contentsPages.length + changesPages.length + body.length + annexPages;

  // 2. Render, copy by copy: the pages in order, each with its header and footer, bookmarks and destinations.
  const layoutShare = LAYOUT_SHARE / stamps.length;
  const results: RenderResult[] = [];
  for (const [n, stamp] of stamps.entries()) {
    throwIfAborted(signal);
    const output = n === 0 ? first : openDocument(model, geo);
    const doc = output.doc;
    const measure = n === 0 ? layoutMeasure : sameGlyphs(doc, layoutFonts);
    const writer = n === 0 ? layoutWriter : new ContentWriter(measure, geo.height);
    const tags = new TaggedBook(doc, model.lang);
    results.push(await writeCopy(doc, measure, writer, tags, output, stamp, n));
  }
  return results;

  async function writeCopy(
    doc: PDFKit.PDFDocument,
    measure: Shaper,
    writer: ContentWriter,
    tags: TaggedBook,
    output: OpenDocument,
    stamp: CopyStamp,
    copyIndex: number,
  ): Promise<RenderResult> {
    const stamped: BookModel = { ...model, ...stampOf(stamp) };
    const chromeCtx = { model: stamped, geo, measure };
    const chrome = pageChrome(chromeCtx);
    const newPage = ({ compress = true } = {}): void => {
      // An annex page's own content is only its header, banner and footer (the document's page is drawn into
      // it later): left uncompressed, it is a few hundred bytes more, and saves a deflate per page.
      const pdf = doc as unknown as { compress: boolean };
      const compressing = pdf.compress;
      pdf.compress = compressing && compress;
      doc.addPage({ size: [geo.width, geo.height], margin: 0 });
      pdf.compress = compressing;
      tags.newPage();
    };
    const rendered = async (page: number, section?: RenderProgress['section']): Promise<void> => {
      report({
        phase: 'render',
        page,
        totalPages,
        ...(section ? { section } : {}),
        fraction: layoutShare + ((1 - layoutShare) * (copyIndex + page / totalPages)) / stamps.length,
      });
      if (page % PAGES_PER_SLICE === 0) {
        await nextTick();
        throwIfAborted(signal);
      }
    };
    newPage();
    writePage(doc, measure, writer.draw(coverOps(chromeCtx)).take(), tags);
    await rendered(1);
    let pageNumber = 1;
    for (const page of contentsPages) {
      pageNumber++;
      newPage();
      for (const box of page.boxes) writer.draw(box.ops, box.dy);
      writePage(doc, measure, writer.draw(chrome(pageNumber, totalPages, page.section)).take(), tags);
      await rendered(pageNumber);
    }
    for (const [n, page] of changesPages.entries()) {
      pageNumber++;
      newPage();
      for (const box of page.boxes) writer.draw(box.ops, box.dy);
      const title = changesTitle(model.reissue!, model.lang);
      writePage(doc, measure, writer.draw(chrome(pageNumber, totalPages, { title })).take(), tags);
      if (n === 0) {
        doc.addNamedDestination(CHANGES_DEST, 'XYZ', geo.marginLeft, Math.max(0, geo.bodyTop - 12), null);
        doc.outline.addItem(title, { fit: true } as { expanded?: boolean });
      }
      await rendered(pageNumber);
    }
    const placements: AnnexPlacement[] = [];
    const annexCtx = { ...ctx, geo, scale: BASE_SCALE };
    const writeAnnexes = async (): Promise<void> => {
      for (const [n, a] of annexes.entries()) {
        const header = {
          id: 'document',
          title: t(model.lang, 'annex.caption', { letter: a.label, title: a.title }),
        };
        let item: OutlineItem | undefined;
        const part = structNode('Sect');
        for (let k = 0; k < a.pages; k++) {
          pageNumber++;
          newPage({ compress: false });
          // The caption heads the annex on its first page; repeated on the others, it is page furniture.
          const caption = annexCaption(
            annexCtx,
            a,
            k + 1,
            a.pages,
            k === 0 ? structNode('H1', part) : undefined,
          );
          writer.draw(caption.ops);
          if (a.print.as === 'placeholder')
            writer.draw(placeholderOps(annexCtx, a.annex, a.print.reason, caption.area.y, part));
          if (a.print.as === 'pdf') writer.draw([pageFrame(fitPage(a.print.pages[k]!, caption.area))]);
          writePage(doc, measure, writer.draw(chrome(pageNumber, totalPages, header)).take(), tags);
          if (a.print.as === 'image') {
            const box = fitInto(a.print.width, a.print.height, caption.area, true);
            const mcid = tags.reserve(structNode('Figure', part, { alt: annexAlt(model.lang, a, k) }));
            doc.addContent(`/Figure <</MCID ${mcid}>> BDC`);
            doc.image(a.print.image, box.x, box.y, { width: box.width, height: box.height });
            doc.addContent('EMC');
          } else if (a.print.as === 'pdf') {
            placements.push({
              mcid: tags.reserve(structNode('Figure', part, { alt: annexAlt(model.lang, a, k) })),
              pdf: a.print.pdf,
              sourcePage: k,
              source: a.print.pages[k]!,
              bookPage: pageNumber - 1,
              area: caption.area,
            });
          }
          if (k === 0) {
            doc.addNamedDestination(a.dest, 'XYZ', geo.marginLeft, Math.max(0, geo.bodyTop - 12), null);
            item = doc.outline.addItem(`${t(model.lang, 'annex.label', { letter: a.label })} · ${a.title}`, {
              fit: true,
            } as { expanded?: boolean }) as unknown as OutlineItem;
          }
          await rendered(pageNumber);
        }
        // The document's own outline, beneath its entry, once all of its pages exist.
        if (a.print.as === 'pdf' && item) ownOutlineInto(item, a.print.outline, annexFirstPage[n]! - 1);
      }
    };
    for (let i = 0; i < body.length; i++) {
      if (i === annexStart) await writeAnnexes();
      const page = body[i]!;
      pageNumber++;
      newPage();
      writePage(doc, measure, page.content, tags);
      for (const { anchor, y } of page.anchors) {
        doc.addNamedDestination(anchor.dest, 'XYZ', geo.marginLeft, Math.max(0, y - 12), null);
        // `fit` makes the bookmark show the whole page instead of jumping to its right edge.
        doc.outline.addItem(anchor.title, { fit: true } as { expanded?: boolean });
      }
      writePage(doc, measure, writer.draw(chrome(pageNumber, totalPages, page.section)).take(), tags);
      if (stamps.length === 1) body[i] = undefined; // written out: let it go
      await rendered(pageNumber, page.section?.id);
    }
    if (annexStart >= body.length) await writeAnnexes();
    throwIfAborted(signal);
    tags.finish();
    doc.end();
    const pdf = await mergeAnnexPages(await output.pdf, placements, () => throwIfAborted(signal));
    return {
      pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
      pages: totalPages,
      sections: plans.map((p) => ({ id: p.id, title: p.title, page: destPage.get(p.dest) ?? 0 })),
      annexes: annexes.map((a, n) => ({
        documentId: a.annex.documentId,
        label: a.label,
        title: a.title,
        page: annexFirstPage[n]!,
        pages: a.pages,
        printed: a.print.as,
        ...(a.print.as === 'placeholder' ? { reason: a.print.reason } : {}),
      })),
    };
  }

  /** What a screen reader says for an annex's page: which annex, and which of its pages. */
  function annexAlt(
    lang: BookModel['lang'],
    annex: { label: string; title: string; pages: number },
    k: number,
  ): string {
    const caption = t(lang, 'annex.caption', { letter: annex.label, title: annex.title });
    return annex.pages > 1
      ? `${caption} — ${t(lang, 'annex.documentPage', { page: k + 1, pages: annex.pages })}`
      : caption;
  }
}

/** A, B … Z, then AA, AB …: annex letters. */
const letter = (n: number): string =>
  (n >= 26 ? letter(Math.floor(n / 26) - 1) : '') + String.fromCharCode(65 + (n % 26));

/** A hairline round a merged page, so its edge shows where the page has no ink of its own. */
const pageFrame = (box: { x: number; y: number; width: number; height: number }): Op => ({
  op: 'rect',
  x: box.x,
  y: box.y,
  w: box.width,
  h: box.height,
  stroke: COLORS.rule,
  lineWidth: 0.4,
});

/** pdfkit's outline item (its typings do not describe it): children open a page given by its 0-based number. */
interface OutlineItem {
  addItem(title: string, options: { pageNumber: number; fit: boolean }): OutlineItem;
}

function ownOutlineInto(
  parent: OutlineItem,
  entries: readonly OwnOutlineEntry[],
  firstPageIndex: number,
): void {
  for (const entry of entries) {
    const child = parent.addItem(entry.title, { pageNumber: firstPageIndex + entry.page, fit: true });
    ownOutlineInto(child, entry.children, firstPageIndex);
  }
}
