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
 * - Markdown is CommonMark, as on screen (markdown.ts): `[label](url)` prints as "label (url)", and raw
 *   HTML is printed as text, never interpreted.
 */
import type { Classification } from '../../domain/kinds.js';
import type { AnnexSummary, Lang, Paper } from '../../domain/results.js';
import type { Block } from './block-model.js';
import type { SectionId } from './section-table.js';

export { CLASSIFICATIONS, type Classification } from '../../domain/kinds.js';

export type * from './block-model.js';

/** Why an annex is printed as a placeholder page instead of its own pages. */
export type UnprintedReason = 'format' | 'encrypted' | 'damaged' | 'empty' | 'missing' | 'imageTooLarge';
// The sections, their order and what each collects are one list: section-table.ts.
export { SECTION_ORDER, type SectionId } from './section-table.js';

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

/**
 * A document printed as an annex after the book's own annexes, in the order given: its PDF pages, its image,
 * or a placeholder page saying why it is not printed. `content` is the file's bytes (absent: not held here).
 */
export interface BookAnnex {
  documentId: string;
  title: string;
  fileName: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  classification: Classification;
  content?: Uint8Array;
  /** The stored file no longer matches its sha256 (it is not given). */
  damaged?: boolean;
  /** When its current version was attached (ISO): a book's date is that of the latest thing it prints. */
  addedAt?: string;
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
  /** Documents printed as annexes, in this order (none: the book has none). */
  annexes?: BookAnnex[];
  /** A copy cut to a reader's clearance: how many items above it were left out (never which). */
  withheld?: { clearance: Classification; count: number };
  /** A reissue: the cover's revision line and the changes page (its new and changed blocks carry `changed`). */
  reissue?: BookReissue;
}

/** What a reissue says of the copy it replaces. */
export interface BookReissue {
  revision: number;
  /** The copy compared with: its number and its date (ISO). */
  copyNumber: number;
  date: string;
  /** Only the sections with a change (the annexed documents as `documents`); none: "no changes since copy no. X". */
  changes: { id: SectionId | 'documents'; added: string[]; changed: string[]; removed: string[] }[];
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

/** How a document was printed: its pages, its image, or a placeholder page saying why not. */
export interface RenderedAnnex extends Omit<AnnexSummary, 'reason'> {
  reason?: UnprintedReason;
}

export interface RenderResult {
  pdf: Buffer;
  pages: number;
  sections: RenderedSection[];
  annexes: RenderedAnnex[];
}
