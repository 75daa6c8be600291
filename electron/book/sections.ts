/** Which sections print, how they are numbered, and each section's flow (heading, banner, blocks). */
import { blockFlow, isEmptyBlock } from './blocks.js';
import { structNode } from './structure.js';
import { marked, shiftOp, type Box, type FlowItem, type Op } from './boxes.js';
import type { BookModel, BookSection, SectionId } from './model.js';
import { sectionSpec } from './section-table.js';
import { t } from './strings.js';
import { lineBoxes, stack, textOp, within, type FlowContext } from './text-layout.js';
import { COLORS, baselineIn } from './theme.js';
import type { Lang } from '../../domain/results.js';

export interface SectionPlan {
  section: BookSection;
  id: SectionId;
  title: string;
  /** "1", "2"… for the body, "A", "B"… for annexes, "" for the card. */
  label: string;
  annex: boolean;
  dest: string;
}

export function sectionTitle(section: BookSection, lang: Lang): string {
  return section.title?.trim() || t(lang, sectionSpec(section.id).title);
}

/** A section prints only if one of its blocks carries content (headings alone do not). */
export function hasContent(section: BookSection): boolean {
  return section.blocks.some((b) => b.type !== 'heading' && !isEmptyBlock(b));
}

export function planSections(model: BookModel): SectionPlan[] {
  let number = 0;
  let annex = 0;
  return model.sections.filter(hasContent).map((section, i) => {
    const print = sectionSpec(section.id).print ?? {};
    const isAnnex = print.annex === true;
    const label = print.unnumbered
      ? ''
      : isAnnex
        ? String.fromCharCode(65 + (annex++ % 26))
        : String(++number);
    return {
      section,
      id: section.id,
      title: sectionTitle(section, model.lang),
      label,
      annex: isAnnex,
      dest: `section-${i + 1}-${section.id}`,
    };
  });
}

/** The section heading: kicker for annexes, number, title, and a rule under it (a level-1 heading of ctx's section). */
export function sectionHeading(plan: SectionPlan, ctx: FlowContext): Box {
  const s = ctx.scale;
  const ops: Op[] = [];
  const heading = structNode('H1', ctx.struct);
  let y = 0;
  if (plan.annex) {
    const size = s.small;
    const kicker = t(ctx.lang, 'annex.label', { letter: plan.label }).toUpperCase();
    ops.push(textOp(ctx, kicker, ctx.x, baselineIn(size * 1.5, size), 'bold', size, COLORS.muted));
    y += size * 1.6;
  }
  const size = s.h1;
  const leading = size * 1.25;
  const numberColumn = plan.label && !plan.annex ? ctx.measure.width('00', 'bold', size) + size * 0.7 : 0;
  if (numberColumn) {
    ops.push(textOp(ctx, plan.label, ctx.x, y + baselineIn(leading, size), 'bold', size, COLORS.accent));
  }
  const titleLines = lineBoxes(
    [{ text: plan.title, face: 'bold' }],
    ctx.x + numberColumn,
    ctx.width - numberColumn,
    { size, leading, color: COLORS.ink },
    ctx.measure,
  );
  for (const o of stack(titleLines)) ops.push(shiftOp(o, y));
  ops.splice(0, ops.length, ...marked(heading, ops));
  y += titleLines.reduce((h, l) => h + l.h, 0) + size * 0.3;
  ops.push({ op: 'line', x1: ctx.x, y1: y, x2: ctx.x + ctx.width, y2: y, color: COLORS.accent, width: 0.9 });
  y += s.paragraphGap * 2;
  return { h: y, ops, anchor: { dest: plan.dest, sectionId: plan.id, title: plan.title } };
}

function privateBanner(ctx: FlowContext): Box {
  const s = ctx.scale;
  const pad = s.body * 0.7;
  const inner = ctx.width - 2 * pad;
  const title = lineBoxes(
    [{ text: t(ctx.lang, 'private.banner'), face: 'bold' }],
    ctx.x + pad,
    inner,
    { size: s.body * 1.1, leading: s.body * 1.5, color: COLORS.privateInk },
    ctx.measure,
    structNode('P', ctx.struct),
  );
  const explain = lineBoxes(
    [{ text: t(ctx.lang, 'private.explain'), face: 'regular' }],
    ctx.x + pad,
    inner,
    { size: s.small, leading: s.smallLeading, color: COLORS.privateInk },
    ctx.measure,
    structNode('P', ctx.struct),
  );
  const content = stack([...title, ...explain]);
  const h = [...title, ...explain].reduce((sum, l) => sum + l.h, 0) + 2 * pad;
  const ops: Op[] = [
    {
      op: 'rect',
      x: ctx.x,
      y: 0,
      w: ctx.width,
      h,
      fill: COLORS.privateFill,
      stroke: COLORS.privateInk,
      lineWidth: 1,
    },
    ...content.map((o) => shiftOp(o, pad)),
  ];
  return { h, ops };
}

/** The flow of one section (not the card, which is laid out on its own page by card.ts). */
export function sectionFlow(plan: SectionPlan, outer: FlowContext, first: boolean): FlowItem[] {
  const ctx = within(outer, structNode('Sect', outer.struct));
  const s = ctx.scale;
  const items: FlowItem[] = [{ kind: 'section', id: plan.id, title: plan.title }];
  const print = sectionSpec(plan.id).print ?? {};
  if (print.newPage) items.push({ kind: 'pageBreak' });
  else if (!first) items.push({ kind: 'space', h: s.h1 * 1.9 });
  items.push({ kind: 'box', box: sectionHeading(plan, ctx), keepWithNext: true });
  if (print.banner === 'private') {
    items.push(
      { kind: 'box', box: privateBanner(ctx), keepWithNext: true },
      { kind: 'space', h: s.paragraphGap * 2 },
    );
  }
  const blocks = plan.section.blocks.filter((b) => !isEmptyBlock(b));
  blocks.forEach((block, n) => {
    if (n > 0 && block.type !== 'heading') {
      items.push({ kind: 'space', h: block.type === 'note' ? s.paragraphGap * 2.2 : s.paragraphGap * 1.5 });
    }
    const flow = blockFlow(block, ctx);
    // A sub-heading that opens the section needs no space above it.
    if (n === 0 && flow[0]?.kind === 'space') flow.shift();
    items.push(...flow);
  });
  return items;
}
