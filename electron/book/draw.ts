/**
 * Replays a page's drawing operations on pdfkit. Shapes go through pdfkit's vector API. Text is
 * written straight into the page's content stream: the layout has already placed every line, so
 * pdfkit's text() machinery (options, wrapping, re-measuring, a save/transform/restore per call)
 * would only repeat work — it made drawing about twice as slow. Consecutive texts share one text
 * object; glyphs come from pdfkit's own layout cache and subset, with kerning, exactly as text()
 * would encode them (see measure.ts for that dependency).
 */
import type { Op } from './boxes.js';
import type { Face } from './fonts.js';
import { isDigits, type EmbeddedFont, type GlyphRun } from './measure.js';

type TextOp = Extract<Op, { op: 'text' }>;

interface EncodedSegment {
  /** TJ operands: glyph codes and kerning adjustments. */
  tj: string;
  /** Advance in 1/1000 em. */
  advance: number;
  /** Has positioned marks (combining accents): drawn glyph by glyph. */
  marks: boolean;
}

/** A coordinate with at most two decimals (integer arithmetic: much faster than float printing). */
function num(n: number): string {
  let r = Math.round(n * 100);
  const negative = r < 0;
  if (negative) r = -r;
  const whole = Math.floor(r / 100);
  const cents = r - whole * 100;
  const s =
    cents === 0
      ? `${whole}`
      : cents % 10 === 0
        ? `${whole}.${cents / 10}`
        : `${whole}.${cents < 10 ? '0' : ''}${cents}`;
  return negative ? `-${s}` : s;
}

function rgb(hex: string): string {
  const v = parseInt(hex.slice(1), 16);
  return `${num(((v >> 16) & 255) / 255)} ${num(((v >> 8) & 255) / 255)} ${num((v & 255) / 255)}`;
}

export class PageDrawer {
  private height = 0;
  private fill: string | undefined;
  private readonly colors = new Map<string, string>();
  private readonly segments = new Map<EmbeddedFont, Map<string, EncodedSegment>>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: Map<Face, EmbeddedFont>,
  ) {}

  /** Starts a new page of the given size (no margins: every position is absolute). */
  addPage(width: number, height: number): void {
    this.doc.addPage({ size: [width, height], margin: 0 });
    this.height = height;
    // A new page has a fresh graphics state: forget what was set on the last one.
    this.fill = undefined;
  }

  /** Draws `ops` moved down by `dy`. */
  draw(ops: readonly Op[], dy = 0): void {
    const doc = this.doc;
    for (let i = 0; i < ops.length; i++) {
      const o = ops[i]!;
      switch (o.op) {
        case 'text': {
          let end = i + 1;
          while (end < ops.length && ops[end]!.op === 'text') end++;
          this.texts(ops.slice(i, end) as TextOp[], dy);
          i = end - 1;
          break;
        }
        case 'rect': {
          doc.rect(o.x, o.y + dy, o.w, o.h);
          if (o.fill && o.stroke) {
            doc.lineWidth(o.lineWidth ?? 0.5).fillAndStroke(o.fill, o.stroke);
            this.fill = o.fill;
          } else if (o.fill) {
            this.setFill(o.fill);
            doc.fill();
          } else if (o.stroke) {
            doc.lineWidth(o.lineWidth ?? 0.5);
            if (o.dash) doc.dash(o.dash, { space: o.dash });
            doc.stroke(o.stroke);
            if (o.dash) doc.undash();
          }
          break;
        }
        case 'line': {
          doc
            .moveTo(o.x1, o.y1 + dy)
            .lineTo(o.x2, o.y2 + dy)
            .lineWidth(o.width);
          if (o.dash) doc.dash(o.dash, { space: o.dash });
          doc.stroke(o.color);
          if (o.dash) doc.undash();
          break;
        }
        case 'leader': {
          // Dots as a dashed line with round caps, on a grid anchored at the page's left edge so the
          // leaders of all lines align.
          const first = Math.ceil(o.x1 / o.gap) * o.gap;
          if (first > o.x2) break;
          const y = o.y + dy - 0.55;
          doc.save().moveTo(first, y).lineTo(o.x2, y).lineWidth(1.1).lineCap('round');
          doc
            .dash(0.001, { space: o.gap - 0.001 })
            .stroke(o.color)
            .restore();
          break;
        }
        case 'link':
          doc.goTo(o.x, o.y + dy, o.w, o.h, o.dest);
          break;
      }
    }
  }

  private setFill(color: string): void {
    if (color !== this.fill) {
      this.doc.fillColor(color);
      this.fill = color;
    }
  }

  /** One text object for a run of text ops. */
  private texts(ops: readonly TextOp[], dy: number): void {
    const out: string[] = [`q 1 0 0 -1 0 ${num(this.height)} cm BT`];
    let font: EmbeddedFont | undefined;
    let size = 0;
    let color = '';
    let tracking = 0;
    const resources = (this.doc.page as unknown as { fonts: Record<string, unknown> }).fonts;
    for (const o of ops) {
      const f = this.fonts.get(o.face);
      if (!f) throw new Error(`Font face not registered: ${o.face}`);
      if (f !== font || o.size !== size) {
        font = f;
        size = o.size;
        resources[f.id] ??= f.ref();
        out.push(`/${f.id} ${num(size)} Tf`);
      }
      if (o.color !== color) {
        color = o.color;
        let c = this.colors.get(color);
        if (c === undefined) this.colors.set(color, (c = rgb(color)));
        out.push(`${c} rg`);
      }
      const t = o.tracking ?? 0;
      if (t !== tracking) {
        tracking = t;
        out.push(`${num(t)} Tc`);
      }
      this.encode(out, f, o.text, o.x, this.height - o.y - dy, size);
    }
    out.push('ET Q');
    this.doc.addContent(out.join('\n'));
  }

  /** Glyphs of `text` at (x, y) in PDF coordinates, as a TJ array with kerning. */
  private encode(out: string[], font: EmbeddedFont, text: string, x: number, y: number, size: number): void {
    out.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
    let tj = '';
    let last = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && text.charCodeAt(i) !== 32) continue;
      const segment = text.slice(last, Math.min(i + 1, text.length));
      last = i + 1;
      if (!segment) continue;
      const encoded = this.segment(font, segment);
      if (encoded.marks) {
        // Positioned marks (combining accents) need their own text positioning.
        if (tj) out.push(`[${tj}] TJ`);
        tj = '';
        this.encodeWithMarks(out, font, segment, x, y, size);
        out.push(`1 0 0 1 ${num(x + (encoded.advance * size) / 1000)} ${num(y)} Tm`);
      } else tj += encoded.tj;
      x += (encoded.advance * size) / 1000;
    }
    if (tj) out.push(`[${tj}] TJ`);
  }

  /**
   * A segment's TJ operands (glyph codes and kerning), encoded once per document: the first time
   * also adds its glyphs to the font subset and the Unicode map, as pdfkit's encode() does.
   */
  private segment(font: EmbeddedFont, segment: string): EncodedSegment {
    let cache = this.segments.get(font);
    if (!cache) this.segments.set(font, (cache = new Map()));
    let hit = cache.get(segment);
    if (hit) return hit;
    if (isDigits(segment)) {
      hit = { tj: '', advance: 0, marks: false };
      for (const ch of segment) {
        const digit = this.segment(font, ch);
        hit.tj += digit.tj;
        hit.advance += digit.advance;
      }
      cache.set(segment, hit);
      return hit;
    }
    const [run, dropLast] = this.run(font, segment);
    const count = run.glyphs.length - (dropLast ? 1 : 0);
    let tj = '';
    let hex = '';
    let advance = 0;
    let marks = false;
    for (let g = 0; g < count; g++) {
      const glyph = run.glyphs[g]!;
      const pos = run.positions[g]!;
      const gid = font.subset.includeGlyph(glyph.id);
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
      if (pos.xOffset || pos.yOffset) marks = true;
      hex += gid.toString(16).padStart(4, '0');
      const kern = pos.xAdvance - pos.advanceWidth;
      if (kern !== 0) {
        tj += `<${hex}> ${num(-kern)} `;
        hex = '';
      }
      advance += pos.xAdvance;
    }
    if (hex) tj += `<${hex}>`;
    hit = { tj, advance, marks };
    cache.set(segment, hit);
    return hit;
  }

  /** A segment glyph by glyph, each mark placed at its offset. */
  private encodeWithMarks(
    out: string[],
    font: EmbeddedFont,
    segment: string,
    x: number,
    y: number,
    size: number,
  ): void {
    const [run, dropLast] = this.run(font, segment);
    const scale = size / 1000;
    const count = run.glyphs.length - (dropLast ? 1 : 0);
    for (let g = 0; g < count; g++) {
      const pos = run.positions[g]!;
      const gid = font.subset.includeGlyph(run.glyphs[g]!.id);
      out.push(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`);
      out.push(`[<${gid.toString(16).padStart(4, '0')}>] TJ`);
      x += pos.xAdvance * scale;
    }
  }

  /**
   * The cached glyph run for a segment. A word at the end of a line was measured with the space
   * that followed it in the paragraph ("word "): reuse that run without its space glyph rather
   * than shaping the word again.
   */
  private run(font: EmbeddedFont, segment: string): [GlyphRun, boolean] {
    const cache = font.layoutCache;
    if (cache && segment.charCodeAt(segment.length - 1) !== 32 && !cache[segment]) {
      const withSpace = cache[segment + ' '];
      if (withSpace) return [withSpace, true];
    }
    return [font.layoutCached(segment), false];
  }
}
