// collectBook: the store → a plain BookModel for one meeting. It reads, never draws; every fixed label is a
// key into the book strings, and content is given as written. A section with nothing to say gets no blocks
// (the renderer then leaves it out, heading and all).
import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { invalid } from '../../domain/errors.js';
import { hlcToIso } from '../../db/hlc.js';
import {
  CLASSIFICATIONS,
  type Classification,
  type KindName,
  type StoredRecord,
} from '../../domain/kinds.js';
import { getRecord, listRecords } from '../../db/reader.js';
import type { Block, BookModel, BookSection, Text } from './model.js';
import { formatDate } from './strings.js';
import type { AnnotationChoice, Lang, Paper } from '../../domain/results.js';
import { kindLabel } from '../../domain/vocabulary.js';

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
}

type R = StoredRecord & Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const rank = (level: Classification) => CLASSIFICATIONS.indexOf(level);

function byId(records: R[]): Map<string, R> {
  return new Map(records.map((r) => [r.id, r]));
}

function dateText(meeting: R, lang: Lang): string | undefined {
  const start = text(meeting.start);
  if (!start) return undefined;
  const time = start.slice(11, 16);
  const zone = text(meeting.timeZone);
  return [formatDate(start, lang), time && time !== '00:00' ? time : '', zone ? `(${zone})` : '']
    .filter(Boolean)
    .join(' ');
}

export function collectBook(db: Db, meetingId: string, options: CollectOptions): BookModel {
  const { lang } = options;
  const meeting = getRecord(db, 'meeting', meetingId) as R;
  const parties = byId(listRecords(db, 'party') as R[]);
  const meetings = listRecords(db, 'meeting') as R[];
  const meetingParties = (meeting.partyIds as string[]).filter((id) => parties.has(id));
  const counterpartIds = meetingParties.filter((id) => id !== options.ownPartyId);
  const partyName = (id: unknown) =>
    (typeof id === 'string' ? (parties.get(id)?.name as string | undefined) : undefined) ?? '';

  const parts = (kind: 'agendaItem' | 'talkingPoint' | 'participant') =>
    listRecords(db, kind, { meetingId }) as R[];
  const agenda = parts('agendaItem');
  const points = parts('talkingPoint');
  const participants = parts('participant');
  const allInitiatives = byId(listRecords(db, 'initiative') as R[]);
  const initiatives = (meeting.initiativeIds as string[])
    .map((id) => allInitiatives.get(id))
    .filter((i): i is R => i !== undefined);
  const initiativeIds = new Set(initiatives.map((i) => i.id));

  const commitments = (listRecords(db, 'commitment') as R[]).filter(
    (c) =>
      c.status === 'open' &&
      (c.meetingId === meetingId ||
        initiativeIds.has(c.initiativeId as string) ||
        counterpartIds.includes(c.owingPartyId as string)),
  );
  const people = (listRecords(db, 'person') as R[]).filter(
    (p) =>
      participants.some((x) => x.side === 'theirs' && x.personId === p.id) ||
      (counterpartIds.includes(p.partyId as string) &&
        !participants.some((x) => x.personId === p.id && x.side === 'ours')),
  );
  const lastMeeting = meetings
    .filter(
      (m) =>
        m.id !== meetingId &&
        (m.partyIds as string[]).some((id) => counterpartIds.includes(id)) &&
        (!meeting.start || !m.start || (m.start as string) < (meeting.start as string)),
    )
    .sort((a, b) => String(b.start).localeCompare(String(a.start)))[0];

  // What the notes may be attached to: everything this book prints.
  const targets = new Map<string, string>();
  const addTarget = (kind: KindName, r: R, title: unknown) =>
    targets.set(`${kind}:${r.id}`, `${kindLabel(lang, kind)}: ${text(title)}`);
  addTarget('meeting', meeting, meeting.title);
  for (const r of agenda) addTarget('agendaItem', r, r.title);
  for (const r of points) addTarget('talkingPoint', r, r.text);
  for (const r of participants) addTarget('participant', r, r.name);
  for (const r of initiatives) addTarget('initiative', r, r.title);
  for (const r of commitments) addTarget('commitment', r, r.text);
  for (const r of people) addTarget('person', r, r.name);
  for (const id of counterpartIds) addTarget('party', parties.get(id)!, parties.get(id)!.name);
  const notes = (listRecords(db, 'annotation') as R[]).filter((n) =>
    targets.has(`${n.targetKind}:${n.targetId}`),
  );
  const noteBlock = (n: R): Block => ({
    type: 'note',
    author: text(n.author) || '—',
    date: text(n.createdAt),
    target: targets.get(`${n.targetKind}:${n.targetId}`)!,
    body: text(n.body),
  });

  // The banner: the highest level of what the book contains, or higher if asked.
  const contentLevel = [meeting, ...initiatives]
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
    ...notes,
  ];
  const latest = included.map((r) => String(r.version ?? '')).reduce((a, b) => (b > a ? b : a), '');
  const generatedAt = options.generatedAt ?? (latest ? hlcToIso(latest) : '2000-01-01T00:00:00.000Z');
  const bookDate = generatedAt.slice(0, 10);

  const sections: BookSection[] = [];
  const section = (id: BookSection['id'], blocks: Block[]) => sections.push({ id, blocks });

  // Purpose and objectives.
  const purpose: Block[] = [];
  if (text(meeting.purpose)) purpose.push({ type: 'paragraph', markdown: text(meeting.purpose) });
  if (text(meeting.objectives)) {
    purpose.push(
      { type: 'heading', level: 2, text: { key: 'purpose.objectives' } },
      { type: 'paragraph', markdown: text(meeting.objectives) },
    );
  }
  section('purpose', purpose);

  // Programme and agenda.
  const programme: Block[] = [];
  const facts: { label: Text; value: Text }[] = [
    {
      label: { key: 'programme.kind' },
      value: { choice: 'meetingKind', value: String(meeting.kind) },
    },
  ];
  const when = dateText(meeting, lang);
  if (when) facts.push({ label: { key: 'cover.date' }, value: when });
  if (text(meeting.place)) facts.push({ label: { key: 'cover.place' }, value: text(meeting.place) });
  if (text(meeting.logistics))
    facts.push({ label: { key: 'programme.logistics' }, value: text(meeting.logistics) });
  if (agenda.length || participants.length || facts.length > 1)
    programme.push({ type: 'keyValue', items: facts });
  if (agenda.length) {
    const withTime = agenda.some((a) => text(a.time));
    programme.push(
      { type: 'heading', level: 2, text: { key: 'programme.agenda' } },
      {
        type: 'table',
        columns: withTime
          ? [
              { label: { key: 'programme.time' }, width: 0.16 },
              { label: { key: 'programme.item' }, width: 0.84 },
            ]
          : [{ label: { key: 'programme.item' }, width: 1 }],
        rows: agenda.map((a) => {
          const item = [text(a.title), text(a.notes)].filter(Boolean).join(' — ');
          return withTime ? [text(a.time), item] : [item];
        }),
      },
    );
  }
  for (const side of ['ours', 'theirs'] as const) {
    const list = participants.filter((p) => p.side === side);
    if (!list.length) continue;
    programme.push(
      { type: 'heading', level: 3, text: { key: side === 'ours' ? 'programme.ours' : 'programme.theirs' } },
      { type: 'bulletList', items: list.map((p) => [text(p.name), text(p.role)].filter(Boolean).join(', ')) },
    );
  }
  section('programme', programme);

  // Points to make, numbered straight through certain / possible / defensive.
  const pointBlocks: Block[] = [];
  const cardBlocks: Block[] = [];
  let number = 1;
  for (const kind of ['certain', 'possible', 'defensive'] as const) {
    const items = points.filter((p) => p.kind === kind).map((p) => text(p.text));
    if (!items.length) continue;
    const heading: Block = { type: 'heading', level: 2, text: { key: `points.${kind}` } };
    const list: Block = { type: 'numberedList', items, start: number };
    pointBlocks.push(heading, list);
    cardBlocks.push(heading, list);
    number += items.length;
  }
  section('points', pointBlocks);

  const theirObjectives = (meeting.theirObjectives as { objective: string; response: string }[]).filter(
    (o) => o.objective.trim() || o.response.trim(),
  );
  section(
    'theirObjectives',
    theirObjectives.length
      ? [
          {
            type: 'table',
            columns: [
              { label: { key: 'theirObjectives.objective' }, width: 0.5 },
              { label: { key: 'theirObjectives.response' }, width: 0.5 },
            ],
            rows: theirObjectives.map((o) => [o.objective, o.response]),
          },
        ]
      : [],
  );

  section(
    'press',
    points
      .filter((p) => p.kind === 'press')
      .map((p): Block => ({ type: 'paragraph', markdown: text(p.text) })),
  );

  // Background: the relationship with each counterpart, this meeting's background, the last meeting.
  const background: Block[] = [];
  const relationships = counterpartIds
    .map((id) => parties.get(id)!)
    .filter((p) => text(p.relationship) || text(p.profile));
  if (relationships.length) {
    background.push({ type: 'heading', level: 2, text: { key: 'background.relationship' } });
    for (const p of relationships) {
      if (relationships.length > 1) background.push({ type: 'heading', level: 3, text: text(p.name) });
      for (const field of ['profile', 'relationship'])
        if (text(p[field])) background.push({ type: 'paragraph', markdown: text(p[field]) });
    }
  }
  if (text(meeting.background)) background.push({ type: 'paragraph', markdown: text(meeting.background) });
  if (lastMeeting) {
    background.push({ type: 'heading', level: 2, text: { key: 'background.lastMeeting' } });
    const facts: { label: Text; value: Text }[] = [
      { label: { key: 'commitments.originMeeting' }, value: text(lastMeeting.title) },
    ];
    const lastWhen = dateText(lastMeeting, lang);
    if (lastWhen) facts.push({ label: { key: 'cover.date' }, value: lastWhen });
    if (text(lastMeeting.place))
      facts.push({ label: { key: 'cover.place' }, value: text(lastMeeting.place) });
    if (text(lastMeeting.outcome))
      facts.push({ label: { key: 'background.outcome' }, value: text(lastMeeting.outcome) });
    background.push({ type: 'keyValue', items: facts });
  }
  section('background', background);

  // Open commitments on both sides, overdue first.
  const meetingTitles = byId(meetings);
  const sorted = [...commitments].sort((a, b) => {
    const due = (c: R) => text(c.dueDate) || '9999';
    return due(a).localeCompare(due(b)) || String(a.id).localeCompare(String(b.id));
  });
  const overdue = (c: R) => text(c.dueDate) !== '' && text(c.dueDate) < bookDate;
  section(
    'commitments',
    sorted.length
      ? [
          {
            type: 'table',
            columns: [
              { label: { key: 'commitments.text' }, width: 0.4 },
              { label: { key: 'commitments.owingParty' }, width: 0.16 },
              { label: { key: 'commitments.originMeeting' }, width: 0.2 },
              { label: { key: 'commitments.dueDate' }, width: 0.14 },
              { label: { key: 'commitments.status' }, width: 0.1 },
            ],
            rows: sorted.map((c) => [
              text(c.text),
              partyName(c.owingPartyId) || '—',
              text(meetingTitles.get(c.meetingId as string)?.title) || '—',
              text(c.dueDate)
                ? overdue(c)
                  ? [
                      { date: text(c.dueDate), style: 'short' as const },
                      ' ',
                      { key: 'commitments.overdue' as const },
                    ]
                  : { date: text(c.dueDate), style: 'short' as const }
                : { key: 'commitments.noDate' },
              { choice: 'commitmentStatus', value: String(c.status) },
            ]),
            highlightRows: sorted.flatMap((c, i) => (overdue(c) ? [i] : [])),
          },
        ]
      : [],
  );

  section(
    'initiatives',
    initiatives.length
      ? [
          {
            type: 'table',
            columns: [
              { label: { key: 'initiatives.title' }, width: 0.56 },
              { label: { key: 'initiatives.area' }, width: 0.22 },
              { label: { key: 'initiatives.status' }, width: 0.22 },
            ],
            rows: initiatives.map((i) => [
              text(i.title),
              i.area === 'other' ? '—' : { choice: 'area', value: String(i.area) },
              { choice: 'initiativeStatus', value: String(i.status) },
            ]),
          },
        ]
      : [],
  );

  const biographies: Block[] = [];
  for (const p of people) {
    const items: { label: Text; value: Text }[] = [];
    if (text(p.role)) items.push({ label: { key: 'bio.role' }, value: text(p.role) });
    if (partyName(p.partyId)) items.push({ label: { key: 'bio.party' }, value: partyName(p.partyId) });
    if ((p.languages as string[]).length)
      items.push({ label: { key: 'bio.languages' }, value: (p.languages as string[]).join(', ') });
    if (text(p.protocolNotes)) items.push({ label: { key: 'bio.protocol' }, value: text(p.protocolNotes) });
    if (text(p.biography)) items.push({ label: { key: 'bio.biography' }, value: text(p.biography) });
    biographies.push({ type: 'heading', level: 2, text: text(p.name) });
    if (items.length) biographies.push({ type: 'keyValue', items });
  }
  section('biographies', biographies);

  if (options.annotations !== 'none')
    section('sharedNotes', notes.filter((n) => n.visibility === 'shared').map(noteBlock));
  if (options.annotations === 'mine')
    section('privateNotes', notes.filter((n) => n.visibility === 'private').map(noteBlock));
  section('card', cardBlocks);

  const counterpart = counterpartIds.map(partyName).filter(Boolean).join(' · ');
  return {
    lang,
    paper: options.paper,
    classification,
    generatedAt,
    ...(options.copyFor
      ? {
          copyFor: options.copyFor,
          copyId: createHash('sha256')
            .update(`${meetingId}\u0000${options.copyFor}\u0000${generatedAt}`)
            .digest('hex')
            .slice(0, 8)
            .toUpperCase(),
        }
      : {}),
    cover: {
      title: text(meeting.title),
      counterpart,
      ...(when ? { dateText: when } : {}),
      ...(text(meeting.place) ? { place: text(meeting.place) } : {}),
    },
    sections: sections.filter((s) => s.blocks.length > 0),
  };
}
