// collectBook: the store → a plain BookModel for one meeting. It reads only the records the book prints
// (db/book-reads.ts, each through an index), then each section of the section table collects its blocks
// from them. Every fixed label is a key into the book strings, and content is given as written. A section
// with nothing to say gets no blocks (the renderer then leaves it out, heading and all).
import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import {
  annotationsOn,
  lastMeetingWith,
  openCommitmentsFor,
  peopleFor,
  recordsById,
} from '../../db/book-reads.js';
import { hlcToIso } from '../../db/hlc.js';
import { getRecord, listRecords } from '../../db/reader.js';
import { invalid } from '../../domain/errors.js';
import { CLASSIFICATIONS, type Classification, type KindName } from '../../domain/kinds.js';
import type { AnnotationChoice, Lang, Paper } from '../../domain/results.js';
import { kindLabel } from '../../domain/vocabulary.js';
import { dateText, text, type BookContext, type Rec } from './collectors/context.js';
import type { BookAnnex, BookModel } from './model.js';
import { markPortions } from './portions.js';
import { SECTIONS } from './section-table.js';

export interface CollectOptions {
  lang: Lang;
  paper: Paper;
  annotations: AnnotationChoice;
  /** Raise the banner above the content's own level; lower than the content is refused. */
  classification?: Classification;
  copyFor?: string;
  /** The book's date; by default the latest change among what it includes, so output is reproducible. */
  generatedAt?: string;
  /** This ministry's own state: the other parties of a meeting are its counterparts. */
  ownPartyId?: string;
  /** Documents printed as annexes (annex-choice.ts): their classification counts towards the banner. */
  annexes?: BookAnnex[];
  /**
   * A copy for a reader cleared to this level: initiatives and annexes above it are left out with all that
   * hangs from them (their commitments, the notes on them); the contents says how many, never which.
   */
  clearance?: Classification;
  /** This copy's number in the meeting's distribution record, printed on every page. */
  copyNumber?: number;
  /** Each paragraph, point, row and note marked with its record's classification (portions.ts). */
  portionMarks?: boolean;
}

const rank = (level: Classification) => CLASSIFICATIONS.indexOf(level);
const ids = (values: unknown[]) => values.filter((v): v is string => typeof v === 'string');

export function collectBook(db: Db, meetingId: string, options: CollectOptions): BookModel {
  const { lang, clearance } = options;
  const meeting = getRecord(db, 'meeting', meetingId) as Rec;
  const cleared = (r: Rec | BookAnnex) =>
    !clearance ||
    rank((r as { classification?: Classification }).classification ?? 'public') <= rank(clearance);
  if (!cleared(meeting)) {
    throw invalid(
      `the meeting itself is ${String(meeting.classification)}: no copy of its book can go to a reader cleared to ${clearance}`,
    );
  }
  const parties = recordsById(db, 'party', meeting.partyIds as string[]) as Map<string, Rec>;
  const counterpartIds = (meeting.partyIds as string[]).filter(
    (id) => parties.has(id) && id !== options.ownPartyId,
  );
  const parts = (kind: 'agendaItem' | 'talkingPoint' | 'participant') =>
    listRecords(db, kind, { meetingId }) as Rec[];
  const agenda = parts('agendaItem');
  const points = parts('talkingPoint');
  const participants = parts('participant');
  const initiativeById = recordsById(db, 'initiative', meeting.initiativeIds as string[]) as Map<string, Rec>;
  const linked = (meeting.initiativeIds as string[])
    .map((id) => initiativeById.get(id))
    .filter((i): i is Rec => i !== undefined);
  const initiatives = linked.filter(cleared);
  const withheldIds = new Set(linked.filter((i) => !cleared(i)).map((i) => i.id));
  const allCommitments = openCommitmentsFor(db, {
    meetingId,
    initiativeIds: linked.map((i) => i.id),
    owingPartyIds: counterpartIds,
  }) as Rec[];
  // A commitment made under a withheld initiative would tell of it: it goes with it.
  const commitments = allCommitments.filter((c) => !withheldIds.has(c.initiativeId as string));
  const annexes = options.annexes?.filter(cleared);
  const atTable = (side: 'ours' | 'theirs') =>
    ids(participants.filter((p) => p.side === side).map((p) => p.personId));
  const people = peopleFor(db, {
    personIds: atTable('theirs'),
    partyIds: counterpartIds,
    exceptIds: atTable('ours'),
  }) as Rec[];
  const lastMeeting = lastMeetingWith(db, counterpartIds, String(meeting.start), meetingId) as
    Rec | undefined;
  // The parties and meetings the commitments and people refer to, for their names.
  const others = ids([...commitments.map((c) => c.owingPartyId), ...people.map((p) => p.partyId)]);
  for (const [id, party] of recordsById(db, 'party', others)) parties.set(id, party as Rec);
  const meetings = recordsById(db, 'meeting', ids(commitments.map((c) => c.meetingId)));
  const partyName = (id: unknown) =>
    (typeof id === 'string' ? (parties.get(id)?.name as string | undefined) : undefined) ?? '';
  const meetingTitle = (id: unknown) => (typeof id === 'string' ? String(meetings.get(id)?.title ?? '') : '');

  // What the notes may be attached to: everything this book prints.
  const targets = new Map<string, { kind: KindName; id: string; label: string }>();
  const addTarget = (kind: KindName, r: Rec, title: unknown) =>
    targets.set(`${kind}:${r.id}`, { kind, id: r.id, label: `${kindLabel(lang, kind)}: ${text(title)}` });
  addTarget('meeting', meeting, meeting.title);
  for (const r of agenda) addTarget('agendaItem', r, r.title);
  for (const r of points) addTarget('talkingPoint', r, r.text);
  for (const r of participants) addTarget('participant', r, r.name);
  for (const r of initiatives) addTarget('initiative', r, r.title);
  for (const r of commitments) addTarget('commitment', r, r.text);
  for (const r of people) addTarget('person', r, r.name);
  for (const id of counterpartIds) addTarget('party', parties.get(id)!, parties.get(id)!.name);
  const notes = (annotationsOn(db, [...targets.values()]) as Rec[]).map((record) => ({
    record,
    target: targets.get(`${record.targetKind}:${record.targetId}`)!.label,
  }));

  // The banner: the highest level of what the book contains, or higher if asked.
  const contentLevel = [meeting, ...initiatives, ...(annexes ?? [])]
    .map((r) => r.classification as Classification)
    .reduce((a, b) => (rank(b) > rank(a) ? b : a), 'public' as Classification);
  if (options.classification && rank(options.classification) < rank(contentLevel)) {
    throw invalid(
      `the book contains ${contentLevel} material, so it cannot be marked ${options.classification}; choose ${contentLevel} or higher`,
    );
  }
  const classification =
    options.classification && rank(options.classification) > rank(contentLevel)
      ? options.classification
      : contentLevel;

  const included = [
    meeting,
    ...agenda,
    ...points,
    ...participants,
    ...initiatives,
    ...commitments,
    ...people,
    ...notes.map((n) => n.record),
  ];
  const latest = included.map((r) => String(r.version ?? '')).reduce((a, b) => (b > a ? b : a), '');
  const latestIso = [latest ? hlcToIso(latest) : '', ...(annexes ?? []).map((a) => a.addedAt ?? '')]
    .filter((iso) => iso !== '')
    .reduce((a, b) => (b > a ? b : a), '');
  const generatedAt = options.generatedAt ?? (latestIso || '2000-01-01T00:00:00.000Z');
  const withheldNotes = withheldIds.size
    ? annotationsOn(
        db,
        [...withheldIds].map((id) => ({ kind: 'initiative' as KindName, id })),
      ).length
    : 0;
  const withheldCount =
    withheldIds.size +
    (allCommitments.length - commitments.length) +
    withheldNotes +
    ((options.annexes?.length ?? 0) - (annexes?.length ?? 0));

  const context: BookContext = {
    lang,
    annotations: options.annotations,
    bookDate: generatedAt.slice(0, 10),
    meeting,
    agenda,
    points,
    participants,
    counterparts: counterpartIds.map((id) => parties.get(id)!),
    initiatives,
    commitments,
    people,
    ...(lastMeeting ? { lastMeeting } : {}),
    notes,
    partyName,
    meetingTitle,
  };
  const when = dateText(meeting, lang);
  const sections = SECTIONS.map((s) => ({ id: s.id, blocks: s.collect(context) })).filter(
    (s) => s.blocks.length > 0,
  );
  return {
    lang,
    paper: options.paper,
    classification,
    generatedAt,
    ...(options.copyFor ? { copyFor: options.copyFor } : {}),
    // A numbered copy (every copy the app prints) shows its number; a copy made otherwise for a reader, a digest.
    ...(options.copyNumber
      ? { copyId: String(options.copyNumber) }
      : options.copyFor
        ? {
            copyId: createHash('sha256')
              .update(`${meetingId}\u0000${options.copyFor}\u0000${generatedAt}`)
              .digest('hex')
              .slice(0, 8)
              .toUpperCase(),
          }
        : {}),
    cover: {
      title: text(meeting.title),
      counterpart: counterpartIds.map(partyName).filter(Boolean).join(' · '),
      ...(when ? { dateText: when } : {}),
      ...(text(meeting.place) ? { place: text(meeting.place) } : {}),
    },
    sections: options.portionMarks
      ? markPortions(sections, lang, meeting.classification as Classification)
      : sections,
    ...(annexes?.length ? { annexes } : {}),
    ...(clearance ? { withheld: { clearance, count: withheldCount } } : {}),
  };
}
