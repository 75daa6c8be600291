/**
 * The book's sections, in print order: the one list that says which sections a book has. Each entry gives
 * the section's id, its heading (a book string), what it collects from the meeting's records (a plain
 * function of the context collectBook reads once), and how it prints where that differs from a numbered
 * section. Adding a section is its entry here, its collector in collectors/, its strings and its test.
 *
 * Still chosen by id elsewhere: the card's one-page layout (render.ts, card.ts, contents.ts) and the
 * private notes' running header (chrome.ts).
 */
import type { Block } from './block-model.js';
import type { StringKey } from './strings.js';
import type { BookContext } from './collectors/context.js';
import { background } from './collectors/background.js';
import { biographies } from './collectors/biographies.js';
import { commitments } from './collectors/commitments.js';
import { initiatives } from './collectors/initiatives.js';
import { privateNotes, sharedNotes } from './collectors/notes.js';
import { points, press } from './collectors/points.js';
import { programme } from './collectors/programme.js';
import { purpose } from './collectors/purpose.js';
import { theirObjectives } from './collectors/their-objectives.js';

/** How a section prints, where it differs from a numbered section following the one before. */
export interface SectionPrint {
  /** Lettered (A, B …) after the numbered sections, with an "Annex" kicker. */
  annex?: boolean;
  /** Starts on a page of its own. */
  newPage?: boolean;
  /** A boxed warning under the heading. */
  banner?: 'private';
  /** No number before the heading. */
  unnumbered?: boolean;
}

export interface SectionSpec<Id extends string = string> {
  id: Id;
  /** The heading. */
  title: StringKey;
  /** The section's blocks; none and the section is left out, heading and all. */
  collect: (context: BookContext) => Block[];
  print?: SectionPrint;
}

const section = <const Id extends string>(spec: SectionSpec<Id>): SectionSpec<Id> => spec;

export const SECTIONS = [
  section({ id: 'purpose', title: 'section.purpose', collect: purpose }),
  section({ id: 'programme', title: 'section.programme', collect: programme }),
  section({ id: 'points', title: 'section.points', collect: points }),
  section({ id: 'theirObjectives', title: 'section.theirObjectives', collect: theirObjectives }),
  section({ id: 'press', title: 'section.press', collect: press }),
  section({ id: 'background', title: 'section.background', collect: background }),
  section({ id: 'commitments', title: 'section.commitments', collect: commitments }),
  section({ id: 'initiatives', title: 'section.initiatives', collect: initiatives }),
  section({ id: 'biographies', title: 'section.biographies', collect: biographies }),
  section({
    id: 'sharedNotes',
    title: 'section.sharedNotes',
    collect: sharedNotes,
    print: { annex: true, newPage: true },
  }),
  section({
    id: 'privateNotes',
    title: 'section.privateNotes',
    collect: privateNotes,
    print: { annex: true, newPage: true, banner: 'private' },
  }),
  // The points again, on a detachable page.
  section({
    id: 'card',
    title: 'section.card',
    collect: points,
    print: { newPage: true, unnumbered: true },
  }),
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

/** The order in which a book's sections are printed. */
export const SECTION_ORDER: readonly SectionId[] = SECTIONS.map((s) => s.id);

const BY_ID = new Map<string, SectionSpec>(SECTIONS.map((s) => [s.id, s]));

/** A section's entry (every SectionId has one). */
export function sectionSpec(id: SectionId): SectionSpec<SectionId> {
  return BY_ID.get(id) as SectionSpec<SectionId>;
}
