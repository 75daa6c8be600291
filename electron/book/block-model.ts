/**
 * The book model's content: text parts (as written, labels, choices, dates) and the blocks a section holds.
 * model.ts re-exports it; it sits below the section table (whose collectors build blocks) so the model can
 * take its section ids from the table without an import cycle.
 */
import type { StringKey } from './strings.js';
import type { ChoiceGroup } from '../../domain/vocabulary.js';
import type { Classification } from '../../domain/kinds.js';

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

/** A printed item's identity, so a later copy can be compared with it: a stable key and a title to list it by. */
export interface ItemRef {
  /** `<kind>:<record id>` or `<kind>:<record id>:<field>`, e.g. `talkingPoint:0195…`, `meeting:0195…:purpose`. */
  key: string;
  title: string;
}

/** What a block's items are (changes.ts compares them) and which are new or changed (a bar in the margin). */
export interface TrackedItems {
  /** One per printed item: a paragraph or a note is one, a list one per item, a table one per row. */
  refs?: ItemRef[];
  /** Indexes (into `refs`) of the items new or changed since the copy compared with. */
  changed?: number[];
}

export interface HeadingBlock {
  type: 'heading';
  level: 2 | 3;
  text: Text;
}

/** Markdown: paragraphs, bullet and numbered lists, bold, italic, links printed as text. */
export interface ParagraphBlock extends TrackedItems {
  type: 'paragraph';
  markdown: string;
}

export interface ListBlock extends TrackedItems {
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

export interface TableBlock extends TrackedItems {
  type: 'table';
  columns: TableColumn[];
  /** Each row's classification where its record has its own (an initiative's); the meeting's otherwise. */
  rowLevels?: (Classification | undefined)[];
  /** Cells hold inline Markdown strings, labels or dates. */
  rows: Text[][];
  /** Row indexes printed highlighted (e.g. overdue commitments). */
  highlightRows?: number[];
}

export interface KeyValueBlock extends TrackedItems {
  type: 'keyValue';
  items: { label: Text; value: Text }[];
}

/** An annotation: who wrote it, when, on which record, and its Markdown body. */
export interface NoteBlock extends TrackedItems {
  type: 'note';
  author: string;
  /** ISO date or date-time. */
  date: string;
  /** A label for the annotated record, e.g. "Compromiso: Plan de Acción 2025–2026". */
  target: string;
  /** The classification of the record it is on, where that record has its own (an initiative). */
  level?: Classification;
  body: string;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | KeyValueBlock | NoteBlock;
