// An iCalendar file read into the occurrences it describes, each a plain value the import compares with the
// store. ical.js parses; this file checks what a hostile file could abuse (size, nesting, recurrence counts),
// turns wall-clock times into instants (zones.ts), and expands recurring events inside a window.
import ICAL from 'ical.js';
import { ValijaError, invalid } from '../../domain/errors.js';
import { resolveZone, UTC_ZONE, isIanaZone, ianaZone, utcIso, type Zone } from './zones.js';

export const MAX_CALENDAR_BYTES = 5 * 2 ** 20;
export const MAX_OCCURRENCES = 5_000;
/** Steps of a recurrence walked before its window, across the file: stops a FREQ=SECONDLY from 1900. */
const MAX_RECURRENCE_STEPS = 50_000;
const MAX_NESTING = 8;
/** Invited people across all occurrences: each becomes a participant record. */
export const MAX_ATTENDEES = 20_000;

/** A meeting's start or end: an instant, or a date for an all-day event. */
export type Moment = { date: string } | { instant: number };

export interface Attendee {
  email: string;
  name: string;
}

export interface CalendarOccurrence {
  /** The event's UID, or `<UID>/<recurrence-id>` for an occurrence of a recurring event. */
  uid: string;
  sequence: number;
  /** DTSTAMP as an ISO instant ('' when absent). */
  stamp: string;
  title: string;
  start: Moment;
  end: Moment;
  /** The IANA zone the event was written in ('' when unknown or UTC without a hint). */
  timeZone: string;
  /** Only what the file carries: undefined means the calendar says nothing about it. */
  place?: string;
  description?: string;
  cancelled: boolean;
  /** A cancellation sent as such (METHOD:CANCEL): it only ever marks a meeting already in the store. */
  cancellation: boolean;
  attendees: Attendee[];
}

export interface ParsedCalendar {
  occurrences: CalendarOccurrence[];
  skipped: { uid: string; reason: string }[];
}

export interface Window {
  from: number;
  to: number;
}

/** The lines of the file unfolded, each with the number of the physical line it starts on. */
function checkLines(text: string): void {
  const physical = text.split(/\r?\n/);
  let depth = 0;
  let sawBegin = false;
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i]!;
    if (line === '' || line.startsWith(' ') || line.startsWith('\t')) continue;
    if (!/^[A-Za-z0-9-]+[;:]/.test(line)) {
      throw invalid(
        `line ${i + 1} of the calendar is not an iCalendar property: ${JSON.stringify(line.slice(0, 60))}`,
      );
    }
    const upper = line.toUpperCase();
    if (upper.startsWith('BEGIN:')) {
      sawBegin = true;
      if (++depth > MAX_NESTING)
        throw invalid(`line ${i + 1}: components nested more than ${MAX_NESTING} deep`);
    } else if (upper.startsWith('END:')) {
      if (--depth < 0) throw invalid(`line ${i + 1}: END without its BEGIN`);
    } else if (!sawBegin) {
      throw invalid(`line ${i + 1}: the file does not start with BEGIN:VCALENDAR`);
    }
  }
  if (depth !== 0) throw invalid('the calendar ends before all its components do (a missing END line)');
}

function isoDate(time: ICAL.Time): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
}

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

function text(component: ICAL.Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? undefined : String(value);
}

function attendeeOf(property: ICAL.Property): Attendee | undefined {
  const value = String(property.getFirstValue() ?? '').trim();
  const email = /^mailto:/i.test(value) ? value.slice(7).trim().toLowerCase() : '';
  const cn = property.getParameter('cn');
  const name = (typeof cn === 'string' ? cn : '').trim().slice(0, 500);
  if (!email && !name) return undefined;
  return { email: email.slice(0, 320), name };
}

/** "line N: " for a parser's complaint that quotes a value ("invalid date-time value: \"2027032\""). */
export function whereIn(text: string, error: unknown): string {
  const quoted = /"([^"]{1,200})"/.exec(String((error as Error)?.message ?? ''))?.[1];
  if (!quoted) return '';
  // ical.js quotes a date as it rewrote it ("2027-04-1T::" for 2027041): look for its digits too.
  const digits = /^[\d:T-]+$/.test(quoted) ? `:${quoted.replace(/[-:T]/g, '')}` : undefined;
  const lines = text.split(/\r?\n/);
  let index = lines.findIndex((line) => line.includes(quoted));
  if (index < 0 && digits) index = lines.findIndex((line) => line.replace(/T/g, '').endsWith(digits));
  return index < 0 ? '' : `line ${index + 1}: `;
}

/** Reads a calendar's text; throws E_INVALID (nothing read) for a file that is not a calendar. */
export function parseCalendar(source: string, window: Window): ParsedCalendar {
  if (Buffer.byteLength(source) > MAX_CALENDAR_BYTES) {
    throw new ValijaError('E_TOO_LARGE', `the calendar exceeds ${MAX_CALENDAR_BYTES / 2 ** 20} MiB`);
  }
  const body = source.replace(/^\uFEFF/, '');
  checkLines(body);
  let root: ICAL.Component;
  try {
    const parsed: unknown = ICAL.parse(body);
    const first = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
    root = new ICAL.Component(first as unknown[]);
  } catch (error) {
    throw invalid(`${whereIn(body, error)}the calendar cannot be read: ${(error as Error).message}`);
  }
  if (root.name !== 'vcalendar') throw invalid('the file is not an iCalendar calendar (no BEGIN:VCALENDAR)');
  try {
    return new CalendarReader(root, window, body).read();
  } catch (error) {
    if (error instanceof ValijaError) throw error;
    throw invalid(`the calendar cannot be read: ${(error as Error).message}`);
  }
}

class CalendarReader {
  private readonly vtimezones = new Map<string, ICAL.Component>();
  private readonly defaultZone: Zone;
  private readonly method: string;
  private steps = 0;
  private readonly occurrences: CalendarOccurrence[] = [];
  private readonly skipped: ParsedCalendar['skipped'] = [];

  constructor(
    private readonly root: ICAL.Component,
    private readonly window: Window,
    private readonly body: string,
  ) {
    for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
      const tzid = text(vtimezone, 'tzid');
      if (tzid) this.vtimezones.set(tzid, vtimezone);
    }
    // Floating times (no zone) are read in the calendar's own zone when it names one (Google, Apple), else UTC.
    const calendarZone = text(root, 'x-wr-timezone') ?? '';
    this.defaultZone = isIanaZone(calendarZone) ? ianaZone(calendarZone) : UTC_ZONE;
    this.method = (text(root, 'method') ?? '').toUpperCase();
  }

  read(): ParsedCalendar {
    const byUid = new Map<string, { master?: ICAL.Component; exceptions: ICAL.Component[] }>();
    for (const vevent of this.root.getAllSubcomponents('vevent')) {
      const uid = (text(vevent, 'uid') ?? '').trim();
      if (!uid || uid.length > 900) {
        this.skipped.push({
          uid,
          reason: uid ? 'the UID is longer than 900 characters' : 'the event has no UID',
        });
        continue;
      }
      const entry = byUid.get(uid) ?? { exceptions: [] };
      if (vevent.hasProperty('recurrence-id')) entry.exceptions.push(vevent);
      else if (entry.master) this.skipped.push({ uid, reason: 'a second event with the same UID' });
      else entry.master = vevent;
      byUid.set(uid, entry);
    }
    for (const [uid, { master, exceptions }] of byUid) {
      try {
        if (master && (master.hasProperty('rrule') || master.hasProperty('rdate')))
          this.readRecurring(uid, master, exceptions);
        else if (master) this.add(this.occurrence(uid, master));
        else for (const exception of exceptions) this.add(this.occurrence(uid, exception, true));
      } catch (error) {
        if (error instanceof ValijaError && error.code === 'E_TOO_LARGE') throw error;
        if (error instanceof Skip) this.skipped.push({ uid, reason: error.message });
        // A value the parser cannot read (a date with a digit missing) is a broken file, refused whole.
        else
          throw invalid(
            `${whereIn(this.body, error)}the calendar cannot be read (event ${JSON.stringify(uid.slice(0, 100))}): ${(error as Error).message}`,
          );
      }
    }
    return { occurrences: this.occurrences, skipped: this.skipped };
  }

  private attendees = 0;

  private add(occurrence: CalendarOccurrence): void {
    this.attendees += occurrence.attendees.length;
    if (this.attendees > MAX_ATTENDEES) {
      throw new ValijaError(
        'E_TOO_LARGE',
        `the calendar invites more than ${MAX_ATTENDEES} people across its events; import a shorter window (--from, --to)`,
      );
    }
    if (this.occurrences.length >= MAX_OCCURRENCES) {
      throw new ValijaError(
        'E_TOO_LARGE',
        `the calendar holds more than ${MAX_OCCURRENCES} events in the window; import a shorter window (--from, --to)`,
      );
    }
    this.occurrences.push(occurrence);
  }

  private zoneOf(property: ICAL.Property | null): Zone {
    if (!property) return this.defaultZone;
    const time = property.getFirstValue() as ICAL.Time;
    if (time.zone === ICAL.Timezone.utcTimezone || /Z$/i.test(String(time.toString()))) return UTC_ZONE;
    const tzid = property.getParameter('tzid');
    if (typeof tzid !== 'string' || !tzid) return this.defaultZone;
    const zone = resolveZone(tzid, this.vtimezones);
    if (!zone) throw new Skip(`unknown time zone ${JSON.stringify(tzid.slice(0, 100))}`);
    return zone;
  }

  private moment(time: ICAL.Time, zone: Zone): Moment {
    return time.isDate ? { date: isoDate(time) } : { instant: zone.instantOf(time) };
  }

  /** An event's end as a meeting keeps it: an all-day event's DTEND is the day after its last, so one back. */
  private endMoment(time: ICAL.Time, zone: Zone): Moment {
    if (!time.isDate) return { instant: zone.instantOf(time) };
    return { date: new Date(Date.parse(`${isoDate(time)}T00:00:00Z`) - dayMs).toISOString().slice(0, 10) };
  }

  /** The key an occurrence's original start gives its uid: `20270322T090000Z`, or `20270322` for a date. */
  private recurrenceKey(time: ICAL.Time, zone: Zone): string {
    return time.isDate
      ? isoDate(time).replace(/-/g, '')
      : compact(new Date(zone.instantOf(time)).toISOString());
  }

  private base(uid: string, vevent: ICAL.Component) {
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time | null;
    const sequence = Number(vevent.getFirstPropertyValue('sequence') ?? 0);
    const status = (text(vevent, 'status') ?? '').toUpperCase();
    const attendees = [...vevent.getAllProperties('organizer'), ...vevent.getAllProperties('attendee')].slice(
      0,
      200,
    );
    const seen = new Set<string>();
    const people: Attendee[] = [];
    for (const property of attendees) {
      const attendee = attendeeOf(property);
      const key = attendee && (attendee.email || attendee.name.toLowerCase());
      if (attendee && !seen.has(key!)) {
        seen.add(key!);
        people.push(attendee);
      }
    }
    const place = text(vevent, 'location');
    const description = text(vevent, 'description');
    const declared = text(vevent, 'x-valija-tzid') ?? '';
    return {
      uid,
      sequence: Number.isSafeInteger(sequence) && sequence >= 0 ? sequence : 0,
      stamp: stamp && !stamp.isDate ? utcIso(UTC_ZONE.instantOf(stamp)) : '',
      title: (text(vevent, 'summary') ?? '').trim().slice(0, 500) || '(no title)',
      cancelled: this.method === 'CANCEL' || status === 'CANCELLED',
      cancellation: this.method === 'CANCEL',
      attendees: people,
      declaredZone: isIanaZone(declared) ? declared : '',
      ...(place === undefined ? {} : { place: place.trim().slice(0, 2_000) }),
      ...(description === undefined ? {} : { description: description.trim().slice(0, 100_000) }),
    };
  }

  private occurrence(uid: string, vevent: ICAL.Component, isException = false): CalendarOccurrence {
    const event = new ICAL.Event(vevent);
    const startProperty = vevent.getFirstProperty('dtstart');
    if (!startProperty) throw new Skip('the event has no start (DTSTART)');
    const zone = this.zoneOf(startProperty);
    const start = this.moment(event.startDate, zone);
    const endProperty = vevent.getFirstProperty('dtend');
    const end = this.endMoment(event.endDate, endProperty ? this.zoneOf(endProperty) : zone);
    const { declaredZone, ...base } = this.base(uid, vevent);
    let fullUid = uid;
    if (isException) {
      const recurrenceProperty = vevent.getFirstProperty('recurrence-id')!;
      fullUid = `${uid}/${this.recurrenceKey(recurrenceProperty.getFirstValue() as ICAL.Time, this.zoneOf(recurrenceProperty))}`;
    }
    return {
      ...base,
      uid: fullUid,
      start,
      end: ordered(start, end),
      timeZone: declaredZone || zoneName(zone, start),
    };
  }

  private readRecurring(uid: string, master: ICAL.Component, exceptions: ICAL.Component[]): void {
    const event = new ICAL.Event(master);
    for (const exception of exceptions) event.relateException(exception);
    const startProperty = master.getFirstProperty('dtstart');
    if (!startProperty) throw new Skip('the event has no start (DTSTART)');
    const zone = this.zoneOf(startProperty);
    const masterStart = this.moment(event.startDate, zone);
    const masterEnd = this.endMoment(
      event.endDate,
      master.hasProperty('dtend') ? this.zoneOf(master.getFirstProperty('dtend')) : zone,
    );
    const iterator = event.iterator();
    const overrides = new Map(exceptions.map((e) => [e, this.zoneOf(e.getFirstProperty('dtstart'))]));
    // DTSTART is the first occurrence (RFC 5545 3.8.5.2), which ical.js leaves out when only RDATEs repeat.
    let pending: ICAL.Time | null = master.hasProperty('rrule') ? null : event.startDate;
    let held: ICAL.Time | null = null;
    const nextTime = (): ICAL.Time | null => {
      const next = held ?? iterator.next();
      held = null;
      if (pending && (!next || next.compare(pending) > 0)) {
        const first = pending;
        pending = null;
        held = next;
        return first;
      }
      if (pending && next && next.compare(pending) === 0) pending = null;
      return next;
    };
    for (let next = nextTime(); next; next = nextTime()) {
      if (++this.steps > MAX_RECURRENCE_STEPS) {
        throw new ValijaError(
          'E_TOO_LARGE',
          `the calendar's recurrences repeat more than ${MAX_RECURRENCE_STEPS} times`,
        );
      }
      const originalStart = this.moment(next, zone);
      const details = event.getOccurrenceDetails(next);
      const moved = details.item !== event;
      const itemZone = moved ? (overrides.get(details.item.component) ?? zone) : zone;
      const start = moved ? this.moment(details.item.startDate, itemZone) : originalStart;
      if (startsAfter(originalStart, this.window.to) && startsAfter(start, this.window.to)) break;
      if (endsBefore(start, this.window.from) || startsAfter(start, this.window.to)) continue;
      const end = moved
        ? this.endMoment(details.item.endDate, itemZone)
        : shift(masterEnd, masterStart, start);
      const { declaredZone, ...base } = this.base(uid, moved ? details.item.component : master);
      this.add({
        ...base,
        uid: `${uid}/${this.recurrenceKey(next, zone)}`,
        start,
        end: ordered(start, end),
        timeZone: declaredZone || zoneName(zone, start),
      });
    }
  }
}

class Skip extends Error {}

function zoneName(zone: Zone, start: Moment): string {
  return 'date' in start ? '' : zone.iana;
}

const dayMs = 86_400_000;
const momentMs = (m: Moment) => ('date' in m ? Date.parse(`${m.date}T00:00:00Z`) : m.instant);
const startsAfter = (m: Moment, limit: number) => momentMs(m) > limit;
const endsBefore = (m: Moment, limit: number) => momentMs(m) + ('date' in m ? dayMs : 0) <= limit;

/** An occurrence's end: the master's duration after the occurrence's start. */
function shift(masterEnd: Moment, masterStart: Moment, start: Moment): Moment {
  const duration = momentMs(masterEnd) - momentMs(masterStart);
  const ms = momentMs(start) + duration;
  return 'date' in start ? { date: new Date(ms).toISOString().slice(0, 10) } : { instant: ms };
}

/** An end before its start (a broken file) becomes the start. */
function ordered(start: Moment, end: Moment): Moment {
  if ('date' in start !== 'date' in end) return start;
  return momentMs(end) < momentMs(start) ? start : end;
}
