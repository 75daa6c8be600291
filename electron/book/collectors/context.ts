// What a section's collector reads: one meeting and the records around it, read from the store once by
// collectBook. Collectors are plain functions of this context: they never query.
import type { Classification, StoredRecord } from '../../../domain/kinds.js';
import type { ItemRef } from '../block-model.js';
import type { AnnotationChoice, Lang } from '../../../domain/results.js';
import { formatDate } from '../strings.js';

/** A stored record's fields by name, as the store gives them. */
export type Rec = StoredRecord & Record<string, unknown>;

/** An annotation, with a label for the record it is on ("Compromiso: …"). */
export interface Note {
  record: Rec;
  target: string;
}

export interface BookContext {
  lang: Lang;
  annotations: AnnotationChoice;
  /** The book's date (YYYY-MM-DD): commitments due before it are overdue. */
  bookDate: string;
  meeting: Rec;
  agenda: Rec[];
  points: Rec[];
  participants: Rec[];
  /** The meeting's other parties (all but this ministry's own), in the meeting's order. */
  counterparts: Rec[];
  /** The meeting's initiatives, in the meeting's order. */
  initiatives: Rec[];
  /** Open commitments of the meeting, of its initiatives, or owed by its counterparts. */
  commitments: Rec[];
  /** The other side's people: those at the table and those of the counterparts, by name. */
  people: Rec[];
  /** The last meeting with a counterpart before this one. */
  lastMeeting?: Rec;
  /** Notes on anything the book prints, oldest first. */
  notes: Note[];
  /** A party's name, or '' (unknown or deleted). */
  partyName: (id: unknown) => string;
  /** A meeting's title, or '' (unknown or deleted). */
  meetingTitle: (id: unknown) => string;
}

/** The classification of one of the book's initiatives (what hangs from it takes its level), if it is one. */
export function initiativeLevel(context: BookContext, id: unknown): Classification | undefined {
  return context.initiatives.find((i) => i.id === id)?.classification as Classification | undefined;
}

/** A field as printed: trimmed text, or '' for anything else. */
export const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** A printed item's identity (changes.ts): its key, and the start of its text on one line as its title. */
export function itemRef(key: string, title: string): ItemRef {
  const line = Array.from(
    title
      .replace(/[*_`#>]+/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return { key, title: line.length > 80 ? `${line.slice(0, 79).join('').trimEnd()}…` : line.join('') };
}

/** A meeting's date, local time (unless midnight) and time zone, in the book's language. */
export function dateText(meeting: Rec, lang: Lang): string | undefined {
  const start = text(meeting.start);
  if (!start) return undefined;
  const time = start.slice(11, 16);
  const zone = text(meeting.timeZone);
  return [formatDate(start, lang), time && time !== '00:00' ? time : '', zone ? `(${zone})` : '']
    .filter(Boolean)
    .join(' ');
}
