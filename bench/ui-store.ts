// The generated store for `npm run bench ui` (and the e2e test of a long list): 10,000 meetings and
// 100,000 initiatives at scale 1, with counterparts, commitments, and one meeting heavy enough for a
// ~500-page briefing book. Deterministic: the same scale gives the same records (ids aside).
import {
  AREAS,
  INITIATIVE_STATUSES,
  KINDS,
  MEETING_KINDS,
  PRIORITIES,
  type KindName,
} from '../domain/kinds.js';
import { openStore } from '../db/store.js';
import { putRecords } from '../db/writer.js';
import { rng, sentence } from '../electron/book/synthetic.js';

export interface GeneratedStore {
  counts: Partial<Record<KindName, number>>;
  /** The meeting whose book is long. */
  bookMeetingId: string;
}

function paragraph(next: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(next, 8 + Math.floor(next() * 12))).join(' ');
}

const BATCH = 5_000;

function putInBatches(
  store: ReturnType<typeof openStore>,
  kind: KindName,
  n: number,
  make: (i: number) => Record<string, unknown>,
): string[] {
  const ids: string[] = [];
  for (let start = 0; start < n; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, n - start) }, (_, k) => make(start + k));
    for (const record of putRecords(store.writer, kind, batch)) ids.push(record.id);
  }
  return ids;
}

/** Meeting starts spread over ten years around 2026, so Home has both upcoming and past meetings. */
function meetingStart(i: number, n: number): string {
  const from = Date.UTC(2021, 0, 1);
  const to = Date.UTC(2031, 0, 1);
  const t = from + Math.floor(((to - from) * i) / Math.max(1, n)) + (i % 7) * 3_600_000;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const BOOK_MEETING = 'Gabinete binacional (carpeta larga)';

function countsOf(store: ReturnType<typeof openStore>): Partial<Record<KindName, number>> {
  const counts: Partial<Record<KindName, number>> = {};
  for (const kind of ['party', 'person', 'initiative', 'meeting', 'commitment', 'talkingPoint'] as const) {
    counts[kind] = store.db.prepare(`SELECT count(*) FROM "${KINDS[kind].table}"`).pluck().get() as number;
  }
  return counts;
}

/** A store generated before: its counts and its long book's meeting. */
export function describeUiStore(file: string): GeneratedStore {
  const store = openStore(file);
  try {
    const bookMeetingId = store.db
      .prepare('SELECT id FROM meeting WHERE title = ?')
      .pluck()
      .get(BOOK_MEETING);
    if (typeof bookMeetingId !== 'string') throw new Error(`${file} was not made by generateUiStore`);
    return { counts: countsOf(store), bookMeetingId };
  } finally {
    store.close();
  }
}

export function generateUiStore(file: string, scale = 1, bookPages = 500): GeneratedStore {
  const next = rng(7);
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const store = openStore(file, { create: true });
  try {
    const parties = putInBatches(store, 'party', Math.max(20, n(200)), (i) => ({
      name: `País ${i}`,
      region: i % 2 ? 'América del Sur' : 'Europa',
      profile: `Perfil de la contraparte ${i}. ${paragraph(next, 2)}`,
    }));
    putInBatches(store, 'person', n(2_000), (i) => ({
      name: `Persona ${i}`,
      role: 'Viceministra',
      partyId: parties[i % parties.length],
      biography: paragraph(next, 3),
    }));
    const initiatives = putInBatches(store, 'initiative', n(100_000), (i) => ({
      title: `Iniciativa ${i}`,
      summary: `Resumen de la iniciativa ${i}: ${paragraph(next, 2)}`,
      area: AREAS[i % AREAS.length],
      status: INITIATIVE_STATUSES[i % INITIATIVE_STATUSES.length],
      priority: PRIORITIES[i % PRIORITIES.length],
      partyIds: [parties[i % parties.length]],
      tags: ['comercio', 'integración'],
    }));
    const meetingCount = n(10_000);
    const meetings = putInBatches(store, 'meeting', meetingCount, (i) => ({
      title: `Reunión ${i}`,
      kind: MEETING_KINDS[i % MEETING_KINDS.length],
      start: meetingStart(i, meetingCount),
      place: i % 3 ? 'Lima' : 'Quito',
      purpose: `Propósito de la reunión ${i}. ${sentence(next, 12)}`,
      partyIds: [parties[i % parties.length]],
    }));
    putInBatches(store, 'commitment', n(10_000), (i) => ({
      text: `Compromiso ${i}: ${sentence(next, 10)}`,
      owingPartyId: parties[i % parties.length],
      meetingId: meetings[i % meetings.length],
      dueDate: meetingStart(i, n(10_000)).slice(0, 10),
      status: i % 3 === 0 ? 'done' : 'open',
    }));

    // The long book: a meeting with many long points to make (about one page per point) and a programme.
    const bookMeetingId = putRecords(store.writer, 'meeting', {
      title: BOOK_MEETING,
      kind: 'binational-cabinet',
      start: '2027-03-15T15:00:00Z',
      place: 'Lima',
      purpose: paragraph(next, 6),
      objectives: paragraph(next, 6),
      background: Array.from({ length: 20 }, () => paragraph(next, 8)).join('\n\n'),
      partyIds: parties.slice(0, 3),
      initiativeIds: initiatives.slice(0, 40),
    })[0]!.id;
    putRecords(
      store.writer,
      'agendaItem',
      Array.from({ length: 40 }, (_, i) => ({
        meetingId: bookMeetingId,
        title: `Tema ${i + 1}: ${sentence(next, 5)}`,
        notes: paragraph(next, 4),
        position: i + 1,
      })),
    );
    const kinds = ['certain', 'possible', 'defensive', 'press'] as const;
    const points = Math.round(bookPages * 1.15);
    putRecords(
      store.writer,
      'talkingPoint',
      Array.from({ length: points }, (_, i) => ({
        meetingId: bookMeetingId,
        kind: kinds[i % kinds.length],
        text: Array.from({ length: 4 }, () => paragraph(next, 6)).join('\n\n'),
        position: i + 1,
      })),
    );
    return { counts: countsOf(store), bookMeetingId };
  } finally {
    store.close();
  }
}
