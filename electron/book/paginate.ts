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

export function paginate(
  items: readonly FlowItem[],
  { geo, firstPageNumber }: PaginateOptions,
): PlacedPage[] {
  const top = geo.bodyTop;
  const bottom = geo.bodyBottom;
  const pages: PlacedPage[] = [];
  const sectionPages = new Map<SectionId, number>();
  let page: PlacedPage | undefined;
  let y = top;
  let section: PlacedPage['section'];

  const newPage = (): PlacedPage => {
    page = { boxes: [], anchors: [], section };
    pages.push(page);
    y = top;
    return page;
  };
  const current = (): PlacedPage => page ?? newPage();
  const fits = (h: number): boolean => y + h <= bottom + EPSILON;
  const place = (box: Box): void => {
    const p = current();
    p.boxes.push({ ops: box.ops, dy: y });
    if (box.anchor) {
      p.anchors.push({ anchor: box.anchor, y });
      if (!sectionPages.has(box.anchor.sectionId)) {
        sectionPages.set(box.anchor.sectionId, firstPageNumber + pages.length - 1);
      }
      if (y <= top + EPSILON) p.section = { id: box.anchor.sectionId, title: box.anchor.title };
    }
    y += box.h;
  };

  items.forEach((item, i) => {
    switch (item.kind) {
      case 'section':
        section = { id: item.id, title: item.title };
        if (page && y <= top + EPSILON) page.section = section;
        break;
      case 'pageBreak':
        if (page && y > top + EPSILON) newPage();
        break;
      case 'space':
        if (page && y > top + EPSILON) y += item.h;
        break;
      case 'box': {
        current();
        const need = item.box.h + (item.keepWithNext ? followHeight(items, i) : 0);
        if (!fits(need) && y > top + EPSILON) newPage();
        place(item.box);
        break;
      }
      case 'lines': {
        let from = 0;
        const n = item.lines.length;
        while (from < n) {
          current();
          let fit = 0;
          let h = 0;
          while (from + fit < n && fits(h + item.lines[from + fit]!.h)) h += item.lines[from + fit++]!.h;
          const atTop = y <= top + EPSILON;
          let k = linesToPlace(n - from, fit, atTop, ORPHANS, WIDOWS);
          if (k === 0 && atTop) k = 1; // a line taller than the page: set it anyway
          if (k === 0) {
            newPage();
            continue;
          }
          for (let l = 0; l < k; l++) place(item.lines[from + l]!);
          from += k;
          if (from < n) newPage();
        }
        break;
      }
      case 'table': {
        current();
        if (!fits(item.header.h + (item.rows[0]?.h ?? 0)) && y > top + EPSILON) newPage();
        place(item.header);
        for (const row of item.rows) {
          if (!fits(row.h)) {
            newPage();
            place(item.continuedHeader);
          }
          place(row);
        }
        break;
      }
      case 'deferred': {
        if (!page || y > top + EPSILON) newPage();
        place(item.build((id) => sectionPages.get(id)));
        break;
      }
    }
  });
  return pages;
}
