/**
 * The book's logical structure, for a tagged PDF (ISO 32000-1, 14.8): what is a heading, a paragraph, a list,
 * a table and its header cells, in reading order. The layout names each piece of text's structure element as
 * it sets it (a `mark` op before the text, `unmark` after: boxes.ts); whatever is drawn outside a mark — running header
 * and footer, banners, rules, fills, margin bars — becomes an artifact a screen reader skips (draw.ts). The
 * elements are plain descriptions: the same layout may be written into several copies (tagged.ts gives each
 * copy its own structure tree).
 */
/** The standard structure types the book uses (14.8.4). */
export type StructRole =
  | 'Sect'
  | 'Div'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'TOC'
  | 'TOCI'
  | 'Figure'
  | 'Caption';

export interface StructNode {
  readonly role: StructRole;
  /** The enclosing element; none for the document's own children. */
  readonly parent?: StructNode;
  /** A figure's text alternative. */
  readonly alt?: string;
  /** A header cell heads its column (or its row). */
  readonly scope?: 'Column' | 'Row';
}

export function structNode(
  role: StructRole,
  parent?: StructNode,
  extra: { alt?: string; scope?: 'Column' | 'Row' } = {},
): StructNode {
  return { role, ...(parent ? { parent } : {}), ...extra };
}
