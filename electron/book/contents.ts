/**
 * The contents pages. Their number is known before the body is laid out (one line per entry), so
 * the body starts on a known page; once it is laid out, the entries get their true page numbers,
 * dot leaders and links to the headings.
 */
import { marked, type Op } from './boxes.js';
import { structNode } from './structure.js';
import type { Measurer } from './measure.js';
import type { SectionId } from './model.js';
import type { PlacedPage } from './paginate.js';
import { t } from './strings.js';
import { COLORS, baselineIn, type PageGeometry, type TypeScale } from './theme.js';
import type { Lang } from '../../domain/results.js';

export interface ContentsEntry {
  id: SectionId | 'document' | 'changes';
  label: string;
  title: string;
  dest: string;
  annex: boolean;
}

type Row =
  | { kind: 'entry'; entry: ContentsEntry }
  | { kind: 'caption'; text: string }
  | { kind: 'note'; text: string };

export interface ContentsLayout {
  pageCount: number;
  /** Builds the pages once every entry's page number is known. */
  build(pageOf: (dest: string) => number): PlacedPage[];
}

export function contentsLayout(
  entries: readonly ContentsEntry[],
  lang: Lang,
  geo: PageGeometry,
  scale: TypeScale,
  measure: Measurer,
  /** One closing line (a cleared copy's count of what it withholds). */
  note?: string,
): ContentsLayout {
  const size = scale.body;
  const rowH = size * 2.15;
  const titleSize = scale.h1;
  const titleH = titleSize * 1.25 + titleSize * 0.3 + scale.paragraphGap * 4;
  const x = geo.marginLeft;
  const width = geo.textWidth;
  const bodyH = geo.bodyBottom - geo.bodyTop;

  const rows: Row[] = [];
  entries.forEach((entry, i) => {
    if (entry.annex && !entries[i - 1]?.annex)
      rows.push({ kind: 'caption', text: t(lang, 'contents.annexes') });
    if (entry.id === 'card') rows.push({ kind: 'caption', text: t(lang, 'card.kicker') });
    rows.push({ kind: 'entry', entry });
  });
  if (note) rows.push({ kind: 'note', text: fitText(note, 'regular', size * 0.85, width, measure) });
  const firstCapacity = Math.max(1, Math.floor((bodyH - titleH) / rowH));
  const capacity = Math.max(1, Math.floor(bodyH / rowH));
  const pageCount =
    rows.length <= firstCapacity ? 1 : 1 + Math.ceil((rows.length - firstCapacity) / capacity);

  const build = (pageOf: (dest: string) => number): PlacedPage[] => {
    const pages: PlacedPage[] = [];
    const title = t(lang, 'contents.title');
    let ops: Op[] = [];
    let y = geo.bodyTop;
    const base = baselineIn(titleSize * 1.25, titleSize);
    ops.push(...marked(structNode('H1'), [text(title, x, y + base, 'bold', titleSize, COLORS.ink, measure)]));
    const toc = structNode('TOC');
    const ruleY = y + titleSize * 1.25 + titleSize * 0.3;
    ops.push({ op: 'line', x1: x, y1: ruleY, x2: x + width, y2: ruleY, color: COLORS.accent, width: 0.9 });
    y += titleH;
    const numberColumn = measure.width('00', 'bold', size) + size * 0.9;
    const pageColumn = measure.width('0000', 'regular', size);
    rows.forEach((row, n) => {
      const onFirst = n < firstCapacity;
      if (n > 0 && (n === firstCapacity || (!onFirst && (n - firstCapacity) % capacity === 0))) {
        pages.push({ boxes: [{ ops, dy: 0 }], anchors: [], section: { title } });
        ops = [];
        y = geo.bodyTop;
      }
      const baseline = y + baselineIn(rowH, size);
      if (row.kind === 'note') {
        const note = text(row.text, x, baseline + size * 0.25, 'regular', size * 0.85, COLORS.muted, measure);
        ops.push(...marked(structNode('P'), [note]));
      } else if (row.kind === 'caption') {
        const caption = row.text.toUpperCase();
        ops.push(
          ...marked(structNode('TOCI', toc), [
            text(caption, x, baseline + size * 0.25, 'bold', size * 0.8, COLORS.muted, measure),
          ]),
        );
      } else {
        const { entry } = row;
        const page = String(pageOf(entry.dest));
        const line: Op[] = [];
        if (entry.label) line.push(text(entry.label, x, baseline, 'bold', size, COLORS.accent, measure));
        const maxTitle = width - numberColumn - pageColumn - size * 2;
        const shown = fitText(entry.title, 'regular', size, maxTitle, measure);
        const tw = measure.width(shown, 'regular', size);
        line.push(text(shown, x + numberColumn, baseline, 'regular', size, COLORS.ink, measure));
        const pw = measure.width(page, 'regular', size);
        line.push(text(page, x + width - pw, baseline, 'regular', size, COLORS.ink, measure));
        ops.push(...marked(structNode('TOCI', toc), line));
        ops.push({
          op: 'leader',
          x1: x + numberColumn + tw + size * 0.6,
          x2: x + width - pageColumn - size * 0.2,
          y: baseline,
          color: COLORS.faint,
          gap: size * 0.5,
        });
        ops.push({ op: 'link', x, y, w: width, h: rowH, dest: entry.dest });
      }
      y += rowH;
    });
    pages.push({ boxes: [{ ops, dy: 0 }], anchors: [], section: { title } });
    return pages;
  };
  return { pageCount, build };
}

function text(
  s: string,
  x: number,
  y: number,
  face: 'regular' | 'bold',
  size: number,
  color: string,
  measure: Measurer,
): Extract<Op, { op: 'text' }> {
  return { op: 'text', x, y, text: s, face, size, color, width: measure.width(s, face, size) };
}

/** The text itself if it fits in `max`, else as much as fits followed by "…". */
export function fitText(
  s: string,
  face: 'regular' | 'bold' | 'italic',
  size: number,
  max: number,
  measure: Measurer,
): string {
  if (measure.width(s, face, size) <= max) return s;
  let chars = Array.from(s);
  while (chars.length > 1 && measure.width(chars.join('').trimEnd() + '…', face, size) > max) {
    chars = chars.slice(0, Math.max(1, Math.floor(chars.length * 0.9)));
  }
  let out = chars.join('').trimEnd();
  // Give back characters one at a time while they still fit.
  for (const ch of Array.from(s).slice(chars.length)) {
    if (measure.width(out + ch + '…', face, size) > max) break;
    out += ch;
  }
  return out.trimEnd() + '…';
}
