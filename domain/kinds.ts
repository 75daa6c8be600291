// Every kind of record the store holds: its fields, their schemas and defaults, and how it is titled and
// searched. Pure data and zod schemas (no Node), so the API contract and the renderer can share them.
import { z } from 'zod';

export const CLASSIFICATIONS = ['public', 'restricted', 'confidential', 'secret'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const AREAS = [
  'elections',
  'security',
  'integration',
  'multilateral',
  'consular',
  'climate',
  'culture',
  'outreach',
  'trade',
  'other',
] as const;
export const INITIATIVE_STATUSES = ['proposed', 'active', 'achieved', 'stalled', 'closed'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;
/** A meeting imported from a calendar can be cancelled there: it stays, marked, never deleted. */
export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export const MEETING_KINDS = [
  'bilateral',
  'presidential',
  'binational-cabinet',
  'multilateral',
  'other',
] as const;
export const TALKING_POINT_KINDS = ['certain', 'possible', 'defensive', 'press'] as const;
export const COMMITMENT_STATUSES = ['open', 'done', 'dropped'] as const;
export const PARTY_KINDS = ['country', 'organization'] as const;
export const SIDES = ['ours', 'theirs'] as const;
export const VISIBILITIES = ['private', 'shared'] as const;
export const DOCUMENT_KINDS = ['draft', 'agreement', 'note-verbale', 'cv', 'map', 'press', 'other'] as const;
export const DOCUMENT_LANGUAGES = ['es', 'en', ''] as const;
/** The records a document can be attached to. */
export const DOCUMENT_TARGETS = ['meeting', 'initiative', 'party', 'person', 'commitment'] as const;

const MAX_TEXT = 200_000;
const id = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a UUID');
const text = (max = 2_000) => z.string().max(max);
const markdown = z.string().max(MAX_TEXT);
const isoDate = z.union([z.iso.date(), z.literal('')]);
const isoDateTime = z.union([z.iso.datetime({ offset: true }), z.literal('')]);
const title = z.string().trim().min(1, 'must not be empty').max(500);
const strings = z.array(z.string().trim().min(1).max(200)).max(200);

// Quick checks for the import's hot path, each *sufficient* for its schema: true only for values the
// schema accepts too (a property test holds them to that); false sends the value to the schema, which
// decides and says why. They skip zod's work for the plain values that make up almost every package.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isText = (max: number) => (v: unknown) => typeof v === 'string' && v.length <= max;
const isTitle = (v: unknown) => typeof v === 'string' && v.length <= 500 && v.trim().length > 0;
const isId = (v: unknown) => typeof v === 'string' && UUID_PATTERN.test(v);
/** Days 01–28 exist in every month of every year, so no calendar is needed to know these are dates. */
const SAFE_DATE = String.raw`\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])`;
const SAFE_DATE_PATTERN = new RegExp(`^${SAFE_DATE}$`);
const SAFE_DATE_TIME_PATTERN = new RegExp(
  String.raw`^${SAFE_DATE}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,3})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$`,
);
const matches = (pattern: RegExp) => (v: unknown) => v === '' || (typeof v === 'string' && pattern.test(v));

/** The field types the store knows how to keep in a column. */
export type FieldType = 'text' | 'number' | 'ref' | 'json';

interface FieldSpec {
  schema: z.ZodType;
  type: FieldType;
  default: unknown;
  /** For refs: the kind referenced (a single id, or an array of ids for `json` refs). */
  refKind?: KindName;
  required?: boolean;
  /** Set by the store, never by a caller. */
  system?: boolean;
  /** A quick check sufficient for the schema (see above); without it the schema always decides. */
  accepts?: (value: unknown) => boolean;
}

const f = {
  title: (): FieldSpec => ({ schema: title, type: 'text', default: '', required: true, accepts: isTitle }),
  text: (max = 2_000): FieldSpec => ({ schema: text(max), type: 'text', default: '', accepts: isText(max) }),
  markdown: (): FieldSpec => ({ schema: markdown, type: 'text', default: '', accepts: isText(MAX_TEXT) }),
  requiredMarkdown: (): FieldSpec => ({
    schema: markdown.refine((s) => s.trim() !== '', 'must not be empty'),
    type: 'text',
    default: '',
    required: true,
    accepts: (v) => isText(MAX_TEXT)(v) && (v as string).trim() !== '',
  }),
  date: (): FieldSpec => ({
    schema: isoDate,
    type: 'text',
    default: '',
    accepts: matches(SAFE_DATE_PATTERN),
  }),
  dateTime: (): FieldSpec => ({
    schema: isoDateTime,
    type: 'text',
    default: '',
    accepts: matches(SAFE_DATE_TIME_PATTERN),
  }),
  dateOrDateTime: (): FieldSpec => ({
    schema: z.union([z.iso.date(), z.iso.datetime({ offset: true }), z.literal('')]),
    type: 'text',
    default: '',
    accepts: (v) => matches(SAFE_DATE_PATTERN)(v) || matches(SAFE_DATE_TIME_PATTERN)(v),
  }),
  choice: <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]): FieldSpec => ({
    schema: z.enum(values),
    type: 'text',
    default: fallback,
    accepts: (v) => (values as readonly unknown[]).includes(v),
  }),
  ref: (kind: KindName, required = false): FieldSpec => ({
    schema: required ? id : id.nullable(),
    type: 'ref',
    default: null,
    refKind: kind,
    required,
    accepts: required ? isId : (v) => v === null || isId(v),
  }),
  refs: (kind: KindName): FieldSpec => ({
    schema: z.array(id).max(500),
    type: 'json',
    default: [],
    refKind: kind,
    accepts: (v) => Array.isArray(v) && v.length <= 500 && v.every(isId),
  }),
  strings: (): FieldSpec => ({
    schema: strings,
    type: 'json',
    default: [],
    accepts: (v) =>
      Array.isArray(v) &&
      v.length <= 200 &&
      v.every((s) => typeof s === 'string' && s.length <= 200 && s.trim().length > 0),
  }),
  position: (): FieldSpec => ({
    schema: z.number().finite(),
    type: 'number',
    default: 0,
    accepts: (v) => typeof v === 'number' && Number.isFinite(v),
  }),
  json: (schema: z.ZodType, fallback: unknown): FieldSpec => ({
    schema,
    type: 'json',
    default: fallback,
    // An empty list, the usual value, when that is the default.
    ...(Array.isArray(fallback) && fallback.length === 0
      ? { accepts: (v: unknown) => Array.isArray(v) && v.length === 0 }
      : {}),
  }),
  system: (max: number): FieldSpec => ({
    schema: z.string().max(max),
    type: 'text',
    default: '',
    system: true,
    accepts: isText(max),
  }),
};

export const KIND_NAMES = [
  'party',
  'person',
  'initiative',
  'meeting',
  'agendaItem',
  'talkingPoint',
  'participant',
  'commitment',
  'annotation',
  'document',
  'documentVersion',
] as const;
export type KindName = (typeof KIND_NAMES)[number];

/** Kinds a user lists and searches; the others are parts of a meeting. */
export const MAIN_KINDS = ['party', 'person', 'initiative', 'meeting', 'commitment', 'annotation'] as const;

export interface KindSpec {
  table: string;
  /** The field that names a record in lists, search results and errors. */
  titleField: string;
  fields: Record<string, FieldSpec>;
  /** For parts of a meeting: the field naming their meeting (search indexes them with it). */
  parentField?: string;
  /** Fields whose text the full-text index holds, besides the title. */
  searchFields: string[];
  /** Records of a kind ordered by `position` within their parent. */
  ordered?: boolean;
}

const theirObjective = z.object({ objective: text(MAX_TEXT), response: text(MAX_TEXT) }).strict();

/** A file's content, named by its sha256 (hex): the store keeps each distinct content once. */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex');
const count = (max: number): FieldSpec => ({
  schema: z.number().int().min(0).max(max),
  type: 'number',
  default: 0,
  accepts: (v) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= max,
});

export const KINDS: Record<KindName, KindSpec> = {
  party: {
    table: 'party',
    titleField: 'name',
    fields: {
      name: f.title(),
      kind: f.choice(PARTY_KINDS, 'country'),
      isoCode: {
        schema: z.union([z.string().regex(/^[A-Z]{2,3}$/, 'must be 2 or 3 capital letters'), z.literal('')]),
        type: 'text',
        default: '',
        accepts: matches(/^[A-Z]{2,3}$/),
      },
      region: f.text(),
      profile: f.markdown(),
      relationship: f.markdown(),
    },
    searchFields: ['profile', 'relationship'],
  },
  person: {
    table: 'person',
    titleField: 'name',
    fields: {
      name: f.title(),
      role: f.text(),
      partyId: f.ref('party'),
      biography: f.markdown(),
      languages: f.strings(),
      protocolNotes: f.markdown(),
      /** By these a calendar invitation or a contact card finds the person (lower case). */
      emails: f.strings(),
      phones: f.strings(),
    },
    searchFields: ['role', 'biography'],
  },
  initiative: {
    table: 'initiative',
    titleField: 'title',
    fields: {
      title: f.title(),
      summary: f.markdown(),
      area: f.choice(AREAS, 'other'),
      status: f.choice(INITIATIVE_STATUSES, 'proposed'),
      priority: f.choice(PRIORITIES, 'medium'),
      startDate: f.date(),
      endDate: f.date(),
      leadUnit: f.text(),
      partyIds: f.refs('party'),
      tags: f.strings(),
      classification: f.choice(CLASSIFICATIONS, 'restricted'),
    },
    searchFields: ['summary', 'tags'],
  },
  meeting: {
    table: 'meeting',
    titleField: 'title',
    fields: {
      title: f.title(),
      kind: f.choice(MEETING_KINDS, 'bilateral'),
      // An all-day meeting (from a calendar) has dates: its first and last day.
      start: f.dateOrDateTime(),
      end: f.dateOrDateTime(),
      timeZone: f.text(100),
      place: f.text(),
      partyIds: f.refs('party'),
      purpose: f.markdown(),
      objectives: f.markdown(),
      theirObjectives: f.json(z.array(theirObjective).max(200), []),
      background: f.markdown(),
      logistics: f.markdown(),
      outcome: f.markdown(),
      initiativeIds: f.refs('initiative'),
      classification: f.choice(CLASSIFICATIONS, 'restricted'),
      status: f.choice(MEETING_STATUSES, 'scheduled'),
      // The calendar event it came from: its UID (`<UID>/<recurrence-id>` for one occurrence of a
      // recurring event), and the SEQUENCE and DTSTAMP last imported, so an older invitation changes nothing.
      calendarUid: f.text(1_000),
      calendarSequence: count(1_000_000_000),
      calendarStamp: f.text(40),
    },
    searchFields: ['place', 'purpose', 'objectives', 'background', 'outcome'],
  },
  agendaItem: {
    table: 'agenda_item',
    titleField: 'title',
    parentField: 'meetingId',
    ordered: true,
    fields: {
      meetingId: f.ref('meeting', true),
      title: f.title(),
      time: f.text(50),
      notes: f.markdown(),
      position: f.position(),
    },
    searchFields: ['notes'],
  },
  talkingPoint: {
    table: 'talking_point',
    titleField: 'text',
    parentField: 'meetingId',
    ordered: true,
    fields: {
      meetingId: f.ref('meeting', true),
      agendaItemId: f.ref('agendaItem'),
      kind: f.choice(TALKING_POINT_KINDS, 'certain'),
      text: f.requiredMarkdown(),
      position: f.position(),
    },
    searchFields: [],
  },
  participant: {
    table: 'participant',
    titleField: 'name',
    parentField: 'meetingId',
    ordered: true,
    fields: {
      meetingId: f.ref('meeting', true),
      side: f.choice(SIDES, 'ours'),
      personId: f.ref('person'),
      name: f.title(),
      role: f.text(),
      position: f.position(),
    },
    searchFields: ['role'],
  },
  commitment: {
    table: 'commitment',
    titleField: 'text',
    fields: {
      text: f.requiredMarkdown(),
      owingPartyId: f.ref('party'),
      meetingId: f.ref('meeting'),
      initiativeId: f.ref('initiative'),
      dueDate: f.date(),
      status: f.choice(COMMITMENT_STATUSES, 'open'),
    },
    searchFields: [],
  },
  annotation: {
    table: 'annotation',
    titleField: 'body',
    fields: {
      targetKind: {
        schema: z.enum(KIND_NAMES.filter((k) => k !== 'annotation') as [KindName, ...KindName[]]),
        type: 'text',
        default: 'meeting',
        required: true,
        accepts: (v) => v !== 'annotation' && (KIND_NAMES as readonly unknown[]).includes(v),
      },
      targetId: { schema: id, type: 'text', default: '', required: true, accepts: isId },
      targetField: f.text(100),
      visibility: f.choice(VISIBILITIES, 'shared'),
      body: f.requiredMarkdown(),
      supersedes: f.ref('annotation'),
      author: f.system(300),
      authorDevice: f.system(100),
      createdAt: f.system(40),
      targetVersion: f.system(40),
      // A note on a document's page: the page (1-based; 0 when the note is on the whole document), the
      // passage quoted, and the version it was quoted from — so it can be found again in a newer version.
      page: count(1_000_000),
      quote: f.text(2_000),
      quotedVersion: { ...f.ref('documentVersion'), system: true },
    },
    searchFields: [],
  },

  // A paper attached to a record: what it is; its file is in its versions (the latest is current).
  document: {
    table: 'document',
    titleField: 'title',
    fields: {
      targetKind: f.choice(DOCUMENT_TARGETS, 'meeting'),
      targetId: { schema: id, type: 'text', default: '', required: true, accepts: isId },
      title: f.title(),
      docKind: f.choice(DOCUMENT_KINDS, 'other'),
      classification: f.choice(CLASSIFICATIONS, 'restricted'),
      language: f.choice(DOCUMENT_LANGUAGES, ''),
      addedBy: f.system(100),
      addedAt: f.system(40),
    },
    searchFields: [],
  },
  // One file of a document, insert-only: replacing a document adds a version, earlier ones are kept.
  documentVersion: {
    table: 'document_version',
    titleField: 'fileName',
    fields: {
      documentId: f.ref('document', true),
      fileName: { ...f.text(255), system: true },
      mediaType: { ...f.text(100), system: true },
      bytes: { ...count(Number.MAX_SAFE_INTEGER), system: true },
      sha256: {
        schema: sha256,
        type: 'text',
        default: '',
        system: true,
        accepts: (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
      },
      pages: { ...count(1_000_000), system: true },
      addedBy: f.system(100),
      addedAt: f.system(40),
    },
    searchFields: [],
  },
};

export function isKindName(value: string): value is KindName {
  return (KIND_NAMES as readonly string[]).includes(value);
}

export function fieldNames(kind: KindName): string[] {
  return Object.keys(KINDS[kind].fields);
}

function shape(kind: KindName, mode: 'create' | 'patch'): z.ZodObject {
  const entries: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(KINDS[kind].fields)) {
    if (spec.system) continue;
    entries[name] = mode === 'create' && spec.required ? spec.schema : spec.schema.optional();
  }
  if (mode === 'patch') entries.id = id;
  return z.object(entries).strict();
}

/** Input to create a record: the title (and a meeting's part its meeting) required, the rest defaulted. */
export const createSchemas = Object.fromEntries(KIND_NAMES.map((k) => [k, shape(k, 'create')])) as Record<
  KindName,
  z.ZodObject
>;

/** Input to change a record: its id and only the fields to change. */
export const patchSchemas = Object.fromEntries(KIND_NAMES.map((k) => [k, shape(k, 'patch')])) as Record<
  KindName,
  z.ZodObject
>;

export const idSchema = id;

export type StoredRecord = { id: string } & Record<string, unknown>;
