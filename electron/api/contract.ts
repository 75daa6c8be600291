// THE contract: every method the app offers, its input schema and its result type. Electron IPC, the local
// browser bridge and the `valija` CLI are thin adapters over it; adding a capability is one entry here plus
// its handler. Pure zod and types (no Node), so the renderer and preload can import it.
import { z } from 'zod';
import {
  AREAS,
  CLASSIFICATIONS,
  COMMITMENT_STATUSES,
  DOCUMENT_KINDS,
  DOCUMENT_LANGUAGES,
  DOCUMENT_TARGETS,
  INITIATIVE_STATUSES,
  KIND_NAMES,
  MAIN_KINDS,
  MEETING_KINDS,
  type KindName,
  type StoredRecord,
} from '../../domain/kinds.js';
import type { ErrorCode, ErrorDetails } from '../../domain/errors.js';
import type {
  Backup,
  BookRecord,
  BookSummary,
  CalendarExportReport,
  CalendarImportReport,
  ContactsExportReport,
  ContactsImportReport,
  DocumentInfo,
  DocumentNote,
  Distribution,
  ExportResult,
  Identity,
  ImportReport,
  ImportedPackage,
  NotedChange,
  Page,
  RecentRecord,
  Related,
  SearchHit,
  SessionStatus,
  TextExtraction,
  TrustedKey,
} from '../../domain/results.js';
import { RELATED_KINDS } from '../../domain/results.js';

const kind = z.enum(KIND_NAMES);
const id = z.string().min(1).max(100);
/** A path on the computer that runs the store (the desktop app's, or the one serving the browser). */
const file = z.string().min(1).max(4096);
/** The name a document's file is kept under (a browser upload's own); the path's last part by default. */
const fileName = z.string().trim().min(1).max(255).optional();
const passphrase = z.string().max(1024).optional();
/** The signer's fingerprint the user confirmed with its sender: only that key is trusted. */
const trust = z
  .object({ fingerprint: z.string().min(1).max(100) })
  .strict()
  .optional();
const importInput = z.object({ file, passphrase, trust }).strict();
/** Apply also names the sha256 its preview reported: a file changed since is refused (E_PACKAGE_CHANGED). */
const applyInput = importInput
  .extend({
    expectedSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .strict();
/** A window of a long list: where it starts and how many records (a screen asks for what it shows). */
const page = {
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(500),
};
/** A date or a date-time, compared with meeting starts as text. */
const when = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** A reader of a distributed book: who, their post, and the level they are cleared to (everything when none). */
export const recipient = z
  .object({
    name: z.string().trim().min(1).max(200),
    post: z.string().trim().max(200).optional(),
    clearance: z.enum(CLASSIFICATIONS).optional(),
  })
  .strict();

const bookInput = z
  .object({
    meetingId: id,
    file,
    lang: z.enum(['es', 'en']).optional(),
    paper: z.enum(['a4', 'letter']).optional(),
    classification: z.enum(CLASSIFICATIONS).optional(),
    annotations: z.enum(['none', 'shared', 'mine']).optional(),
    copyFor: z.string().max(200).optional(),
    date: z.iso.date().optional(),
    /** Documents printed as annexes: all of the meeting's (default), none, or these, in this order. */
    documents: z.union([z.enum(['all', 'none']), z.array(id).max(500)]).optional(),
    /** A copy for a reader cleared to this level: what is above it is left out (and counted). */
    clearance: z.enum(CLASSIFICATIONS).optional(),
    /** This copy's number in the meeting's distribution record, printed on every page. */
    copyNumber: z.number().int().min(1).max(999_999).optional(),
    /** Each paragraph, point, row and note marked with its record's classification. */
    portionMarks: z.boolean().optional(),
    /** Mark what changed since an earlier copy: the meeting's last printed (default), none, or this book. */
    changes: z.union([z.enum(['last', 'none']), id]).optional(),
    /** A protected copy: encrypted (AES-256) with this passphrase; printing allowed, copying not. */
    protect: z
      .object({ passphrase: z.string().min(1).max(1024) })
      .strict()
      .optional(),
  })
  .strict();

export const contract = {
  list: {
    summary: 'Alive records of a kind, in their natural order',
    input: z
      .object({ kind, meetingId: id.optional(), targetKind: kind.optional(), targetId: id.optional() })
      .strict(),
  },
  listPage: {
    summary:
      'A page of meetings, initiatives or commitments, filtered and sorted by the store, with how many match',
    input: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('meeting'),
          ...page,
          order: z.enum(['newest', 'oldest']).optional(),
          partyId: id.optional(),
          meetingKind: z.enum(MEETING_KINDS).optional(),
          from: when.optional(),
          to: when.optional(),
          dated: z.boolean().optional(),
        })
        .strict(),
      z
        .object({
          kind: z.literal('initiative'),
          ...page,
          partyId: id.optional(),
          status: z.enum(INITIATIVE_STATUSES).optional(),
          area: z.enum(AREAS).optional(),
        })
        .strict(),
      z
        .object({
          kind: z.literal('commitment'),
          ...page,
          partyId: id.optional(),
          status: z.enum(COMMITMENT_STATUSES).optional(),
        })
        .strict(),
    ]),
  },
  recent: {
    summary: 'The records changed last, of every kind a user lists, newest change first',
    input: z.object({ limit: z.number().int().min(1).max(100) }).strict(),
  },
  changedSinceNoted: {
    summary: 'Records I annotated that changed after my latest note on them, newest change first',
    input: z.object({ limit: z.number().int().min(1).max(100) }).strict(),
  },
  get: { summary: 'One record by id', input: z.object({ kind, id }).strict() },
  put: {
    summary:
      'Create (no id) or change (with id, only the fields given) one record or an array in one transaction',
    input: z.object({ kind, record: z.unknown() }).strict(),
  },
  delete: { summary: 'Delete a record (it can be restored)', input: z.object({ kind, id }).strict() },
  restore: { summary: 'Bring back a deleted record', input: z.object({ kind, id }).strict() },
  annotate: {
    summary: 'Write a note on a record',
    input: z
      .object({
        kind,
        id,
        text: z.string().trim().min(1, 'must not be empty').max(200_000),
        private: z.boolean().optional(),
        field: z.string().max(100).optional(),
        /** On a document: the page (1-based) and the passage the note is about. */
        page: z.number().int().min(1).max(1_000_000).optional(),
        quote: z.string().trim().min(1, 'must not be empty').max(2_000).optional(),
      })
      .strict(),
  },
  search: {
    summary: 'Full-text search over everything, accent- and case-insensitive',
    input: z
      .object({
        query: z.string().max(1_000),
        limit: z.number().int().min(1).max(500).optional(),
        /** Only records of this kind (a field choosing among thousands of initiatives searches them);
         * 'document': only inside documents' text. */
        kind: z.enum([...MAIN_KINDS, 'document']).optional(),
      })
      .strict(),
  },
  dump: { summary: 'The shared state, canonical', input: z.object({}).strict() },
  identity: {
    summary: "Show or set this device's author identity",
    input: z
      .object({ name: z.string().trim().max(200).optional(), post: z.string().trim().max(200).optional() })
      .strict(),
  },
  exportPackage: {
    summary: 'Write everything shared this store holds to a signed package file',
    input: z.object({ file, passphrase }).strict(),
  },
  previewImport: {
    summary: 'What importing a package would do (counts and conflicts); writes nothing',
    input: importInput,
  },
  applyImport: {
    summary: 'Import a package in one transaction, after an automatic backup',
    input: applyInput,
  },
  book: {
    summary: 'Build the briefing book (PDF) for a meeting and write it to a file',
    input: bookInput,
  },
  distributeBook: {
    summary:
      "Print one numbered copy of a meeting's book per recipient, each with its own copy number and clearance, into a folder; each recorded in the history",
    input: bookInput
      .omit({ file: true, copyFor: true, copyNumber: true, clearance: true })
      .extend({ recipients: z.array(recipient).min(1).max(500), outDir: file })
      .strict(),
  },
  cancelJob: {
    summary:
      'Stop a running book, import or export (its progress events carry the jobId); it leaves nothing behind',
    input: z.object({ jobId: id }).strict(),
  },
  bookHistory: {
    summary: 'The books this device printed for a meeting',
    input: z.object({ meetingId: id }).strict(),
  },
  bookPdf: {
    summary: "A printed book's PDF (base64), for the in-app preview; refused if the file changed since",
    input: z.object({ bookId: id }).strict(),
  },
  packageHistory: {
    summary: 'The packages this store has imported, newest first',
    input: z.object({}).strict(),
  },
  trustedKeys: { summary: 'The package signers this device trusts', input: z.object({}).strict() },
  untrustKey: {
    summary: 'Stop trusting a package signer',
    input: z.object({ fingerprint: z.string().min(1).max(100) }).strict(),
  },
  about: { summary: 'What this store holds: the demo data or real records', input: z.object({}).strict() },
  session: {
    summary: 'Whether the store is open, locked, or still to be set up (answers while locked)',
    input: z.object({}).strict(),
  },
  setUpStore: {
    summary: 'First run: create the encrypted store (with the demo data) under a new recovery passphrase',
    input: z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
  },
  unlockStore: {
    summary: 'Open the locked store with its recovery passphrase (E_PASSPHRASE when wrong)',
    input: z.object({ passphrase: z.string().max(1024).optional() }).strict(),
  },
  lockStore: {
    summary: 'Lock the store now: nothing of it is open or shown until it is unlocked',
    input: z.object({}).strict(),
  },
  setIdleLock: {
    summary: 'Minutes without use before the app locks itself (0: never)',
    input: z.object({ minutes: z.number().int().min(0).max(480) }).strict(),
  },
  storage: {
    summary: 'Where the store lives, and its backups, newest first',
    input: z.object({}).strict(),
  },
  backUp: {
    summary: 'Copy the store into its backups folder now (the last five backups are kept)',
    input: z.object({}).strict(),
  },
  attachDocument: {
    summary: 'Attach a file to a record as a new document (PDF, image, or any file: kept and synced)',
    input: z
      .object({
        targetKind: z.enum(DOCUMENT_TARGETS),
        targetId: id,
        file,
        fileName,
        title: z.string().trim().max(500).optional(),
        docKind: z.enum(DOCUMENT_KINDS).optional(),
        classification: z.enum(CLASSIFICATIONS).optional(),
        language: z.enum(DOCUMENT_LANGUAGES).optional(),
      })
      .strict(),
  },
  replaceDocument: {
    summary: "Attach a new version of a document's file; every earlier version is kept",
    input: z.object({ documentId: id, file, fileName }).strict(),
  },
  documents: {
    summary: "A record's documents, each with its versions",
    input: z.object({ targetKind: z.enum(DOCUMENT_TARGETS), targetId: id }).strict(),
  },
  saveDocument: {
    summary: "Write a document's file (its latest version, or the one numbered) to a file",
    input: z.object({ documentId: id, file, version: z.number().int().min(1).optional() }).strict(),
  },
  documentBytes: {
    summary: "A document's file (base64) for the in-app preview: its latest version, or the one numbered",
    input: z.object({ documentId: id, version: z.number().int().min(1).optional() }).strict(),
  },
  chooseFile: {
    summary: 'The desktop app asks for a file to attach, in a native dialog (null when cancelled)',
    input: z.object({ title: z.string().max(200).optional() }).strict(),
  },
  chooseSaveFile: {
    summary: 'The desktop app asks where to save a file, in a native dialog (null when cancelled)',
    input: z.object({ defaultName: z.string().max(255) }).strict(),
  },
  extractDocumentText: {
    summary:
      "Read the text of documents' PDF versions into search: one document's again, or every one not read yet",
    input: z.object({ documentId: id.optional() }).strict(),
  },
  documentNotes: {
    summary:
      'The notes on a document, each with its quoted passage and the page it is on in the current version',
    input: z.object({ documentId: id }).strict(),
  },
  calendarImport: {
    summary:
      'Import an iCalendar (.ics) file as meetings: new events created, newer invitations applied, cancellations marked; dryRun writes nothing',
    input: z
      .object({
        file,
        dryRun: z.boolean().optional(),
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
      })
      .strict(),
  },
  calendarExport: {
    summary: 'Write a meeting, or the meetings starting in a date range, to an iCalendar (.ics) file',
    input: z
      .object({ file, meetingId: id.optional(), from: z.iso.date().optional(), to: z.iso.date().optional() })
      .strict()
      .refine((i) => (i.meetingId === undefined) === (i.from !== undefined && i.to !== undefined), {
        message: 'name a meeting, or a range (from and to), not both',
      }),
  },
  contactsImport: {
    summary:
      'Import a vCard (.vcf) file as people: found by e-mail, then name, else created; dryRun writes nothing',
    input: z.object({ file, dryRun: z.boolean().optional() }).strict(),
  },
  contactsExport: {
    summary: "Write a meeting's participants, or a party's people, to a vCard (.vcf) file",
    input: z
      .object({ file, meetingId: id.optional(), partyId: id.optional() })
      .strict()
      .refine((i) => (i.meetingId === undefined) !== (i.partyId === undefined), {
        message: 'name a meeting or a party, not both',
      }),
  },
  related: {
    summary:
      "What a record's page lists beside it: an initiative's meetings, commitments and documents; a party's people, meetings, initiatives, open commitments and documents; a person's meetings",
    input: z
      .object({ kind: z.enum(RELATED_KINDS), id, limit: z.number().int().min(1).max(500).optional() })
      .strict(),
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;

/** Which version of a document's file a save or a preview carries. */
export interface DocumentFileInfo {
  documentId: string;
  version: number;
  fileName: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

export interface Results {
  list: StoredRecord[];
  listPage: Page;
  recent: RecentRecord[];
  changedSinceNoted: NotedChange[];
  get: StoredRecord;
  put: StoredRecord | StoredRecord[];
  delete: { kind: KindName; id: string; deleted: true };
  restore: StoredRecord;
  annotate: StoredRecord;
  search: SearchHit[];
  dump: Record<string, unknown[]>;
  identity: Identity;
  exportPackage: ExportResult;
  previewImport: ImportReport;
  applyImport: ImportReport;
  book: BookSummary;
  /** `cancelled: false` when no such job is running (it had already finished). */
  cancelJob: { jobId: string; cancelled: boolean };
  distributeBook: Distribution;
  bookHistory: BookRecord[];
  bookPdf: { bookId: string; file: string; pages: number; base64: string };
  packageHistory: ImportedPackage[];
  trustedKeys: TrustedKey[];
  untrustKey: { fingerprint: string; removed: true };
  about: { demo: boolean };
  session: SessionStatus;
  setUpStore: SessionStatus;
  unlockStore: SessionStatus;
  lockStore: SessionStatus;
  setIdleLock: SessionStatus;
  storage: { file: string; backupsDir: string; backups: Backup[] };
  backUp: Backup;
  attachDocument: DocumentInfo;
  replaceDocument: DocumentInfo;
  documents: DocumentInfo[];
  related: Related;
  saveDocument: DocumentFileInfo & { file: string };
  documentBytes: DocumentFileInfo & { base64: string };
  chooseFile: { file: string | null };
  chooseSaveFile: { file: string | null };
  extractDocumentText: TextExtraction;
  documentNotes: DocumentNote[];
  calendarImport: CalendarImportReport;
  calendarExport: CalendarExportReport;
  contactsImport: ContactsImportReport;
  contactsExport: ContactsExportReport;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** What the error says as data (a package's signer); screens show these, never values read from the message. */
  details?: ErrorDetails;
}

/** What every adapter answers: IPC, the bridge and (internally) the CLI. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The API as a client sees it (window.valija, the bridge client). */
export type ValijaApi = { [M in MethodName]: (input: Input<M>) => Promise<Results[M]> };

/** The methods the session answers itself, also while the store is locked or not yet set up. */
export const SESSION_METHODS = ['session', 'setUpStore', 'unlockStore', 'lockStore', 'setIdleLock'] as const;
export type SessionMethod = (typeof SESSION_METHODS)[number];

export function isSessionMethod(name: string): name is SessionMethod {
  return (SESSION_METHODS as readonly string[]).includes(name);
}

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
