// What the API's methods answer, as plain types: the contract names them, the store and the services
// produce them, the renderer reads them. Types only (no Node), so nothing that imports them imports an
// implementation — which keeps the contract free of cycles.
import type { Classification, KindName, StoredRecord } from './kinds.js';

export type Lang = 'es' | 'en';
export type Paper = 'a4' | 'letter';
/** Which notes a book prints: none, the shared ones, or the shared ones and this device's private ones. */
export type AnnotationChoice = 'none' | 'shared' | 'mine';

/** The kinds whose lists grow long enough to be read a page at a time. */
export const PAGED_KINDS = ['meeting', 'initiative', 'commitment'] as const;
export type PagedKind = (typeof PAGED_KINDS)[number];

/** The kinds Home shows among the records changed last. */
export const RECENT_KINDS = ['party', 'person', 'initiative', 'meeting', 'commitment'] as const;

export interface Page {
  /** How many alive records match the filters (the whole list, not this page). */
  total: number;
  offset: number;
  records: StoredRecord[];
}

export interface RecentRecord {
  kind: (typeof RECENT_KINDS)[number];
  record: StoredRecord;
}

export interface NotedChange {
  kind: KindName;
  record: StoredRecord;
  /** When this device's latest note on the record was written. */
  notedAt: string;
}

export interface SearchHit {
  kind: KindName;
  id: string;
  title: string;
  /** Matched text with each match wrapped in [[ and ]]. */
  snippet: string;
  /** A hit inside a document's text (kind 'document'): the document and the page of its current version. */
  document?: { id: string; title: string };
  page?: number;
}

export interface Identity {
  deviceId: string;
  name: string;
  post: string;
  fingerprint: string;
}

/** One document printed into a book: its letter, its first page, its page count, and how it was printed. */
export interface AnnexSummary {
  documentId: string;
  /** "C", "D"…: lettered after the book's own annexes. */
  label: string;
  title: string;
  /** 1-based physical page of its first page, as printed in the contents. */
  page: number;
  pages: number;
  printed: 'pdf' | 'image' | 'placeholder';
  /** Why a placeholder page stands in: format, encrypted, damaged, empty, missing or imageTooLarge. */
  reason?: string;
}

export interface BookSummary {
  id: string;
  file: string;
  meetingId: string;
  pages: number;
  sha256: string;
  bytes: number;
  /** Encrypted with the reader's passphrase (printing allowed, copying and editing not). */
  protected: boolean;
  /** A copy cut to a reader's clearance: how many items above it it leaves out (0 otherwise). */
  withheld: number;
  /** This copy's number in the meeting's history: a distribution's number, else one past the highest before. */
  copyNumber: number;
  /** 1 for a first print (or one printed without comparison); one more than the copy it is compared with. */
  revision: number;
  /** The earlier copy this book is compared with (its changes marked), if any. */
  comparedWith?: { bookId: string; copyNumber: number };
  /** What changed since that copy, by section: items added, changed and removed (by their title). */
  changes?: BookChangeSummary;
  classification: Classification;
  generatedAt: string;
  sections: { id: string; title: string; page: number }[];
  /** The documents printed as annexes, in print order: where each starts, how many pages, and how. */
  annexes: AnnexSummary[];
  /**
   * What the book does not print and why, one line each: documents printed as a placeholder page, and
   * documents of the meeting (its initiatives', its counterparts') left out by choice.
   */
  warnings: string[];
}

/** One numbered copy of a distribution, as printed for its recipient. */
export interface DistributedCopy {
  recipient: { name: string; post?: string; clearance?: Classification };
  copyNumber: number;
  bookId: string;
  file: string;
  sha256: string;
  pages: number;
  withheld: number;
}

/** A book printed once per recipient of a distribution list, into one folder. */
export interface Distribution {
  meetingId: string;
  outDir: string;
  copies: DistributedCopy[];
}

export interface BookChangeSummary {
  added: { section: string; title: string }[];
  changed: { section: string; title: string }[];
  removed: { section: string; title: string }[];
}

/** A book this device printed (its history). */
export interface BookRecord {
  id: string;
  meetingId: string;
  /** Its number among the meeting's copies (0: printed before copies were numbered). */
  copyNumber: number;
  /** Its revision (0: printed before revisions were recorded). */
  revision: number;
  options: Record<string, string>;
  generatedAt: string;
  pages: number;
  sha256: string;
  copyFor: string;
  file: string;
}

export interface ExportResult {
  file: string;
  packageId: string;
  encrypted: boolean;
  changes: number;
  rows: Record<string, number>;
  bytes: number;
  sha256: string;
  /**
   * Devices whose changes this store holds but left out: no head they signed covers them here (they come
   * from a store made before signed heads, or their device went back to an old backup). Their own packages
   * carry them.
   */
  withheld: string[];
}

export type Outcome = 'new' | 'changed' | 'deleted' | 'restored' | 'known';
export type KindCounts = Record<Outcome, number>;

export interface ConflictSide {
  value: unknown;
  hlc: string;
  device: string;
  at: string;
}

/** The same field changed on both sides, each without knowing of the other's change. */
export interface Conflict {
  kind: KindName;
  id: string;
  title: string;
  field: string;
  mine: ConflictSide;
  theirs: ConflictSide;
  winner: 'mine' | 'theirs';
}

export interface MergeReport {
  /** Change sets in the package, and how many of them this store lacks. */
  changes: number;
  newChanges: number;
  counts: Partial<Record<KindName, KindCounts>>;
  conflicts: Conflict[];
}

export interface ImportReport extends MergeReport {
  packageId: string;
  /** sha256 of the package file as read: apply names it, so a file swapped since its preview is refused. */
  sha256: string;
  createdAt: string;
  encrypted: boolean;
  signer: { deviceId: string; name: string; fingerprint: string; trusted: boolean };
  alreadyImported: boolean;
  applied: boolean;
  backup?: string;
  /** Documents' files the package carries: how many, their bytes, and how many this store lacked. */
  files: { count: number; bytes: number; new: number };
}

/** A package this store imported (its ledger). */
export interface ImportedPackage {
  packageId: string;
  exporterDevice: string;
  fingerprint: string;
  importedAt: string;
  /** Change sets the package brought that this store lacked. */
  changes: number;
  conflicts: number;
}

export interface TrustedKey {
  fingerprint: string;
  label: string;
  trustedAt: string;
}

export interface Backup {
  file: string;
  bytes: number;
  createdAt: string;
}

/** One file of a document, as attached (versions are numbered from 1, oldest first). */
export interface DocumentVersionInfo {
  id: string;
  version: number;
  fileName: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  /** Pages of a PDF (0 for any other file, or a PDF that could not be read). */
  pages: number;
  /** The device that attached it, and the name that device signed (see authors). */
  addedBy: string;
  addedByName: string;
  addedAt: string;
  /** Whether this store holds the file itself (it may not have arrived yet). */
  available: boolean;
  /** Whether its text can be searched yet (see TextStatus). */
  text: TextStatus;
}

/**
 * Where a version's text stands: waiting to be extracted, searchable, a PDF without a text layer
 * (scanned), a PDF that could not be read, or not a PDF at all.
 */
export const TEXT_STATUSES = ['pending', 'indexed', 'scanned', 'failed', 'notPdf'] as const;
export type TextStatus = (typeof TEXT_STATUSES)[number];

/** What extracting documents' text did: each file read, the status it now has, and the documents showing it. */
export interface TextExtraction {
  files: { sha256: string; text: TextStatus; pages: number; reason: string; documentIds: string[] }[];
}

/** A note on a document and where its passage is in the current version. */
export interface DocumentNote {
  id: string;
  body: string;
  author: string;
  visibility: string;
  createdAt: string;
  /** The passage quoted, the page it was on and the version it was quoted from (0 when that version is gone). */
  quote: string;
  quotedPage: number;
  quotedVersion: number;
  /**
   * `found`: the passage is on `page` of the current version; `notFound`: the passage no longer found there
   * (the note stays, on the page it was quoted from); `pending`: the current version's text is not read yet;
   * `unquoted`: the note quotes no passage (`page` is the page it was written on, or 0).
   */
  status: 'found' | 'notFound' | 'pending' | 'unquoted';
  page: number;
}

/** A document attached to a record: what it is, and its versions (the last is current). */
export interface DocumentInfo {
  id: string;
  targetKind: string;
  targetId: string;
  title: string;
  docKind: string;
  classification: string;
  language: string;
  addedBy: string;
  addedByName: string;
  addedAt: string;
  versions: DocumentVersionInfo[];
  current: DocumentVersionInfo | null;
  /** The current version's number, sha256, size and pages, at hand (what `valija attach` prints first). */
  version: number;
  sha256: string;
  bytes: number;
  pages: number;
}

/** One entry of a related list: enough to show it as a link to its record's page. */
export interface RelatedRecord {
  kind: KindName;
  id: string;
  /** The record's title (a commitment's text, a person's name). */
  title: string;
  /** A meeting's start, a commitment's due date, an initiative's start, a document's addition; '' if none. */
  date: string;
  /** A commitment's or an initiative's status (a choice value); '' for other kinds. */
  status: string;
}

/** A related list cut to the limit asked for, and how many there are in all. */
export interface RelatedList {
  items: RelatedRecord[];
  total: number;
}

/** The kinds whose pages show related lists. */
export const RELATED_KINDS = ['initiative', 'party', 'person'] as const;
export type RelatedKind = (typeof RELATED_KINDS)[number];

/** What a record page lists beside an initiative, a party or a person (only the lists its kind has). */
export interface Related {
  kind: RelatedKind;
  id: string;
  meetings: RelatedList;
  commitments?: RelatedList;
  documents?: RelatedList;
  people?: RelatedList;
  initiatives?: RelatedList;
}

/** The store as the app holds it: to set up (no store yet), locked, or open. */
export interface SessionStatus {
  state: 'setup' | 'locked' | 'open';
  encrypted: boolean;
  /** Why the system keychain did not open the store (shown on the unlock screen); absent when open. */
  keychain?: string;
  /** Minutes without use before the app locks itself (0: never). */
  idleLockMinutes: number;
}

/** What a calendar import did (or, in a dry run, would do): counts, the meetings, what it left out. */
export interface CalendarImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  cancelled: number;
  skipped: { uid: string; reason: string }[];
  meetings: {
    /** null in a dry run, for a meeting it would create. */
    id: string | null;
    uid: string;
    title: string;
    /** ISO 8601 UTC instants; a date (YYYY-MM-DD) for an all-day meeting. */
    startsAt: string;
    endsAt: string;
    timeZone: string;
    action: 'created' | 'updated' | 'unchanged' | 'cancelled';
  }[];
  /** Invited people the store does not know: kept as participants by name only; no person is made up. */
  unknownAttendees: { uid: string; name: string; email: string }[];
}

/** What a calendar or contacts export wrote. */
export interface CalendarExportReport {
  file: string;
  events: number;
}

/** What a contacts export wrote. */
export interface ContactsExportReport {
  file: string;
  cards: number;
}

/** What a contacts import did (or, in a dry run, would do). */
export interface ContactsImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  skipped: { name: string; reason: string }[];
  people: { id: string | null; name: string; action: 'created' | 'updated' | 'unchanged' }[];
  /** Organizations (ORG) no party of the store is named: the person is kept without a party. */
  unknownOrganizations: string[];
}
