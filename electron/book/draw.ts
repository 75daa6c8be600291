/** Replays a page's drawing operations on pdfkit, switching font and colour only when they change. */
import type { Op } from './boxes.js';
import type { Face } from './fonts.js';

export class PageDrawer {
  private face: Face | undefined;
  private size = 0;
  private fill: string | undefined;

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** Starts a new page of the given size (no margins: every position is absolute). */
  addPage(width: number, height: number): void {
    this.doc.addPage({ size: [width, height], margin: 0 });
    // A new page has a fresh graphics state: forget what was set on the last one.
    this.face = undefined;
    this.size = 0;
    this.fill = undefined;
  }

  draw(ops: readonly Op[]): void {
    const doc = this.doc;
    for (const o of ops) {
      switch (o.op) {
        case 'text': {
          if (o.face !== this.face) {
            doc.font(o.face);
            this.face = o.face;
          }
          if (o.size !== this.size) {
            doc.fontSize(o.size);
            this.size = o.size;
          }
          this.setFill(o.color);
          doc.text(o.text, o.x, o.y, {
            lineBreak: false,
            baseline: 'alphabetic',
            ...(o.tracking ? { characterSpacing: o.tracking } : {}),
          });
          break;
        }
        case 'rect': {
          doc.rect(o.x, o.y, o.w, o.h);
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
          doc.moveTo(o.x1, o.y1).lineTo(o.x2, o.y2).lineWidth(o.width);
          if (o.dash) doc.dash(o.dash, { space: o.dash });
          doc.stroke(o.color);
          if (o.dash) doc.undash();
          break;
        }
        case 'leader': {
          // Dots on a grid anchored at the page's left edge, so the leaders of all lines align.
          const r = 0.55;
          let any = false;
          for (let k = Math.ceil(o.x1 / o.gap); k * o.gap <= o.x2; k++) {
            doc.circle(k * o.gap, o.y - r, r);
            any = true;
          }
          if (any) {
            this.setFill(o.color);
            doc.fill();
          }
          break;
        }
        case 'link':
          doc.goTo(o.x, o.y, o.w, o.h, o.dest);
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
}
