// Writing meetings to an iCalendar file (RFC 5545) other calendars open: one VEVENT per meeting, its UID the
// calendar event it came from (else one made from its id, so exporting twice gives the same UIDs), times in
// UTC (no VTIMEZONE needed) with the meeting's zone kept in X-VALIJA-TZID, the purpose and programme as
// DESCRIPTION, participants as ATTENDEE. ical.js writes it: it escapes text and folds long lines.
import ICAL from 'ical.js';
import { participantsOf } from '../../db/calendar.js';
import { getRecord, listRecords } from '../../db/reader.js';
import type { Store } from '../../db/store.js';
import { invalid } from '../../domain/errors.js';
import type { StoredRecord } from '../../domain/kinds.js';
import type { CalendarExportReport } from '../../domain/results.js';
import { writeFileAtomically } from '../files.js';
import { PROGRAMME_HEADING } from './import.js';

export interface CalendarRange {
  meetingId?: string;
  /** Meetings starting from this day to that one (both included, UTC days). */
  from?: string;
  to?: string;
}

const DAY = 86_400_000;

/** The meetings a range names: one by id, or the dated ones starting inside the days given. */
function meetingsIn(store: Store, range: CalendarRange): StoredRecord[] {
  if (range.meetingId) return [getRecord(store.db, 'meeting', range.meetingId)];
  const from = Date.parse(`${range.from}T00:00:00Z`);
  const to = Date.parse(`${range.to}T00:00:00Z`) + DAY - 1;
  if (!(to >= from)) throw invalid('--to must not be before --from');
  return listRecords(store.db, 'meeting').filter((meeting) => {
    const start = meeting.start as string;
    if (!start) return false;
    const at = Date.parse(start.length === 10 ? `${start}T00:00:00Z` : start);
    return at >= from && at <= to;
  });
}

function timeOf(value: string, exclusiveEnd = false): ICAL.Time {
  if (value.length === 10) {
    const date = ICAL.Time.fromDateString(value);
    if (exclusiveEnd) date.adjust(1, 0, 0, 0);
    return date;
  }
  return ICAL.Time.fromJSDate(new Date(value), true);
}

function setTime(event: ICAL.Component, name: string, time: ICAL.Time): void {
  const property = new ICAL.Property(name, event);
  property.setValue(time);
  event.addProperty(property);
}

function description(store: Store, meeting: StoredRecord): string {
  const programme = listRecords(store.db, 'agendaItem', { meetingId: meeting.id }).map(
    (item, index) => `${index + 1}. ${[item.time, item.title].filter(Boolean).join(' ')}`,
  );
  return [meeting.purpose as string, programme.length ? `${PROGRAMME_HEADING}\n${programme.join('\n')}` : '']
    .filter(Boolean)
    .join('\n\n');
}

function eventOf(store: Store, meeting: StoredRecord, stamp: ICAL.Time): ICAL.Component {
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', (meeting.calendarUid as string) || `${meeting.id}@valija`);
  event.addPropertyWithValue('dtstamp', stamp);
  event.addPropertyWithValue('sequence', meeting.calendarSequence as number);
  const start = meeting.start as string;
  const end = (meeting.end as string) || start;
  setTime(event, 'dtstart', timeOf(start));
  setTime(event, 'dtend', timeOf(end.length === start.length ? end : start, true));
  event.addPropertyWithValue('summary', meeting.title as string);
  if (meeting.place) event.addPropertyWithValue('location', meeting.place as string);
  const text = description(store, meeting);
  if (text) event.addPropertyWithValue('description', text);
  event.addPropertyWithValue('status', meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
  if (meeting.timeZone) event.addPropertyWithValue('x-valija-tzid', meeting.timeZone as string);
  for (const participant of participantsOf(store.db, meeting.id)) {
    const person = participant.personId ? getPerson(store, participant.personId as string) : undefined;
    const email = (person?.emails as string[] | undefined)?.[0];
    const attendee = new ICAL.Property('attendee', event);
    attendee.setValue(
      email ? `mailto:${email}` : `urn:uuid:${(participant.personId as string) ?? participant.id}`,
    );
    attendee.setParameter('cn', participant.name as string);
    attendee.setParameter('role', 'REQ-PARTICIPANT');
    event.addProperty(attendee);
  }
  return event;
}

function getPerson(store: Store, id: string): StoredRecord | undefined {
  try {
    return getRecord(store.db, 'person', id);
  } catch {
    return undefined;
  }
}

/**
 * Lines folded at 75 octets, as RFC 5545 asks (ical.js folds at 75 characters, which accented text can take
 * past 75 octets), never inside a character; each line ends with CRLF.
 */
export function foldLines(text: string): string {
  const folded: string[] = [];
  for (const line of text.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    let rest = line;
    let limit = 75;
    while (Buffer.byteLength(rest) > limit) {
      let cut = 0;
      let bytes = 0;
      for (const char of rest) {
        const size = Buffer.byteLength(char);
        if (bytes + size > limit) break;
        bytes += size;
        cut += char.length;
      }
      folded.push((limit === 75 ? '' : ' ') + rest.slice(0, cut));
      rest = rest.slice(cut);
      limit = 74;
    }
    folded.push((limit === 75 ? '' : ' ') + rest);
  }
  return folded.join('\r\n') + '\r\n';
}

export function exportCalendar(store: Store, file: string, range: CalendarRange): CalendarExportReport {
  const meetings = meetingsIn(store, range).filter((meeting) => meeting.start);
  if (range.meetingId && meetings.length === 0) {
    throw invalid('the meeting has no start date: give it one before exporting it to a calendar');
  }
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', '-//Valija//Valija calendar export//EN');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  const stamp = ICAL.Time.fromJSDate(new Date(Math.floor(store.writer.now() / 1000) * 1000), true);
  for (const meeting of meetings) calendar.addSubcomponent(eventOf(store, meeting, stamp));
  writeFileAtomically(file, Buffer.from(foldLines(calendar.toString()), 'utf8'));
  return { file, events: meetings.length };
}
