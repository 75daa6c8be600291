/**
 * What pdfkit draws on an annex's pages: a caption at the top of the body ("Anexo C · Title", and which page of
 * the document this is), the area left below it for the document's page or image, and the placeholder page of
 * a file that cannot be printed — what it is (title, file name, type, size, sha256) and why.
 */
import { structNode, type StructNode } from './structure.js';
import { marked, shiftOp, type Op } from './boxes.js';
import type { UnprintedReason } from './model.js';
import type { Area } from './annex-merge.js';
import type { BookAnnex } from './model.js';
import { fitText } from './contents.js';
import { t } from './strings.js';
import { COLORS, type PageGeometry, type TypeScale } from './theme.js';
import { lineBoxes, stack, type FlowContext } from './text-layout.js';

/** Height of the caption band above an annex page's drawing. */
const CAPTION_H = 22;

export interface AnnexPageContext extends FlowContext {
  geo: PageGeometry;
  scale: TypeScale;
}

/** The caption at the top of each annex page, and the area below it for the page's drawing. */
export function annexCaption(
  ctx: AnnexPageContext,
  annex: { label: string; title: string },
  page: number,
  pages: number,
  /** The annex's heading element, on its first page. */
  heading?: StructNode,
): { ops: Op[]; area: Area } {
  const { geo, measure } = ctx;
  const size = ctx.scale.small;
  const caption = t(ctx.lang, 'annex.caption', { letter: annex.label, title: annex.title });
  const right = pages > 1 ? t(ctx.lang, 'annex.documentPage', { page, pages }) : '';
  const rightW = right ? measure.width(right, 'regular', size) : 0;
  const shown = fitText(caption, 'bold', size, geo.textWidth - rightW - 12, measure);
  const baseline = geo.bodyTop + size;
  const ops: Op[] = marked(heading, [
    {
      op: 'text',
      x: geo.marginLeft,
      y: baseline,
      text: shown,
      face: 'bold',
      size,
      color: COLORS.accent,
      width: measure.width(shown, 'bold', size),
    },
  ]);
  if (right) {
    ops.push({
      op: 'text',
      x: geo.marginLeft + geo.textWidth - rightW,
      y: baseline,
      text: right,
      face: 'regular',
      size,
      color: COLORS.muted,
      width: rightW,
    });
  }
  const top = geo.bodyTop + CAPTION_H;
  return {
    ops,
    area: { x: geo.marginLeft, y: top, width: geo.textWidth, height: geo.bodyBottom - top },
  };
}

/** The placeholder page's body: a heading, the file's particulars, the reason, and where the file is. */
export function placeholderOps(
  ctx: AnnexPageContext,
  annex: BookAnnex,
  reason: UnprintedReason,
  top: number,
  /** The annex's section element. */
  part?: StructNode,
): Op[] {
  const { geo, measure, lang } = ctx;
  const s = ctx.scale;
  const x = geo.marginLeft;
  const width = geo.textWidth;
  const ops: Op[] = [];
  let y = top + 8;
  const put = (lines: ReturnType<typeof lineBoxes>, node?: StructNode): void => {
    for (const o of marked(node, stack(lines))) {
      ops.push(shiftOp(o, y));
    }
    y += lines.reduce((h, l) => h + l.h, 0);
  };
  put(
    lineBoxes(
      [{ text: t(lang, 'annex.unprinted'), face: 'bold' }],
      x,
      width,
      { size: s.h2, leading: s.h2 * 1.3, color: COLORS.ink },
      measure,
    ),
    structNode('H2', part),
  );
  y += 4;
  ops.push({ op: 'line', x1: x, y1: y, x2: x + width, y2: y, color: COLORS.rule, width: 0.6 });
  y += 10;
  const rows: [string, string][] = [
    [t(lang, 'annex.field.title'), annex.title],
    [t(lang, 'annex.field.file'), annex.fileName],
    [t(lang, 'annex.field.type'), annex.mediaType || '—'],
    [t(lang, 'annex.field.size'), byteSize(annex.bytes, lang)],
    [t(lang, 'annex.field.sha256'), annex.sha256],
    [t(lang, 'annex.field.reason'), t(lang, `annex.reason.${reason}`)],
  ];
  const labelW = Math.max(...rows.map(([label]) => measure.width(label, 'bold', s.body))) + 14;
  const style = { size: s.body, leading: s.body * 1.45, color: COLORS.ink };
  for (const [label, value] of rows) {
    const labelLine = lineBoxes(
      [{ text: label, face: 'bold' }],
      x,
      labelW,
      { ...style, color: COLORS.muted },
      measure,
    );
    const valueLines = lineBoxes(
      [{ text: value, face: 'regular' }],
      x + labelW,
      width - labelW,
      style,
      measure,
    );
    // Read as "label: value", one paragraph per particular.
    const row = structNode('P', part);
    const rowTop = y;
    put(labelLine, row);
    y = rowTop;
    put(valueLines, row);
    y += 4;
  }
  y += 8;
  put(
    lineBoxes(
      [{ text: t(lang, 'annex.keep'), face: 'italic' }],
      x,
      width,
      { ...style, color: COLORS.muted },
      measure,
    ),
    structNode('P', part),
  );
  return ops;
}

function byteSize(bytes: number, lang: 'es' | 'en'): string {
  const n = new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-GB');
  const exact = `${n.format(bytes)} bytes`;
  if (bytes < 1024) return exact;
  const [value, unit] = bytes < 2 ** 20 ? [bytes / 1024, 'KiB'] : [bytes / 2 ** 20, 'MiB'];
  return `${new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-GB', { maximumFractionDigits: 1 }).format(value)} ${unit} (${exact})`;
}
