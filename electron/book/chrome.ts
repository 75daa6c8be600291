/**
 * What surrounds the text: the cover, and the running header and footer of every other page
 * (classification marking at the top and at the foot, meeting title, section, "Page X of Y").
 * Everything is placed at absolute positions on pages without margins, so pdfkit never adds a
 * page on its own when something is drawn near the foot of the page.
 */
import { structNode } from './structure.js';
import { marked, shiftOp, type Op } from './boxes.js';
import { fitText } from './contents.js';
import type { Measurer } from './measure.js';
import type { BookModel } from './model.js';
import { formatDate, t, classificationMarking } from './strings.js';
import { COLORS, MARKING, chromeGeometry, type PageGeometry } from './theme.js';
import { lineBoxes } from './text-layout.js';

interface ChromeContext {
  model: BookModel;
  geo: PageGeometry;
  measure: Measurer;
}

type TextOp = Extract<Op, { op: 'text' }>;

function text(
  ctx: ChromeContext,
  s: string,
  x: number,
  y: number,
  face: TextOp['face'],
  size: number,
  color: string,
): TextOp {
  return { op: 'text', x, y, text: s, face, size, color, width: ctx.measure.width(s, face, size) };
}

function centred(op: TextOp, geo: PageGeometry): TextOp {
  return { ...op, x: (geo.width - op.width) / 2 };
}

function marking(ctx: ChromeContext): string {
  return classificationMarking(ctx.model.lang, ctx.model.classification);
}

/**
 * Returns the header and footer maker for a book: `(page, pages, section) => ops`. Everything but
 * the page number is the same from page to page (or from section to section), so it is built once.
 */
export function pageChrome(
  ctx: ChromeContext,
): (page: number, pages: number, section: { id?: string; title: string } | undefined) => Op[] {
  const { geo, model } = ctx;
  const c = chromeGeometry(geo);
  const ink = MARKING[model.classification].ink;
  const left = geo.marginLeft;
  const right = geo.width - geo.marginRight;
  const small = 7.6;
  const mark = marking(ctx);

  const footer: Op[] = [
    { op: 'line', x1: left, y1: c.footerRule, x2: right, y2: c.footerRule, color: COLORS.rule, width: 0.5 },
    centred(text(ctx, mark, 0, c.markingBottom, 'bold', 8.5, ink), geo),
  ];
  const copy = copyLine(model);
  const headers = new Map<string, Op[]>();
  const header = (section: { id?: string; title: string } | undefined): Op[] => {
    const key = `${section?.id ?? ''}\u0000${section?.title ?? ''}`;
    let ops = headers.get(key);
    if (ops) return ops;
    const isPrivate = section?.id === 'privateNotes';
    const rightText = isPrivate ? t(model.lang, 'private.banner') : (section?.title ?? '');
    const rightFace = isPrivate ? 'bold' : 'regular';
    const rightShown = fitText(rightText, rightFace, small, geo.textWidth * 0.45, ctx.measure);
    const color = isPrivate ? COLORS.privateInk : COLORS.muted;
    const rightOp = text(ctx, rightShown, 0, c.headerBaseline, rightFace, small, color);
    const title = fitText(
      model.cover.title,
      'regular',
      small,
      geo.textWidth - rightOp.width - 18,
      ctx.measure,
    );
    ops = [
      centred(text(ctx, mark, 0, c.markingTop, 'bold', 8.5, ink), geo),
      text(ctx, title, left, c.headerBaseline, 'regular', small, COLORS.muted),
      { ...rightOp, x: right - rightOp.width },
      { op: 'line', x1: left, y1: c.headerRule, x2: right, y2: c.headerRule, color: COLORS.rule, width: 0.5 },
    ];
    headers.set(key, ops);
    return ops;
  };

  return (page, pages, section) => {
    const pageOp = text(
      ctx,
      t(model.lang, 'page.of', { page, pages }),
      0,
      c.footerBaseline,
      'regular',
      small,
      COLORS.ink,
    );
    const ops: Op[] = [...header(section), ...footer, { ...pageOp, x: right - pageOp.width }];
    if (copy) {
      const max = geo.textWidth - pageOp.width - 18;
      ops.push(
        text(
          ctx,
          fitText(copy, 'regular', small, max, ctx.measure),
          left,
          c.footerBaseline,
          'regular',
          small,
          COLORS.muted,
        ),
      );
    }
    return ops;
  };
}

function copyLine(model: BookModel): string {
  const parts: string[] = [];
  if (model.copyFor) parts.push(t(model.lang, 'footer.copyFor', { name: model.copyFor }));
  if (model.copyId) parts.push(`${t(model.lang, 'cover.copyId')} ${model.copyId}`);
  if (parts.length === 0)
    parts.push(`${t(model.lang, 'cover.generatedOn')} ${formatDate(model.generatedAt, model.lang)}`);
  return parts.join('  ·  ');
}

/** The cover: marking bands at the top and the foot, title block, copy and date details. */
export function coverOps(ctx: ChromeContext): Op[] {
  const { geo, model } = ctx;
  const { ink, tint } = MARKING[model.classification];
  const ops: Op[] = [];
  const band = 15 * (72 / 25.4);
  const mark = marking(ctx);
  ops.push({ op: 'rect', x: 0, y: 0, w: geo.width, h: band, fill: tint });
  ops.push({ op: 'line', x1: 0, y1: band, x2: geo.width, y2: band, color: ink, width: 1.2 });
  ops.push(centred(text(ctx, mark, 0, band / 2 + 4, 'bold', 11, ink), geo));
  ops.push({ op: 'rect', x: 0, y: geo.height - band, w: geo.width, h: band, fill: tint });
  ops.push({
    op: 'line',
    x1: 0,
    y1: geo.height - band,
    x2: geo.width,
    y2: geo.height - band,
    color: ink,
    width: 1.2,
  });
  ops.push(centred(text(ctx, mark, 0, geo.height - band / 2 + 4, 'bold', 11, ink), geo));

  const x = geo.marginLeft;
  const width = geo.textWidth;
  let y = geo.height * 0.3;
  const kicker = t(model.lang, 'cover.kicker').toUpperCase();
  ops.push(...marked(structNode('P'), [text(ctx, kicker, x, y, 'bold', 9.5, COLORS.accent)]));
  y += 12;
  ops.push({ op: 'rect', x, y, w: 42, h: 2.2, fill: COLORS.accent });
  y += 22;
  const block = (
    s: string,
    face: TextOp['face'],
    size: number,
    leading: number,
    color: string,
    role: 'H1' | 'P' = 'P',
  ): void => {
    const node = structNode(role);
    for (const line of lineBoxes(
      [{ text: s, face }],
      x,
      width,
      { size, leading, color },
      ctx.measure,
      node,
    )) {
      for (const o of line.ops) ops.push(shiftOp(o, y));
      y += line.h;
    }
  };
  block(model.cover.title, 'bold', 25, 31, COLORS.ink, 'H1');
  y += 10;
  block(model.cover.counterpart, 'regular', 14, 19, COLORS.muted);
  y += 16;
  const when = [model.cover.dateText, model.cover.place].filter((s): s is string => !!s?.trim());
  if (when.length > 0) block(when.join('  ·  '), 'regular', 11.5, 16, COLORS.ink);
  if (model.reissue) {
    y += 12;
    const { revision, copyNumber: copy } = model.reissue;
    block(t(model.lang, 'cover.revision', { revision, copy }), 'bold', 11.5, 16, COLORS.changeBar);
  }

  // Details at the foot of the cover, above the lower band.
  const rows: [string, string][] = [];
  if (model.copyFor) rows.push([t(model.lang, 'cover.copyFor'), model.copyFor]);
  if (model.copyId) rows.push([t(model.lang, 'cover.copyId'), model.copyId]);
  rows.push([t(model.lang, 'cover.generatedOn'), formatDate(model.generatedAt, model.lang)]);
  const rowH = 15;
  const handling = t(model.lang, `handling.${model.classification}`);
  const handlingLines = lineBoxes(
    [{ text: handling, face: 'regular' }],
    x,
    width,
    { size: 8.5, leading: 12, color: COLORS.muted },
    ctx.measure,
    structNode('P'),
  );
  let fy = geo.height - band - 22 * (72 / 25.4) - rows.length * rowH - handlingLines.length * 12 - 14;
  ops.push({ op: 'line', x1: x, y1: fy, x2: x + width, y2: fy, color: COLORS.rule, width: 0.6 });
  fy += 8;
  const labelW = Math.max(...rows.map(([l]) => ctx.measure.width(l, 'bold', 9))) + 14;
  for (const [label, value] of rows) {
    const shown = fitText(value, 'regular', 9.5, width - labelW, ctx.measure);
    ops.push(
      ...marked(structNode('P'), [
        text(ctx, label, x, fy + 10, 'bold', 9, COLORS.muted),
        text(ctx, shown, x + labelW, fy + 10, 'regular', 9.5, COLORS.ink),
      ]),
    );
    fy += rowH;
  }
  fy += 6;
  for (const line of handlingLines) {
    for (const o of line.ops) ops.push(shiftOp(o, fy));
    fy += line.h;
  }
  return ops;
}
