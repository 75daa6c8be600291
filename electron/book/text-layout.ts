/**
 * From text to flow items: resolving labels and dates, setting lines in boxes, and laying out
 * Markdown (paragraphs, headings, nested lists) in a column.
 */
import { structNode, type StructNode } from './structure.js';
import { marked, shiftOp, type Box, type FlowItem, type Op } from './boxes.js';
import type { Face } from './fonts.js';
import { parseInline, parseMarkdown, type InlineRun, type MdBlock } from './markdown.js';
import type { Measurer } from './measure.js';
import type { Text, TextPart } from './model.js';
import { formatDate, isStringKey, t } from './strings.js';
import { COLORS, baselineIn, type PageGeometry, type TypeScale } from './theme.js';
import { breakLines, faceOf, type Line, type StyledRun } from './typeset.js';
import type { Lang } from '../../domain/results.js';
import { choiceLabel } from '../../domain/vocabulary.js';

export interface FlowContext {
  lang: Lang;
  geo: PageGeometry;
  scale: TypeScale;
  measure: Measurer;
  /** Left edge and width of the column being set. */
  x: number;
  width: number;
  /** The structure element what is set here belongs to (a section, a list item's body, a note); none: the document. */
  struct?: StructNode;
}

/** The context for what belongs to `struct`. */
export function within(ctx: FlowContext, struct: StructNode): FlowContext {
  return { ...ctx, struct };
}

export function column(ctx: FlowContext, indent: number, width = ctx.width - indent): FlowContext {
  return { ...ctx, x: ctx.x + indent, width };
}

/** Labels printed in bold wherever they appear (warnings such as "overdue"). */
const EMPHASISED: ReadonlySet<string> = new Set(['commitments.overdue']);

/** Resolves one text part: strings are inline Markdown unless `plain`; labels, choices and dates are plain. */
export function partRuns(part: TextPart, lang: Lang, plain = false): InlineRun[] {
  if (typeof part === 'string')
    return plain ? [{ text: part, bold: false, italic: false }] : parseInline(part);
  if ('key' in part) {
    const text = isStringKey(part.key) ? t(lang, part.key) : String(part.key);
    return [{ text, bold: EMPHASISED.has(part.key), italic: false }];
  }
  if ('choice' in part)
    return [{ text: choiceLabel(lang, part.choice, part.value), bold: false, italic: false }];
  return [{ text: formatDate(part.date, lang, part.style ?? 'long'), bold: false, italic: false }];
}

export function textRuns(text: Text, lang: Lang, plain = false): InlineRun[] {
  const parts = Array.isArray(text) ? text : [text];
  return parts.flatMap((p) => partRuns(p, lang, plain));
}

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

export function styled(runs: readonly InlineRun[], style: RunStyle = {}): StyledRun[] {
  return runs.map((r) => ({
    text: r.text,
    face: faceOf(r.bold || !!style.bold, r.italic || !!style.italic),
    color: style.color,
  }));
}

export interface LineStyle {
  size: number;
  leading: number;
  color: string;
  align?: 'left' | 'right' | 'center';
}

/** Text ops for one line, with its baseline at `baseline` and its left edge at `x`. */
export function lineOps(line: Line, x: number, baseline: number, style: LineStyle, width?: number): Op[] {
  let dx = 0;
  if (width !== undefined && style.align === 'right') dx = width - line.width;
  else if (width !== undefined && style.align === 'center') dx = (width - line.width) / 2;
  return line.fragments.map((f) => {
    const op: Extract<Op, { op: 'text' }> = {
      op: 'text',
      x: x + dx + f.x,
      y: baseline,
      text: f.text,
      face: f.face,
      size: style.size,
      color: f.color ?? style.color,
      width: f.width,
    };
    if (f.tj !== undefined) op.tj = f.tj;
    return op;
  });
}

/** Sets styled runs in a column: one box per line, each the content of `node` where one is given. */
export function lineBoxes(
  runs: readonly StyledRun[],
  x: number,
  width: number,
  style: LineStyle,
  measure: Measurer,
  node?: StructNode,
): Box[] {
  const base = baselineIn(style.leading, style.size);
  return breakLines(runs, width, style.size, measure).map((line) => ({
    h: style.leading,
    ops: marked(node, lineOps(line, x, base, style, width)),
  }));
}

export function bodyStyle(ctx: FlowContext): LineStyle {
  return { size: ctx.scale.body, leading: ctx.scale.bodyLeading, color: COLORS.ink };
}

/** A one-line text op measured with the context's fonts. */
export function textOp(
  ctx: FlowContext,
  text: string,
  x: number,
  y: number,
  face: Face,
  size: number,
  color: string,
): Extract<Op, { op: 'text' }> {
  return { op: 'text', x, y, text, face, size, color, width: ctx.measure.width(text, face, size) };
}

/** Sub-heading (level 2 or 3, also Markdown `#` headings): kept with what follows. */
export function subheading(runs: readonly InlineRun[], level: 2 | 3, ctx: FlowContext): FlowItem[] {
  const s = ctx.scale;
  const size = level === 2 ? s.h2 : s.h3;
  const style: LineStyle = { size, leading: size * 1.3, color: level === 2 ? COLORS.accent : COLORS.ink };
  const lines = lineBoxes(
    styled(runs, { bold: true, italic: level === 3 }),
    ctx.x,
    ctx.width,
    style,
    ctx.measure,
    structNode(level === 2 ? 'H2' : 'H3', ctx.struct),
  );
  const after = level === 2 ? s.paragraphGap * 0.6 : s.paragraphGap * 0.4;
  const box: Box = { h: lines.reduce((h, l) => h + l.h, 0) + after, ops: stack(lines) };
  return [
    { kind: 'space', h: level === 2 ? s.paragraphGap * 2 : s.paragraphGap * 1.2 },
    { kind: 'box', box, keepWithNext: true },
  ];
}

/** Puts boxes one under the other into a single list of ops. */
export function stack(boxes: readonly Box[], ops: Op[] = []): Op[] {
  let y = 0;
  for (const b of boxes) {
    for (const o of b.ops) ops.push(shiftOp(o, y));
    y += b.h;
  }
  return ops;
}

/** Lays out parsed Markdown blocks in the context's column. */
export function markdownFlow(blocks: readonly MdBlock[], ctx: FlowContext, depth = 0): FlowItem[] {
  const items: FlowItem[] = [];
  blocks.forEach((b, n) => {
    if (n > 0) items.push({ kind: 'space', h: ctx.scale.paragraphGap });
    if (b.type === 'paragraph') {
      items.push({
        kind: 'lines',
        lines: lineBoxes(
          styled(b.runs),
          ctx.x,
          ctx.width,
          bodyStyle(ctx),
          ctx.measure,
          structNode('P', ctx.struct),
        ),
      });
    } else if (b.type === 'heading') {
      items.push(...subheading(b.runs, b.level <= 2 ? 2 : 3, ctx).slice(n === 0 ? 1 : 0));
    } else {
      items.push(...listFlow(b.items, b.ordered, b.start, ctx, depth));
    }
  });
  return items;
}

export function markdownText(source: string, ctx: FlowContext): FlowItem[] {
  return markdownFlow(parseMarkdown(source), ctx);
}

/** Adds ops to the first lines of a flow (a list marker, a key's label lines), one list of ops per line. */
export function attachToFirstLines(items: FlowItem[], perLine: readonly Op[][], lineHeight = 0): void {
  let i = 0;
  for (const item of items) {
    if (i >= perLine.length) return;
    if (item.kind === 'lines') {
      for (const line of item.lines) {
        if (i >= perLine.length) return;
        line.ops.unshift(...perLine[i++]!); // before the line's text, so reading order is label first
      }
    } else if (item.kind === 'box') {
      item.box.ops.unshift(...perLine[i++]!);
    }
  }
  if (i < perLine.length) {
    // More label lines than content lines: give them lines of their own.
    const rest = perLine.slice(i).map((ops) => ({ h: lineHeight, ops }));
    items.push({ kind: 'lines', lines: rest });
  }
}

/** The baseline of the first text in a flow (to align a marker with it). */
export function firstBaseline(items: readonly FlowItem[], fallback: number): number {
  for (const item of items) {
    const box = item.kind === 'lines' ? item.lines[0] : item.kind === 'box' ? item.box : undefined;
    const text = box?.ops.find((o) => o.op === 'text');
    if (text && text.op === 'text') return text.y;
  }
  return fallback;
}

/** The margin bar's left edge, in the page's left margin whatever the column's indent. */
const CHANGE_BAR_INSET = 10;
export const CHANGE_BAR_WIDTH = 2.4;

/** The margin bar beside a new or changed item, `h` high, in the page's left margin whatever the indent. */
export function changeBar(ctx: FlowContext, h: number): Op {
  return {
    op: 'rect',
    x: ctx.geo.marginLeft - CHANGE_BAR_INSET,
    y: 0,
    w: CHANGE_BAR_WIDTH,
    h,
    fill: COLORS.changeBar,
  };
}

/** The bar beside every line and box of a new or changed item (layout is unchanged). */
export function withChangeBar(items: readonly FlowItem[], ctx: FlowContext): FlowItem[] {
  return items.map((item): FlowItem => {
    if (item.kind === 'lines')
      return {
        kind: 'lines',
        lines: item.lines.map((l) => ({ ...l, ops: [changeBar(ctx, l.h), ...l.ops] })),
      };
    if (item.kind === 'box')
      return { ...item, box: { ...item.box, ops: [changeBar(ctx, item.box.h), ...item.box.ops] } };
    return item;
  });
}

export function listFlow(
  items: readonly (readonly MdBlock[])[],
  ordered: boolean,
  start: number,
  ctx: FlowContext,
  depth = 0,
  /** Items new or changed since the copy compared with: a bar beside them. */
  changed: ReadonlySet<number> = new Set(),
): FlowItem[] {
  const s = ctx.scale;
  const size = s.body;
  const lastNumber = `${start + items.length - 1}.`;
  const indent = ordered
    ? Math.max(s.listIndent, ctx.measure.width(lastNumber, 'regular', size) + size * 0.6)
    : s.listIndent * 0.85;
  const inner = column(ctx, indent);
  const out: FlowItem[] = [];
  const list = structNode('L', ctx.struct);
  items.forEach((blocks, n) => {
    if (n > 0) out.push({ kind: 'space', h: s.itemGap });
    const item = structNode('LI', list);
    const flow = markdownFlow(blocks, within(inner, structNode('LBody', item)), depth + 1);
    if (flow.length === 0) flow.push({ kind: 'lines', lines: [{ h: s.bodyLeading, ops: [] }] });
    const baseline = firstBaseline(flow, baselineIn(s.bodyLeading, size));
    const marker = ordered ? `${start + n}.` : depth % 2 === 0 ? '•' : '–';
    const face: Face = 'regular';
    const w = ctx.measure.width(marker, face, size);
    const x = ordered ? inner.x - size * 0.45 - w : ctx.x + size * 0.3;
    const color = ordered ? COLORS.accent : COLORS.muted;
    attachToFirstLines(flow, [
      marked(structNode('Lbl', item), [
        { op: 'text', x, y: baseline, text: marker, face, size, color, width: w },
      ]),
    ]);
    out.push(...(changed.has(n) ? withChangeBar(flow, ctx) : flow));
  });
  return out;
}
