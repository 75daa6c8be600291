/**
 * Replays a page's drawing operations on pdfkit. Shapes go through pdfkit's vector API. Text is
 * written straight into the page's content stream: the layout has already placed every line (and
 * usually encoded its glyphs, see shaper.ts), so pdfkit's text() machinery — options, wrapping,
 * re-measuring, a save/transform/restore per call — would only repeat work; it made drawing about
 * twice as slow. Consecutive texts share one text object.
 */
import type { Op } from './boxes.js';
import { pdfNumber as num, type Shaper } from './shaper.js';

type TextOp = Extract<Op, { op: 'text' }>;

function rgb(hex: string): string {
  const v = parseInt(hex.slice(1), 16);
  return `${num(((v >> 16) & 255) / 255)} ${num(((v >> 8) & 255) / 255)} ${num((v & 255) / 255)}`;
}

export class PageDrawer {
  private height = 0;
  private fill: string | undefined;
  private readonly colors = new Map<string, string>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly shaper: Shaper,
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
          this.texts(ops, i, end, dy);
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

  /** One text object for the text ops ops[from..to). */
  private texts(ops: readonly Op[], from: number, to: number, dy: number): void {
    // pdfkit's page space runs top-down; text is set in PDF's own bottom-up space.
    let out = `q 1 0 0 -1 0 ${num(this.height)} cm BT\n`;
    let fontId = '';
    let size = 0;
    let color = '';
    const resources = (this.doc.page as unknown as { fonts: Record<string, unknown> }).fonts;
    for (let i = from; i < to; i++) {
      const o = ops[i] as TextOp;
      const font = this.shaper.font(o.face);
      if (font.id !== fontId || o.size !== size) {
        fontId = font.id;
        size = o.size;
        resources[font.id] ??= font.ref();
        out += `/${font.id} ${num(size)} Tf\n`;
      }
      if (o.color !== color) {
        color = o.color;
        let c = this.colors.get(color);
        if (c === undefined) this.colors.set(color, (c = rgb(color)));
        out += `${c} rg\n`;
      }
      const x = o.x;
      const y = this.height - o.y - dy;
      const tj = o.tj ?? this.shaper.encodeText(o.text, o.face);
      if (tj !== undefined) out += `1 0 0 1 ${num(x)} ${num(y)} Tm\n[${tj}] TJ\n`;
      else out += this.glyphByGlyph(o, x, y);
    }
    // As bytes: pdfkit would otherwise copy the (ASCII) string into bytes one character at a time.
    this.doc.addContent(Buffer.from(out + 'ET Q\n', 'latin1'));
  }

  /** Text with positioned marks (combining accents): every glyph at its own position. */
  private glyphByGlyph(o: TextOp, x: number, y: number): string {
    const font = this.shaper.font(o.face);
    const scale = o.size / 1000;
    let out = '';
    let last = 0;
    for (let i = 0; i <= o.text.length; i++) {
      if (i < o.text.length && o.text.charCodeAt(i) !== 32) continue;
      const segment = o.text.slice(last, Math.min(i + 1, o.text.length));
      last = i + 1;
      if (!segment) continue;
      this.shaper.encode(segment, o.face); // adds the glyphs to the subset and the Unicode map
      const run = this.shaper.run(font, segment);
      run.glyphs.forEach((glyph, g) => {
        const pos = run.positions[g]!;
        const gid = font.subset.includeGlyph(glyph.id);
        out += `1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm\n`;
        out += `[<${gid.toString(16).padStart(4, '0')}>] TJ\n`;
        x += pos.xAdvance * scale;
      });
    }
    return out;
  }
}
