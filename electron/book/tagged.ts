/**
 * A book's structure tree, written by pdfkit beside its pages: each page's marked content (draw.ts numbers it
 * 0, 1 … and names its element) becomes a marked-content reference of that element; elements join their
 * parents, and the document, in the order their first content is written — the reading order is the pages'.
 * At the end the tree, the parent tree (from each page's MCIDs back to their elements, for a reader that starts
 * from the page) and the catalog's MarkInfo are written (ISO 32000-1, 14.7–14.8).
 */
import type { StructNode, StructRole } from './structure.js';

/** pdfkit's indirect object (its typings do not describe it). */
interface PdfRef {
  data: Record<string, unknown>;
  end(): void;
}

interface PdfKitInternals {
  ref(data?: Record<string, unknown>): PdfRef;
  _root: PdfRef;
  page: { dictionary: PdfRef };
}

interface Element {
  role: StructRole | 'Document';
  ref: PdfRef;
  parent?: Element;
  node?: StructNode;
  kids: (Element | { page: PdfRef; mcid: number })[];
}

export class TaggedBook {
  private readonly doc: PdfKitInternals;
  private readonly document: Element;
  private readonly elements = new Map<StructNode, Element>();
  private readonly order: Element[] = [];
  /** Each tagged page's elements by MCID, under the key its StructParents names. */
  private readonly parentTree: PdfRef[][] = [];
  private page: { ref: PdfRef; elements: PdfRef[] } | undefined;

  constructor(
    doc: PDFKit.PDFDocument,
    private readonly lang: string,
  ) {
    this.doc = doc as unknown as PdfKitInternals;
    this.document = { role: 'Document', ref: this.doc.ref(), kids: [] };
    this.order.push(this.document);
  }

  /** A new page has begun: its MCIDs start from 0. */
  newPage(): void {
    this.page = undefined;
  }

  /** The marked content of what was just written on the page, in MCID order from the page's next one. */
  content(marks: readonly StructNode[]): void {
    if (marks.length === 0) return;
    if (this.page && this.page.elements.length > 0) {
      throw new Error('a page holds marked content from two layouts: their MCIDs would collide');
    }
    for (const node of marks) this.reserve(node);
  }

  /** The next MCID of this page, for content drawn outside the layout (an image, a merged page). */
  reserve(node: StructNode): number {
    const page = (this.page ??= this.startPage());
    const element = this.elementOf(node);
    const mcid = page.elements.length;
    element.kids.push({ page: page.ref, mcid });
    page.elements.push(element.ref);
    return mcid;
  }

  /** Writes the tree and marks the document as tagged; just before pdfkit's end(). */
  finish(): void {
    const root = this.doc.ref();
    for (const element of this.order) {
      const data: Record<string, unknown> = {
        Type: 'StructElem',
        S: element.role,
        P: element.parent?.ref ?? root,
        K: element.kids.map((kid) =>
          'ref' in kid ? kid.ref : { Type: 'MCR', Pg: kid.page, MCID: kid.mcid },
        ),
      };
      if (element.role === 'Document') data.Lang = new String(this.lang);
      const node = element.node;
      if (node?.alt) data.Alt = new String(node.alt);
      if (node?.scope) data.A = { O: 'Table', Scope: node.scope };
      Object.assign(element.ref.data, data);
      element.ref.end();
    }
    const nums: unknown[] = [];
    this.parentTree.forEach((elements, key) => nums.push(key, elements));
    Object.assign(root.data, {
      Type: 'StructTreeRoot',
      K: [this.document.ref],
      ParentTree: { Nums: nums },
      ParentTreeNextKey: this.parentTree.length,
    });
    // pdfkit ends the catalog's StructTreeRoot and MarkInfo itself when the document ends.
    Object.assign(this.doc._root.data, { StructTreeRoot: root, MarkInfo: this.doc.ref({ Marked: true }) });
  }

  private startPage(): { ref: PdfRef; elements: PdfRef[] } {
    const ref = this.doc.page.dictionary;
    const elements: PdfRef[] = [];
    // Tab order follows the structure; the page's MCIDs lead back to their elements through this key.
    Object.assign(ref.data, { StructParents: this.parentTree.length, Tabs: 'S' });
    this.parentTree.push(elements);
    return { ref, elements };
  }

  private elementOf(node: StructNode): Element {
    let element = this.elements.get(node);
    if (element) return element;
    const parent = node.parent ? this.elementOf(node.parent) : this.document;
    element = { role: node.role, ref: this.doc.ref(), parent, node, kids: [] };
    parent.kids.push(element);
    this.elements.set(node, element);
    this.order.push(element);
    return element;
  }
}
