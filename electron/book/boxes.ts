/**
 * The layout's vocabulary. Flow items are built from the model (no page positions yet); the
 * paginator places them on pages as drawing operations with absolute positions; the drawer replays
 * the operations on pdfkit. Coordinates are points from the top-left of the page (or of a box).
 */
import type { Face } from './fonts.js';
import type { SectionId } from './model.js';
import type { StructNode } from './structure.js';

export type Op =
  /** Text on one line; `y` is the baseline. */
  | {
      op: 'text';
      x: number;
      y: number;
      text: string;
      face: Face;
      size: number;
      color: string;
      width: number;
      /** The text's glyphs when the layout already encoded them (see Encoded.tj in measure.ts). */
      tj?: string;
    }
  | {
      op: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill?: string;
      stroke?: string;
      lineWidth?: number;
      dash?: number;
    }
  | {
      op: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      color: string;
      width: number;
      dash?: number;
    }
  /** Dot leaders between x1 and x2 on baseline y, dots on a fixed grid so columns of dots align. */
  | { op: 'leader'; x1: number; x2: number; y: number; color: string; gap: number }
  /** A clickable area that jumps to a named destination. */
  | { op: 'link'; x: number; y: number; w: number; h: number; dest: string }
  /** What follows, up to `unmark`, is content of this structure element (tagged PDF; structure.ts). */
  | { op: 'mark'; node: StructNode }
  | { op: 'unmark' };

/** Where a section heading is: it becomes a named destination, a contents entry and a bookmark. */
export interface Anchor {
  dest: string;
  sectionId: SectionId;
  title: string;
}

/** An unsplittable piece of the page: `ops` are relative to the box's top-left corner (x absolute). */
export interface Box {
  h: number;
  ops: Op[];
  anchor?: Anchor;
}

export type FlowItem =
  /** Vertical space; dropped at the top of a page. */
  | { kind: 'space'; h: number }
  /** A box that cannot split; with keepWithNext it stays with what follows (headings). */
  | { kind: 'box'; box: Box; keepWithNext?: boolean }
  /** Lines of one paragraph: split across pages with widow and orphan control. */
  | { kind: 'lines'; lines: Box[] }
  /** A table: rows never split; the header repeats on every page the table runs onto. */
  | { kind: 'table'; header: Box; continuedHeader: Box; rows: Box[] }
  /** Start a new page unless the current one is still empty. */
  | { kind: 'pageBreak' }
  /** A section begins (for the running header and progress). */
  | { kind: 'section'; id: SectionId; title: string }
  /** A box built once the pages before it are known (the card, which refers to earlier pages). */
  | { kind: 'deferred'; build: (pageOf: (id: SectionId) => number | undefined) => Box };

/** `ops` as the content of `node` (unchanged without a node, or when they draw nothing). */
export function marked(node: StructNode | undefined, ops: Op[]): Op[] {
  if (!node || ops.length === 0) return ops;
  return [{ op: 'mark', node }, ...ops, { op: 'unmark' }];
}

/** An op moved down by `dy` (marks have no position). */
export function shiftOp(o: Op, dy: number): Op {
  switch (o.op) {
    case 'line':
      return { ...o, y1: o.y1 + dy, y2: o.y2 + dy };
    case 'mark':
    case 'unmark':
      return o;
    default:
      return { ...o, y: o.y + dy };
  }
}
