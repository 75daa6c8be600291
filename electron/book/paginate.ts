/**
 * Places flow items on pages. The rules a typesetter would follow:
 * - a heading is never left at the foot of a page: it moves on with what follows it (at least the
 *   lines the widow/orphan rule would let start there);
 * - a paragraph never leaves a single line at the foot or the top of a page (see linesToPlace);
 * - table rows never split; the table's header repeats at the top of each page it continues on;
 * - vertical space at the top of a page is dropped.
 */
import type { Anchor, Box, FlowItem, Op } from './boxes.js';
import type { SectionId } from './model.js';
import type { PageGeometry } from './theme.js';
import { linesToPlace } from './typeset.js';

export const ORPHANS = 2;
export const WIDOWS = 2;
const EPSILON = 0.01;

export interface PlacedPage {
  /** What is drawn on the page: each list of ops moved down by `dy` (no copies of the ops). */
  boxes: { ops: readonly Op[]; dy: number }[];
  anchors: { anchor: Anchor; y: number }[];
  /** The section the page belongs to, for the running header. */
  section?: { id?: SectionId; title: string };
}

/** The smallest number of a paragraph's first lines that may start at the foot of a page. */
function minimumStart(n: number): number {
  return n < ORPHANS + WIDOWS ? n : ORPHANS;
}

function linesHeight(lines: readonly Box[], count: number): number {
  let h = 0;
  for (let i = 0; i < count && i < lines.length; i++) h += lines[i]!.h;
  return h;
}

/** Height that must fit below item `i` for a keep-with-next box to stay where it is. */
function followHeight(items: readonly FlowItem[], i: number): number {
  let h = 0;
  for (let j = i + 1; j < items.length; j++) {
    const it = items[j]!;
    switch (it.kind) {
      case 'space':
        h += it.h;
        break;
      case 'section':
        break;
      case 'box':
        h += it.box.h;
        if (!it.keepWithNext) return h;
        break;
      case 'lines':
        return h + linesHeight(it.lines, minimumStart(it.lines.length));
      case 'table':
        return h + it.header.h + (it.rows[0]?.h ?? 0);
      case 'pageBreak':
      case 'deferred':
        return 0;
    }
  }
  return h;
}

export interface PaginateOptions {
  geo: PageGeometry;
  /** Physical page number (1-based) of the first page produced. */
  firstPageNumber: number;
}

/**
 * Places flow items on pages, a batch (a section) at a time, and hands each page over as soon as
 * nothing more can go on it — so the caller can turn it into page content and let the boxes go.
 */
export class Paginator {
  private readonly top: number;
  private readonly bottom: number;
  private readonly sectionPages = new Map<SectionId, number>();
  private page: PlacedPage | undefined;
  private count = 0;
  private y: number;
  private section: PlacedPage['section'];

  constructor(
    private readonly options: PaginateOptions,
    /** Receives each finished page with its 0-based index among the pages produced. */
    private readonly onPage: (page: PlacedPage, index: number) => void,
  ) {
    this.top = options.geo.bodyTop;
    this.bottom = options.geo.bodyBottom;
    this.y = this.top;
  }

  /** Physical page number where a section's heading was placed. */
  pageOf(id: SectionId): number | undefined {
    return this.sectionPages.get(id);
  }

  get pages(): number {
    return this.count;
  }

  add(items: readonly FlowItem[]): void {
    items.forEach((item, i) => this.item(items, item, i));
  }

  /** Hands over the last page. */
  finish(): void {
    if (this.page) this.onPage(this.page, this.count - 1);
    this.page = undefined;
  }

  private atTop(): boolean {
    return this.y <= this.top + EPSILON;
  }

  private fits(h: number): boolean {
    return this.y + h <= this.bottom + EPSILON;
  }

  private newPage(): PlacedPage {
    if (this.page) this.onPage(this.page, this.count - 1);
    this.page = { boxes: [], anchors: [], section: this.section };
    this.count++;
    this.y = this.top;
    return this.page;
  }

  private current(): PlacedPage {
    return this.page ?? this.newPage();
  }

  private place(box: Box): void {
    const p = this.current();
    p.boxes.push({ ops: box.ops, dy: this.y });
    if (box.anchor) {
      p.anchors.push({ anchor: box.anchor, y: this.y });
      if (!this.sectionPages.has(box.anchor.sectionId)) {
        this.sectionPages.set(box.anchor.sectionId, this.options.firstPageNumber + this.count - 1);
      }
      if (this.atTop()) p.section = { id: box.anchor.sectionId, title: box.anchor.title };
    }
    this.y += box.h;
  }

  private item(items: readonly FlowItem[], item: FlowItem, i: number): void {
    switch (item.kind) {
      case 'section':
        this.section = { id: item.id, title: item.title };
        if (this.page && this.atTop()) this.page.section = this.section;
        break;
      case 'pageBreak':
        if (this.page && !this.atTop()) this.newPage();
        break;
      case 'space':
        if (this.page && !this.atTop()) this.y += item.h;
        break;
      case 'box': {
        this.current();
        const need = item.box.h + (item.keepWithNext ? followHeight(items, i) : 0);
        if (!this.fits(need) && !this.atTop()) this.newPage();
        this.place(item.box);
        break;
      }
      case 'lines': {
        let from = 0;
        const n = item.lines.length;
        while (from < n) {
          this.current();
          let fit = 0;
          let h = 0;
          while (from + fit < n && this.fits(h + item.lines[from + fit]!.h)) h += item.lines[from + fit++]!.h;
          const atTop = this.atTop();
          let k = linesToPlace(n - from, fit, atTop, ORPHANS, WIDOWS);
          if (k === 0 && atTop) k = 1; // a line taller than the page: set it anyway
          if (k === 0) {
            this.newPage();
            continue;
          }
          for (let l = 0; l < k; l++) this.place(item.lines[from + l]!);
          from += k;
          if (from < n) this.newPage();
        }
        break;
      }
      case 'table': {
        this.current();
        if (!this.fits(item.header.h + (item.rows[0]?.h ?? 0)) && !this.atTop()) this.newPage();
        this.place(item.header);
        for (const row of item.rows) {
          if (!this.fits(row.h)) {
            this.newPage();
            this.place(item.continuedHeader);
          }
          this.place(row);
        }
        break;
      }
      case 'deferred': {
        if (!this.page || !this.atTop()) this.newPage();
        this.place(item.build((id) => this.sectionPages.get(id)));
        break;
      }
    }
  }
}

/** Paginates a whole flow at once (all pages kept). */
export function paginate(items: readonly FlowItem[], options: PaginateOptions): PlacedPage[] {
  const pages: PlacedPage[] = [];
  const paginator = new Paginator(options, (page) => pages.push(page));
  paginator.add(items);
  paginator.finish();
  return pages;
}
