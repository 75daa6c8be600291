/**
 * Turns drawing operations into PDF page content (the operators themselves). The layout has
 * already placed every line and usually encoded its glyphs (see shaper.ts), so pdfkit's text() and
 * vector machinery — options, wrapping, re-measuring, a save/transform/restore per call — would
 * only repeat work; it made drawing about twice as slow. A finished page becomes one compact
 * string at once, so a 500-page book never holds its boxes in memory (and the garbage collector
 * never has to walk them).
 *
 * Coordinates are pdfkit's: points from the top-left, as pdfkit's page transform sets them up.
 */
import type { Op } from './boxes.js';
import type { Face } from './fonts.js';
import { pdfNumber as num, type Shaper } from './shaper.js';
import type { StructNode } from './structure.js';
import type { TaggedBook } from './tagged.js';

type TextOp = Extract<Op, { op: 'text' }>;

export interface PageContent {
  /** Operators for the page's content stream. */
  content: string;
  /** Faces used, to list in the page's resources. */
  faces: Set<Face>;
  /** Clickable areas (pdfkit makes them annotations). */
  links: { x: number; y: number; w: number; h: number; dest: string }[];
  /** The structure element of each marked-content sequence, by its MCID (0, 1 … on this page). */
  marks: StructNode[];
}

function rgb(hex: string): string {
  const v = parseInt(hex.slice(1), 16);
  return `${num(((v >> 16) & 255) / 255)} ${num(((v >> 8) & 255) / 255)} ${num((v & 255) / 255)}`;
}

export class ContentWriter {
  private out = '';
  private faces = new Set<Face>();
  private links: PageContent['links'] = [];
  private marks: StructNode[] = [];
  /** Inside a structure element's marked content, or an artifact's (never both, never nested). */
  private marking: 'content' | 'artifact' | undefined;
  private fill = '';
  private stroke = '';
  private lineWidth = -1;
  /** An open text object, and its font, size and colour (kept open across boxes). */
  private inText = false;
  private textFace = '';
  private textSize = 0;
  private textColor = '';
  /** Start of the last line in the text object, in 1/100 pt (lines are placed relative to it). */
  private lineX = 0;
  private lineY = 0;
  private readonly colors = new Map<string, string>();

  constructor(
    private readonly shaper: Shaper,
    private readonly pageHeight: number,
  ) {}

  /** Adds `ops` moved down by `dy`. */
  draw(ops: readonly Op[], dy = 0): this {
    for (let i = 0; i < ops.length; i++) {
      const o = ops[i]!;
      if (o.op === 'mark') {
        this.open('content', `/${o.node.role} <</MCID ${this.marks.length}>> BDC\n`);
        this.marks.push(o.node);
        continue;
      }
      if (o.op === 'unmark') {
        this.close();
        continue;
      }
      // Drawn outside any element's content: a running header, a rule, a fill — an artifact.
      if (!this.marking && o.op !== 'link') this.open('artifact', '/Artifact BMC\n');
      switch (o.op) {
        case 'text': {
          let end = i + 1;
          while (end < ops.length && ops[end]!.op === 'text') end++;
          this.texts(ops, i, end, dy);
          i = end - 1;
          break;
        }
        case 'rect': {
          this.endText();
          const path = `${num(o.x)} ${num(o.y + dy)} ${num(o.w)} ${num(o.h)} re\n`;
          if (o.fill) this.setFill(o.fill);
          if (o.stroke) this.setStroke(o.stroke, o.lineWidth ?? 0.5);
          if (o.dash) this.out += `[${num(o.dash)} ${num(o.dash)}] 0 d\n`;
          this.out += path + (o.fill && o.stroke ? 'B\n' : o.fill ? 'f\n' : 'S\n');
          if (o.dash) this.out += '[] 0 d\n';
          break;
        }
        case 'line': {
          this.endText();
          this.setStroke(o.color, o.width);
          if (o.dash) this.out += `[${num(o.dash)} ${num(o.dash)}] 0 d\n`;
          this.out += `${num(o.x1)} ${num(o.y1 + dy)} m ${num(o.x2)} ${num(o.y2 + dy)} l S\n`;
          if (o.dash) this.out += '[] 0 d\n';
          break;
        }
        case 'leader': {
          // Dots: a dashed line with round caps, on a grid anchored at the page's left edge so the
          // leaders of all lines align.
          const first = Math.ceil(o.x1 / o.gap) * o.gap;
          if (first > o.x2) break;
          this.endText();
          const y = num(o.y + dy - 0.55);
          this.out += `q 1 J 1.1 w [0 ${num(o.gap)}] 0 d ${this.color(o.color)} RG ${num(first)} ${y} m ${num(o.x2)} ${y} l S Q\n`;
          break;
        }
        case 'link':
          this.links.push({ x: o.x, y: o.y + dy, w: o.w, h: o.h, dest: o.dest });
          break;
      }
    }
    return this;
  }

  /** The page so far, and a fresh start for the next one. */
  take(): PageContent {
    this.close();
    const page = { content: `q\n${this.out}Q\n`, faces: this.faces, links: this.links, marks: this.marks };
    this.out = '';
    this.faces = new Set();
    this.links = [];
    this.marks = [];
    this.fill = this.stroke = '';
    this.lineWidth = -1;
    return page;
  }

  /** Starts a marked-content sequence (outside any text object, so BDC and EMC nest with BT and ET). */
  private open(kind: 'content' | 'artifact', operator: string): void {
    this.close();
    this.out += operator;
    this.marking = kind;
  }

  private close(): void {
    this.endText();
    if (!this.marking) return;
    this.out += 'EMC\n';
    this.marking = undefined;
  }

  private color(hex: string): string {
    let c = this.colors.get(hex);
    if (c === undefined) this.colors.set(hex, (c = rgb(hex)));
    return c;
  }

  private setFill(hex: string): void {
    if (hex !== this.fill) {
      this.fill = hex;
      this.out += `${this.color(hex)} rg\n`;
    }
  }

  private setStroke(hex: string, width: number): void {
    if (hex !== this.stroke) {
      this.stroke = hex;
      this.out += `${this.color(hex)} RG\n`;
    }
    if (width !== this.lineWidth) {
      this.lineWidth = width;
      this.out += `${num(width)} w\n`;
    }
  }

  private endText(): void {
    if (!this.inText) return;
    // The fill colour set inside q…Q is forgotten after it.
    this.out += 'ET Q\n';
    this.inText = false;
  }

  /** The text ops ops[from..to), in the open text object (one per run of texts on the page). */
  private texts(ops: readonly Op[], from: number, to: number, dy: number): void {
    let out = '';
    if (!this.inText) {
      // pdfkit's page space runs top-down; text is set in PDF's own bottom-up space.
      out = `q 1 0 0 -1 0 ${num(this.pageHeight)} cm BT\n`;
      this.inText = true;
      this.textFace = this.textColor = '';
      this.textSize = this.lineX = this.lineY = 0;
    }
    for (let i = from; i < to; i++) {
      const o = ops[i] as TextOp;
      if (o.face !== this.textFace || o.size !== this.textSize) {
        this.textFace = o.face;
        this.textSize = o.size;
        this.faces.add(o.face);
        out += `/${this.shaper.font(o.face).id} ${num(o.size)} Tf\n`;
      }
      if (o.color !== this.textColor) {
        this.textColor = o.color;
        out += `${this.color(o.color)} rg\n`;
      }
      const x = o.x;
      const y = this.pageHeight - o.y - dy;
      const tj = o.tj ?? this.shaper.encodeText(o.text, o.face);
      if (tj !== undefined) {
        // Td moves from the start of the previous line: shorter than a full Tm, and exact, since
        // both positions are whole hundredths of a point.
        const lx = Math.round(x * 100);
        const ly = Math.round(y * 100);
        out += `${num((lx - this.lineX) / 100)} ${num((ly - this.lineY) / 100)} Td\n[<${tj}>] TJ\n`;
        this.lineX = lx;
        this.lineY = ly;
      } else {
        out += this.glyphByGlyph(o, x, y);
        // glyphByGlyph sets the text matrix itself: start again from a known line position.
        out += '1 0 0 1 0 0 Tm\n';
        this.lineX = this.lineY = 0;
      }
    }
    this.out += out;
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

/** Writes a page's content into the current pdfkit page: fonts in its resources, links, its marked content. */
export function writePage(
  doc: PDFKit.PDFDocument,
  shaper: Shaper,
  page: PageContent,
  tags: TaggedBook,
): void {
  tags.content(page.marks);
  const resources = (doc.page as unknown as { fonts: Record<string, unknown> }).fonts;
  for (const face of page.faces) {
    const font = shaper.font(face);
    resources[font.id] ??= font.ref();
  }
  // As bytes: pdfkit would otherwise copy the (ASCII) string into bytes one character at a time.
  doc.addContent(Buffer.from(page.content, 'latin1'));
  for (const l of page.links) doc.goTo(l.x, l.y, l.w, l.h, l.dest);
}
