/** Flow items for the model's blocks: headings, paragraphs, lists, tables, key-value lists, notes. */
import { marked, type Box, type FlowItem, type Op } from './boxes.js';
import { parseMarkdown } from './markdown.js';
import type { Block, KeyValueBlock, NoteBlock, TableBlock } from './model.js';
import { formatDate, t } from './strings.js';
import {
  attachToFirstLines,
  bodyStyle,
  changeBar,
  column,
  lineBoxes,
  lineOps,
  listFlow,
  markdownFlow,
  stack,
  styled,
  subheading,
  textRuns,
  withChangeBar,
  within,
  type FlowContext,
  type LineStyle,
} from './text-layout.js';
import { COLORS, baselineIn } from './theme.js';
import { breakLines } from './typeset.js';
import { structNode, type StructNode } from './structure.js';

export function blockFlow(block: Block, ctx: FlowContext): FlowItem[] {
  if (block.type === 'heading') return subheading(textRuns(block.text, ctx.lang), block.level, ctx);
  // Items new or changed since the copy a reissue replaces get a bar in the margin (changes.ts).
  const changed = new Set(block.changed ?? []);
  switch (block.type) {
    case 'paragraph': {
      const flow = markdownFlow(parseMarkdown(block.markdown), ctx);
      return changed.has(0) ? withChangeBar(flow, ctx) : flow;
    }
    case 'numberedList':
    case 'bulletList':
      return listFlow(
        block.items.map((item) => parseMarkdown(item)),
        block.type === 'numberedList',
        block.start ?? 1,
        ctx,
        0,
        changed,
      );
    case 'table':
      return [tableFlow(block, ctx, changed)];
    case 'keyValue':
      return keyValueFlow(block, ctx, changed);
    case 'note': {
      const flow = noteFlow(block, ctx);
      return changed.has(0) ? withChangeBar(flow, ctx) : flow;
    }
  }
}

/** True when a block would print nothing (so an all-empty section can be omitted). */
export function isEmptyBlock(block: Block): boolean {
  switch (block.type) {
    case 'paragraph':
      return block.markdown.trim() === '';
    case 'numberedList':
    case 'bulletList':
      return block.items.every((i) => i.trim() === '');
    case 'table':
      return block.rows.length === 0;
    case 'keyValue':
      return block.items.length === 0;
    case 'heading':
    case 'note':
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

function tableFlow(block: TableBlock, ctx: FlowContext, changed: ReadonlySet<number>): FlowItem {
  const s = ctx.scale;
  const pad = s.small * 0.5;
  const style: LineStyle = { size: s.small, leading: s.smallLeading, color: COLORS.ink };
  const total = block.columns.reduce((sum, c) => sum + Math.max(0, c.width), 0) || 1;
  const widths = block.columns.map((c) => (Math.max(0, c.width) / total) * ctx.width);
  const xs = widths.map((_, i) => ctx.x + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const base = baselineIn(style.leading, style.size);

  const cellLines = (cells: readonly (readonly ReturnType<typeof styled>[number][])[]) =>
    cells.map((runs, c) => breakLines(runs, Math.max(widths[c]! - 2 * pad, 1), style.size, ctx.measure));

  const rowBox = (
    lines: ReturnType<typeof cellLines>,
    fill: string | undefined,
    bar: boolean,
    head: boolean,
    changedRow = false,
    /** Each cell's structure element (none: a repeated header, page furniture). */
    cells: readonly (StructNode | undefined)[] = [],
  ): Box => {
    const rows = Math.max(1, ...lines.map((l) => l.length));
    const h = rows * style.leading + 2 * pad;
    const ops: Op[] = [];
    if (changedRow) ops.push(changeBar(ctx, h));
    if (fill) ops.push({ op: 'rect', x: ctx.x, y: 0, w: ctx.width, h, fill });
    if (bar) ops.push({ op: 'rect', x: ctx.x, y: 0, w: 2, h, fill: COLORS.highlightBar });
    lines.forEach((cell, c) => {
      const align = block.columns[c]?.align ?? 'left';
      const cellStyle = { ...style, align, color: head ? COLORS.accent : COLORS.ink };
      const cellOps = cell.flatMap((line, n) =>
        lineOps(line, xs[c]! + pad, pad + n * style.leading + base, cellStyle, widths[c]! - 2 * pad),
      );
      ops.push(...marked(cells[c], cellOps));
    });
    const ruleColor = head ? COLORS.accent : COLORS.hairline;
    ops.push({
      op: 'line',
      x1: ctx.x,
      y1: h,
      x2: ctx.x + ctx.width,
      y2: h,
      color: ruleColor,
      width: head ? 0.8 : 0.5,
    });
    return { h, ops };
  };

  const headLines = cellLines(
    block.columns.map((c) => styled(textRuns(c.label, ctx.lang, true), { bold: true })),
  );
  const table = structNode('Table', ctx.struct);
  const headRow = structNode('TR', table);
  const header = rowBox(
    headLines,
    COLORS.tableHead,
    false,
    true,
    false,
    block.columns.map(() => structNode('TH', headRow, { scope: 'Column' })),
  );
  const repeatedHeader = rowBox(headLines, COLORS.tableHead, false, true);
  const contStyle: LineStyle = { size: s.small * 0.95, leading: s.smallLeading, color: COLORS.muted };
  const contLines = lineBoxes(
    [{ text: t(ctx.lang, 'table.continued'), face: 'regular' }],
    ctx.x,
    ctx.width,
    contStyle,
    ctx.measure,
  );
  const continuedHeader: Box = {
    h: contLines[0]!.h + repeatedHeader.h,
    ops: stack([...contLines, repeatedHeader]),
  };

  const highlighted = new Set(block.highlightRows ?? []);
  // A row taller than a page cannot keep together: it is cut into page-sized slices.
  const maxRows = Math.max(
    1,
    Math.floor((ctx.geo.bodyBottom - ctx.geo.bodyTop - continuedHeader.h - 2 * pad) / style.leading) - 1,
  );
  const rows: Box[] = [];
  block.rows.forEach((row, r) => {
    const cells = block.columns.map((_, c) => styled(textRuns(row[c] ?? '', ctx.lang)));
    const lines = cellLines(cells);
    const hl = highlighted.has(r);
    const fill = hl ? COLORS.highlight : r % 2 === 1 ? COLORS.tableStripe : undefined;
    const count = Math.max(1, ...lines.map((l) => l.length));
    const tr = structNode('TR', table);
    const tds = block.columns.map(() => structNode('TD', tr));
    for (let from = 0; from < count; from += maxRows) {
      rows.push(
        rowBox(
          lines.map((l) => l.slice(from, from + maxRows)),
          fill,
          hl,
          false,
          changed.has(r),
          tds,
        ),
      );
    }
  });
  return { kind: 'table', header, continuedHeader, rows };
}

// ---------------------------------------------------------------------------------------------
// Key-value lists (e.g. a biography's position, languages, protocol)

function keyValueFlow(block: KeyValueBlock, ctx: FlowContext, changed: ReadonlySet<number>): FlowItem[] {
  const s = ctx.scale;
  const labelWidth = Math.min(Math.max(ctx.width * 0.26, 90), ctx.width * 0.4);
  const gutter = s.body;
  const valueCtx = column(ctx, labelWidth + gutter);
  const out: FlowItem[] = [];
  const labelStyle: LineStyle = { size: s.small, leading: s.bodyLeading, color: COLORS.muted };
  const labelBase = baselineIn(s.bodyLeading, s.body);
  // Read as a list: each label, then its value.
  const list = structNode('L', ctx.struct);
  block.items.forEach((item, n) => {
    if (n > 0) out.push({ kind: 'space', h: s.itemGap * 1.5 });
    const entry = structNode('LI', list);
    const value = structNode('LBody', entry);
    // A value written as one string may hold several paragraphs (a biography); labels and dates do not.
    const flow: FlowItem[] =
      typeof item.value === 'string'
        ? markdownFlow(parseMarkdown(item.value), within(valueCtx, value))
        : [
            {
              kind: 'lines',
              lines: lineBoxes(
                styled(textRuns(item.value, ctx.lang)),
                valueCtx.x,
                valueCtx.width,
                bodyStyle(ctx),
                ctx.measure,
                structNode('P', value),
              ),
            },
          ];
    if (flow.length === 0) flow.push({ kind: 'lines', lines: [{ h: s.bodyLeading, ops: [] }] });
    const labelLines = breakLines(
      styled(textRuns(item.label, ctx.lang, true), { bold: true }),
      labelWidth,
      labelStyle.size,
      ctx.measure,
    );
    const label = structNode('Lbl', entry);
    attachToFirstLines(
      flow,
      labelLines.map((line) => marked(label, lineOps(line, ctx.x, labelBase, labelStyle))),
      s.bodyLeading,
    );
    out.push(...(changed.has(n) ? withChangeBar(flow, ctx) : flow));
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Notes (annotations)

function noteFlow(block: NoteBlock, ctx: FlowContext): FlowItem[] {
  const s = ctx.scale;
  const indent = s.body * 1.1;
  const inner = column(ctx, indent);
  const meta: LineStyle = { size: s.small, leading: s.smallLeading, color: COLORS.muted };
  const metaRuns = [
    { text: block.author, face: 'bold' as const, color: COLORS.ink },
    { text: `  ·  ${formatDate(block.date, ctx.lang)}`, face: 'regular' as const },
    ...(block.target
      ? [
          { text: `  ·  ${t(ctx.lang, 'note.on')}: `, face: 'regular' as const },
          { text: block.target, face: 'italic' as const },
        ]
      : []),
  ];
  const note = structNode('Div', ctx.struct);
  const metaLines = lineBoxes(metaRuns, inner.x, inner.width, meta, ctx.measure, structNode('P', note));
  const gap = s.itemGap;
  const headerBox: Box = { h: metaLines.reduce((h, l) => h + l.h, 0) + gap, ops: stack(metaLines) };
  const body = markdownFlow(parseMarkdown(block.body), within(inner, note));
  const items: FlowItem[] = [{ kind: 'box', box: headerBox, keepWithNext: true }, ...body];
  // A rule down the left side ties the note together, page break or not.
  const bar = (h: number): Op => ({ op: 'rect', x: ctx.x, y: 0, w: 1.6, h, fill: COLORS.noteBar });
  return items.map((item): FlowItem => {
    if (item.kind === 'lines')
      return { kind: 'lines', lines: item.lines.map((l) => ({ ...l, ops: [bar(l.h), ...l.ops] })) };
    if (item.kind === 'box')
      return { ...item, box: { ...item.box, ops: [bar(item.box.h), ...item.box.ops] } };
    if (item.kind === 'space') return { kind: 'box', box: { h: item.h, ops: [bar(item.h)] } };
    return item;
  });
}
