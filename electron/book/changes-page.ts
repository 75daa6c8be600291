/**
 * The changes page of a reissue, right after the contents: "Changes since copy no. X of <date>", then section
 * by section what is new, changed and removed (removed items by their title, struck through) — or, with
 * nothing changed, "No changes since copy no. X". The items themselves carry a bar in the margin (blocks.ts).
 */
import type { Box, FlowItem, Op } from './boxes.js';
import type { BookReissue } from './model.js';
import { sectionSpec } from './section-table.js';
import { formatDate, t } from './strings.js';
import { bodyStyle, lineBoxes, stack, subheading, within, type FlowContext } from './text-layout.js';
import { structNode, type StructNode } from './structure.js';
import { COLORS } from './theme.js';

export function changesTitle(reissue: BookReissue, lang: FlowContext['lang']): string {
  return t(lang, 'changes.title', { copy: reissue.copyNumber, date: formatDate(reissue.date, lang) });
}

function changedSectionTitle(id: BookReissue['changes'][number]['id'], lang: FlowContext['lang']): string {
  return id === 'documents' ? t(lang, 'contents.annexes') : t(lang, sectionSpec(id).title);
}

export function changesFlow(reissue: BookReissue, outer: FlowContext): FlowItem[] {
  const ctx = within(outer, structNode('Sect', outer.struct));
  const s = ctx.scale;
  const items: FlowItem[] = [
    { kind: 'box', box: titleBox(changesTitle(reissue, ctx.lang), ctx), keepWithNext: true },
  ];
  const line = (runs: Parameters<typeof lineBoxes>[0], node: StructNode, color = COLORS.ink) =>
    lineBoxes(runs, ctx.x, ctx.width, { ...bodyStyle(ctx), color }, ctx.measure, node);
  if (reissue.changes.length === 0) {
    items.push({
      kind: 'lines',
      lines: line(
        [{ text: t(ctx.lang, 'changes.none', { copy: reissue.copyNumber }), face: 'regular' }],
        structNode('P', ctx.struct),
      ),
    });
    return items;
  }
  items.push({
    kind: 'lines',
    lines: lineBoxes(
      [{ text: t(ctx.lang, 'changes.explain'), face: 'regular' }],
      ctx.x,
      ctx.width,
      { size: s.small, leading: s.smallLeading, color: COLORS.muted },
      ctx.measure,
      structNode('P', ctx.struct),
    ),
  });
  for (const section of reissue.changes) {
    items.push(
      ...subheading(
        [{ text: changedSectionTitle(section.id, ctx.lang), bold: false, italic: false }],
        2,
        ctx,
      ),
    );
    const entries = [
      ...section.added.map((title) => ({ what: 'changes.added' as const, title })),
      ...section.changed.map((title) => ({ what: 'changes.changed' as const, title })),
      ...section.removed.map((title) => ({ what: 'changes.removed' as const, title })),
    ];
    const list = structNode('L', ctx.struct);
    entries.forEach(({ what, title }, n) => {
      if (n > 0) items.push({ kind: 'space', h: s.itemGap });
      const entry = structNode('LBody', structNode('LI', list));
      const lines = line(
        [
          { text: `${t(ctx.lang, what)}: `, face: 'bold' },
          { text: title, face: 'regular', color: what === 'changes.removed' ? COLORS.muted : undefined },
        ],
        entry,
      );
      items.push({ kind: 'lines', lines: what === 'changes.removed' ? lines.map(struck) : lines });
    });
  }
  return items;
}

/** The page's title, set like the contents' title: large, with a rule under it. */
function titleBox(title: string, ctx: FlowContext): Box {
  const s = ctx.scale;
  const lines = lineBoxes(
    [{ text: title, face: 'bold' }],
    ctx.x,
    ctx.width,
    { size: s.h1, leading: s.h1 * 1.25, color: COLORS.ink },
    ctx.measure,
    structNode('H1', ctx.struct),
  );
  const ops = stack(lines);
  const y = lines.reduce((h, l) => h + l.h, 0) + s.h1 * 0.3;
  ops.push({ op: 'line', x1: ctx.x, y1: y, x2: ctx.x + ctx.width, y2: y, color: COLORS.accent, width: 0.9 });
  return { h: y + s.paragraphGap * 3, ops };
}

/** A line whose removed title (its muted text) is struck through. */
function struck(line: Box): Box {
  const strikes: Op[] = line.ops.flatMap((o): Op[] =>
    o.op === 'text' && o.color === COLORS.muted
      ? [
          {
            op: 'line',
            x1: o.x,
            y1: o.y - o.size * 0.3,
            x2: o.x + o.width,
            y2: o.y - o.size * 0.3,
            color: COLORS.muted,
            width: 0.7,
          },
        ]
      : [],
  );
  return { ...line, ops: [...line.ops, ...strikes] };
}
