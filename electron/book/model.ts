/**
 * The briefing book model: everything the renderer needs to print one meeting's book, as plain,
 * serialisable data (no functions, no store records). `collectBook` builds it from the store;
 * `renderBook` turns it into a PDF and never queries anything.
 *
 * - Content written by people (titles, Markdown paragraphs, table cells, notes) is given as written.
 * - Fixed labels (section headings, column labels, "Owing party", "Overdue", …) are referenced by key
 *   (`{ key: 'commitments.owingParty' }`) and printed in the book's language from the book strings; a
 *   record's choices (`{ choice: 'initiativeStatus', value: 'active' }`) from the vocabulary the screens use.
 * - Dates may be given as `{ date: '2026-11-27' }` (ISO) and are formatted for the book's language.
 * - Sections print in the order given (collect follows the section table); a section without blocks is
 *   omitted entirely. Section headings come from the table's string unless `title` is given.
 * - Markdown is a small safe subset: **bold**, *italic*, bullet and numbered lists, `[label](url)`
 *   shown as "label (url)". Raw HTML is printed literally, never interpreted.
 */
import type { StringKey } from './strings.js';
import type { Classification } from '../../domain/kinds.js';
import type { Lang, Paper } from '../../domain/results.js';
import type { ChoiceGroup } from '../../domain/vocabulary.js';
import type { SectionId } from './section-table.js';

export { CLASSIFICATIONS, type Classification } from '../../domain/kinds.js';

// The sections, their order and what each collects are one list: section-table.ts.
export { SECTION_ORDER, type SectionId } from './section-table.js';

/** A fixed label from the book strings, printed in the book's language. */
export interface LabelRef {
  key: StringKey;
}

/** An ISO date (`2026-11-27`) or date-time, printed per language ("27 de noviembre de 2026"). */
export interface DateRef {
  date: string;
  /** `long` (default): 27 de noviembre de 2026; `short`: 27/11/2026. */
  style?: 'long' | 'short';
}

/** A record's choice (a status, an area, a kind …), printed with the label the screens show. */
export interface ChoiceRef {
  choice: ChoiceGroup;
  value: string;
}

/** A piece of text: a string (inline Markdown where the block allows it), a label, a choice or a date. */
export type TextPart = string | LabelRef | ChoiceRef | DateRef;
/** One or several pieces printed one after the other. */
export type Text = TextPart | TextPart[];

export interface HeadingBlock {
  type: 'heading';
  level: 2 | 3;
  text: Text;
}

/** Markdown: paragraphs, bullet and numbered lists, bold, italic, links printed as text. */
export interface ParagraphBlock {
  type: 'paragraph';
  markdown: string;
}

export interface ListBlock {
  type: 'numberedList' | 'bulletList';
  /** Each item is inline Markdown (it may itself hold several paragraphs). */
  items: string[];
  /** First number of a numbered list (default 1), so numbering can continue across lists. */
  start?: number;
}

export interface TableColumn {
  label: Text;
  /** Fraction of the text width; fractions are normalised to add up to 1. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableBlock {
  type: 'table';
  columns: TableColumn[];
  /** Cells hold inline Markdown strings, labels or dates. */
  rows: Text[][];
  /** Row indexes printed highlighted (e.g. overdue commitments). */
  highlightRows?: number[];
}

export interface KeyValueBlock {
  type: 'keyValue';
  items: { label: Text; value: Text }[];
}

/** An annotation: who wrote it, when, on which record, and its Markdown body. */
export interface NoteBlock {
  type: 'note';
  author: string;
  /** ISO date or date-time. */
  date: string;
  /** A label for the annotated record, e.g. "Compromiso: Plan de Acción 2025–2026". */
  target: string;
  body: string;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | KeyValueBlock | NoteBlock;

export interface BookSection {
  id: SectionId;
  /** Overrides the heading from the book strings. */
  title?: string;
  blocks: Block[];
}

export interface BookCover {
  title: string;
  counterpart: string;
  dateText?: string;
  place?: string;
}

export interface BookModel {
  lang: Lang;
  paper: Paper;
  /** The banner: the highest level of what the book contains (computed by collect). */
  classification: Classification;
  /** ISO date-time; printed on the cover and used as the PDF's creation date (reproducible output). */
  generatedAt: string;
  copyFor?: string;
  copyId?: string;
  cover: BookCover;
  sections: BookSection[];
}

export type RenderPhase = 'layout' | 'render';

export interface RenderProgress {
  phase: RenderPhase;
  section?: SectionId;
  page?: number;
  totalPages?: number;
  /** 0..1 over the whole job. */
  fraction: number;
}

export interface RenderOptions {
  onProgress?: (progress: RenderProgress) => void;
  signal?: AbortSignal;
}

export interface RenderedSection {
  id: SectionId;
  /** The heading as printed (without its number). */
  title: string;
  /** 1-based physical page number, as printed in the contents. */
  page: number;
}

export interface RenderResult {
  pdf: Buffer;
  pages: number;
  sections: RenderedSection[];
}
