// Importing a calendar file into meetings: first a plan (what each event would create, change or cancel —
// read from the store, nothing written), then, unless it is a dry run, the plan applied in one transaction
// through the one writer, so every change is a clocked per-field edit like any other. Mirrors the package
// import's preview-then-apply.
//
// What the calendar carries, and only that, is written: title, start, end, time zone, place (LOCATION),
// purpose (DESCRIPTION: an invitation's body says what the meeting is for; logistics stay the user's),
// cancelled or not, and the invited people as participants (added, never removed). A field the calendar
// does not carry (objectives, points, classification…) is never touched. An invitation only changes a
// meeting when it is newer than the one imported last: a higher SEQUENCE, or the same SEQUENCE with a later
// DTSTAMP. A cancellation (METHOD:CANCEL) of a meeting the store does not have is skipped; a cancelled event
// in a published calendar comes in marked cancelled.
import { findPerson, meetingByCalendarUid, nameKey, participantsOf, peopleIndex } from '../../db/calendar.js';
import { readSetting } from '../../db/settings.js';
import type { Store } from '../../db/store.js';
import { putRecords } from '../../db/writer.js';
import { invalid } from '../../domain/errors.js';
import type { StoredRecord } from '../../domain/kinds.js';
import type { CalendarImportReport } from '../../domain/results.js';
import { parseCalendar, type Attendee, type CalendarOccurrence, type Moment } from './parse.js';
import { localIso, utcIso } from './zones.js';

export interface CalendarImportOptions {
  dryRun?: boolean;
  /** The window recurring events are expanded in (YYYY-MM-DD, both days included); default: a year from today. */
  from?: string;
  to?: string;
}

const DAY = 86_400_000;
/** The programme block export.ts appends to the purpose. */
export const PROGRAMME_HEADING = 'Programme:';
const PROGRAMME_BLOCK = /(?:^|\n\n)Programme:(?:\n\d+\. [^\n]*)+$/;

type Action = CalendarImportReport['meetings'][number]['action'];

interface Step {
  occurrence: CalendarOccurrence;
  action: Action;
  existing?: StoredRecord;
  /** The meeting's fields to write (all of them for a new meeting; only the changed ones for an update). */
  fields: Record<string, unknown>;
  participants: { personId: string | null; name: string; side: 'ours' | 'theirs' }[];
}

export function calendarWindow(options: CalendarImportOptions, now: number): { from: number; to: number } {
  const from = options.from ? Date.parse(`${options.from}T00:00:00Z`) : Math.floor(now / DAY) * DAY;
  let to: number;
  if (options.to) to = Date.parse(`${options.to}T00:00:00Z`) + DAY - 1;
  else {
    const end = new Date(from);
    end.setUTCFullYear(end.getUTCFullYear() + 1);
    to = end.getTime() - 1;
  }
  if (!(to >= from)) throw invalid('--to must not be before --from');
  return { from, to };
}

function momentText(moment: Moment, zone: string): string {
  return 'date' in moment ? moment.date : localIso(moment.instant, zone);
}

function momentUtc(moment: Moment): string {
  return 'date' in moment ? moment.date : utcIso(moment.instant);
}

/** Two starts (or ends) are the same when they name the same instant (or date), however written. */
function sameMoment(stored: unknown, moment: Moment): boolean {
  if (typeof stored !== 'string') return false;
  if ('date' in moment) return stored === moment.date;
  return stored.length > 10 && Date.parse(stored) === moment.instant;
}

/** The fields the calendar carries for this event, as the meeting keeps them. */
function carried(occurrence: CalendarOccurrence): Record<string, unknown> {
  const { start, end, timeZone } = occurrence;
  return {
    title: occurrence.title,
    start: momentText(start, timeZone),
    end: momentText(end, timeZone),
    timeZone,
    ...(occurrence.place === undefined ? {} : { place: occurrence.place }),
    ...(occurrence.description === undefined ? {} : { purpose: withoutProgramme(occurrence.description) }),
    status: occurrence.cancelled ? 'cancelled' : 'scheduled',
  };
}

/** A description as Valija's own export writes it ends with the programme, which is not the purpose. */
function withoutProgramme(description: string): string {
  return description.replace(PROGRAMME_BLOCK, '');
}

/** Whether this invitation is newer than the one the meeting was last imported from. */
function isNewer(occurrence: CalendarOccurrence, meeting: StoredRecord): boolean {
  const sequence = meeting.calendarSequence as number;
  if (occurrence.sequence !== sequence) return occurrence.sequence > sequence;
  return occurrence.stamp !== '' && occurrence.stamp > (meeting.calendarStamp as string);
}

export function importCalendar(
  store: Store,
  source: string,
  options: CalendarImportOptions,
): CalendarImportReport {
  const window = calendarWindow(options, store.writer.now());
  const { occurrences, skipped } = parseCalendar(source, window);
  const people = peopleIndex(store.db);
  const ownPartyId = readSetting(store.db, 'ownPartyId');
  const unknownAttendees: CalendarImportReport['unknownAttendees'] = [];

  const participantsFor = (occurrence: CalendarOccurrence, present: StoredRecord[]) => {
    const known = new Set(
      present.map((p) => (p.personId as string | null) ?? `name:${nameKey(p.name as string)}`),
    );
    const added: Step['participants'] = [];
    for (const attendee of occurrence.attendees) {
      const person = findPerson(people, attendee.email, attendee.name);
      const name = person ? (person.name as string) : displayName(attendee);
      const key = person ? person.id : `name:${nameKey(name)}`;
      if (!person) unknownAttendees.push({ uid: occurrence.uid, name: attendee.name, email: attendee.email });
      if (known.has(key) || (!person && known.has(`name:${nameKey(name)}`))) continue;
      known.add(key);
      // A calendar does not say whose side someone is on: a person of this ministry's own party is ours.
      const side = ownPartyId && person?.partyId === ownPartyId ? 'ours' : 'theirs';
      added.push({ personId: person?.id ?? null, name, side });
    }
    return added;
  };

  const steps: Step[] = [];
  const seen = new Set<string>();
  for (const occurrence of occurrences) {
    if (seen.has(occurrence.uid)) {
      skipped.push({ uid: occurrence.uid, reason: 'the same occurrence twice in the file' });
      continue;
    }
    seen.add(occurrence.uid);
    const found = meetingByCalendarUid(store.db, occurrence.uid);
    if (found && !found.alive) {
      skipped.push({
        uid: occurrence.uid,
        reason: 'its meeting was deleted here (restore it to take updates)',
      });
      continue;
    }
    const existing = found?.meeting;
    const stamp = { calendarSequence: occurrence.sequence, calendarStamp: occurrence.stamp };
    if (!existing) {
      if (occurrence.cancellation) {
        skipped.push({ uid: occurrence.uid, reason: 'a cancellation of a meeting this store does not have' });
        continue;
      }
      steps.push({
        occurrence,
        action: 'created',
        fields: { ...carried(occurrence), calendarUid: occurrence.uid, ...stamp },
        participants: participantsFor(occurrence, []),
      });
      continue;
    }
    if (!isNewer(occurrence, existing)) {
      steps.push({ occurrence, action: 'unchanged', existing, fields: {}, participants: [] });
      continue;
    }
    const changed = Object.fromEntries(
      Object.entries(carried(occurrence)).filter(([field, value]) =>
        field === 'start' || field === 'end'
          ? !sameMoment(existing[field], occurrence[field])
          : existing[field] !== value,
      ),
    );
    const participants = occurrence.cancelled
      ? []
      : participantsFor(occurrence, participantsOf(store.db, existing.id));
    const visible = Object.keys(changed).length > 0 || participants.length > 0;
    const action: Action = !visible
      ? 'unchanged'
      : occurrence.cancelled && existing.status !== 'cancelled'
        ? 'cancelled'
        : 'updated';
    steps.push({ occurrence, action, existing, fields: { ...changed, ...stamp }, participants });
  }

  const ids = options.dryRun ? steps.map((step) => step.existing?.id ?? null) : apply(store, steps);
  const count = (action: Action) => steps.filter((step) => step.action === action).length;
  return {
    dryRun: options.dryRun === true,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    cancelled: count('cancelled'),
    skipped,
    meetings: steps.map((step, index) => ({
      id: ids[index]!,
      uid: step.occurrence.uid,
      title: step.occurrence.title,
      startsAt: momentUtc(step.occurrence.start),
      endsAt: momentUtc(step.occurrence.end),
      timeZone: step.occurrence.timeZone,
      action: step.action,
    })),
    unknownAttendees,
  };
}

function displayName(attendee: Attendee): string {
  return (attendee.name || attendee.email).slice(0, 500);
}

/** Writes the plan in one transaction: one failure and nothing is written. Answers each step's meeting id. */
function apply(store: Store, steps: Step[]): string[] {
  const { db, writer } = store;
  return db.transaction(() =>
    steps.map((step) => {
      let id = step.existing?.id;
      if (!id) id = putRecords(writer, 'meeting', step.fields)[0]!.id;
      else if (step.action !== 'unchanged' || Object.keys(step.fields).length > 0) {
        putRecords(writer, 'meeting', { id, ...step.fields });
      }
      if (step.participants.length > 0) {
        putRecords(
          writer,
          'participant',
          step.participants.map((p) => ({
            meetingId: id,
            side: p.side,
            personId: p.personId,
            name: p.name,
          })),
        );
      }
      return id;
    }),
  )();
}
