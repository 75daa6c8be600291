/**
 * The detachable card: the points to make on one page, inside a dashed cut line. It always fits
 * on one page: the type shrinks step by step; if even the smallest size is too big, the text is
 * cut with "…" and a note says where the full text is.
 */
import { blockFlow, isEmptyBlock } from './blocks.js';
import { structNode } from './structure.js';
import { shiftOp, type Box, type FlowItem, type Op } from './boxes.js';
import type { BookModel, SectionId } from './model.js';
import { sectionHeading, type SectionPlan } from './sections.js';
import { t, classificationMarking } from './strings.js';
import { lineBoxes, stack, textOp, within, type FlowContext } from './text-layout.js';
import { BASE_SCALE, COLORS, MARKING, baselineIn, scaled } from './theme.js';

const FACTORS = [1, 0.93, 0.86, 0.8, 0.74, 0.68, 0.62];

interface Stacked {
  ops: Op[];
  h: number;
  truncated: boolean;
}

/** Sets flow items one under the other without page breaks, up to `maxH` (then cuts with "…"). */
function stackFlow(items: readonly FlowItem[], maxH: number, ctx: FlowContext): Stacked {
  const ops: Op[] = [];
  let y = 0;
  let lastLine: Op[] | null = null;
  const put = (box: Box): boolean => {
    if (y + box.h > maxH + 0.01) return false;
    const placed = box.ops.map((o) => shiftOp(o, y));
    ops.push(...placed);
    lastLine = placed;
    y += box.h;
    return true;
  };
  for (const item of items) {
    let ok = true;
    if (item.kind === 'space') {
      if (y > 0) y = Math.min(y + item.h, maxH);
    } else if (item.kind === 'box') ok = put(item.box);
    else if (item.kind === 'lines') ok = item.lines.every(put);
    else if (item.kind === 'table') ok = put(item.header) && item.rows.every(put);
    if (!ok) {
      if (lastLine) ellipsis(lastLine, ctx);
      return { ops, h: y, truncated: true };
    }
  }
  return { ops, h: y, truncated: false };
}

/** Ends the last line with "…", shortening it so it stays inside the column. */
function ellipsis(line: Op[], ctx: FlowContext): void {
  const texts = line.filter((o): o is Extract<Op, { op: 'text' }> => o.op === 'text');
  const last = texts.reduce<Extract<Op, { op: 'text' }> | undefined>(
    (a, b) => (!a || b.x > a.x ? b : a),
    undefined,
  );
  if (!last) return;
  const right = ctx.x + ctx.width;
  let text = last.text.replace(/\s+$/, '');
  const width = (s: string): number => ctx.measure.width(s, last.face, last.size);
  while (text.length > 1 && last.x + width(text + '…') > right)
    text = Array.from(text).slice(0, -1).join('').trimEnd();
  last.text = text + '…';
  last.width = width(last.text);
  delete last.tj; // the glyphs no longer match the text: let the drawer encode it
}

export function cardFlow(plan: SectionPlan, model: BookModel, base: FlowContext): FlowItem {
  return {
    kind: 'deferred',
    build: (pageOf: (id: SectionId) => number | undefined) => buildCard(plan, model, base, pageOf),
  };
}

function buildCard(
  plan: SectionPlan,
  model: BookModel,
  base: FlowContext,
  pageOf: (id: SectionId) => number | undefined,
): Box {
  const card = structNode('Sect', base.struct);
  base = within(base, card);
  const heading = sectionHeading(plan, base);
  const bodyH = base.geo.bodyBottom - base.geo.bodyTop;
  const pad = 14;
  const frameX = base.x;
  const frameW = base.width;
  const inner: FlowContext = { ...base, x: frameX + pad, width: frameW - 2 * pad };
  const cutSize = 7.5;
  const cutH = cutSize * 2.4;
  const blocks = plan.section.blocks.filter((b) => !isEmptyBlock(b));

  // The frame's own header: kicker and marking, meeting title, counterpart and date.
  const headerOps: Op[] = [];
  const small = BASE_SCALE.small;
  headerOps.push(
    textOp(inner, t(model.lang, 'card.kicker').toUpperCase(), inner.x, small, 'bold', small, COLORS.muted),
  );
  const marking = classificationMarking(model.lang, model.classification);
  const mw = inner.measure.width(marking, 'bold', small);
  headerOps.push(
    textOp(
      inner,
      marking,
      inner.x + inner.width - mw,
      small,
      'bold',
      small,
      MARKING[model.classification].ink,
    ),
  );
  let hy = small * 1.8;
  const titleLines = lineBoxes(
    [{ text: model.cover.title, face: 'bold' }],
    inner.x,
    inner.width,
    { size: BASE_SCALE.h2, leading: BASE_SCALE.h2 * 1.3, color: COLORS.ink },
    inner.measure,
    structNode('H2', card),
  );
  const meta = [model.cover.counterpart, model.cover.dateText, model.cover.place]
    .filter(Boolean)
    .join('  ·  ');
  const metaLines = lineBoxes(
    [{ text: meta, face: 'regular' }],
    inner.x,
    inner.width,
    { size: small, leading: BASE_SCALE.smallLeading, color: COLORS.muted },
    inner.measure,
    structNode('P', card),
  );
  for (const o of stack([...titleLines, ...metaLines])) headerOps.push(shiftOp(o, hy));
  hy += [...titleLines, ...metaLines].reduce((h, l) => h + l.h, 0) + 6;
  headerOps.push({
    op: 'line',
    x1: inner.x,
    y1: hy,
    x2: inner.x + inner.width,
    y2: hy,
    color: COLORS.rule,
    width: 0.6,
  });
  hy += 10;

  const available = bodyH - heading.h - cutH - 2 * pad - hy;
  let content: Stacked | undefined;
  let noteOps: Op[] = [];
  for (const factor of FACTORS) {
    const ctx: FlowContext = { ...inner, scale: scaled(base.scale, factor) };
    const flow = blocks.flatMap((b, n) => [
      ...(n > 0 && b.type !== 'heading' ? [{ kind: 'space' as const, h: ctx.scale.paragraphGap }] : []),
      ...blockFlow(b, ctx),
    ]);
    const last = factor === FACTORS[FACTORS.length - 1];
    if (!last) {
      const attempt = stackFlow(flow, Infinity, ctx);
      if (attempt.h <= available) {
        content = attempt;
        break;
      }
      continue;
    }
    const pointsPage = pageOf('points');
    const note = t(model.lang, 'card.truncated', {
      section: t(model.lang, 'section.points'),
      page: pointsPage ?? '—',
    });
    const noteStyle = { size: ctx.scale.small, leading: ctx.scale.smallLeading, color: COLORS.muted };
    const noteLines = lineBoxes(
      [{ text: note, face: 'italic' }],
      inner.x,
      inner.width,
      noteStyle,
      ctx.measure,
      structNode('P', card),
    );
    const noteH = noteLines.reduce((h, l) => h + l.h, 0) + ctx.scale.paragraphGap;
    content = stackFlow(flow, available - noteH, ctx);
    if (content.truncated) {
      noteOps = stack(noteLines).map((o) => shiftOp(o, content!.h + ctx.scale.paragraphGap));
      content.h += noteH;
    }
  }
  const body = content ?? { ops: [], h: 0, truncated: false };

  const frameH = hy + body.h + 2 * pad;
  const frameY = heading.h;
  const ops: Op[] = [...heading.ops];
  ops.push({
    op: 'rect',
    x: frameX,
    y: frameY,
    w: frameW,
    h: frameH,
    stroke: COLORS.faint,
    lineWidth: 0.8,
    dash: 3,
  });
  for (const o of [
    ...headerOps,
    ...body.ops.map((o) => shiftOp(o, hy)),
    ...noteOps.map((o) => shiftOp(o, hy)),
  ]) {
    ops.push(shiftOp(o, frameY + pad));
  }
  const cut = t(model.lang, 'card.cut');
  const cw = base.measure.width(cut, 'regular', cutSize);
  ops.push(
    textOp(
      base,
      cut,
      frameX + frameW - cw,
      frameY + frameH + baselineIn(cutH, cutSize),
      'regular',
      cutSize,
      COLORS.faint,
    ),
  );
  return { h: frameY + frameH + cutH, ops, anchor: heading.anchor };
}
