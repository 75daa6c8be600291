// Turning a calendar's wall-clock times into instants. A TZID is looked up, in this order: an IANA name
// (the tz database Node carries, through Intl), a Windows name Outlook writes (windows-zones.ts, then Intl),
// and only then the VTIMEZONE block the file carries (ical.js reads its rules). The maintained database comes
// first because Outlook's VTIMEZONE blocks are often out of date, and because rules read from a hostile file
// are only trusted when nothing better names the zone (and only yearly or monthly ones: see safeZone).
import ICAL from 'ical.js';
import { WINDOWS_ZONES } from './windows-zones.js';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A zone a file's times can be read in: its IANA name when known ('' else) and the wall clock's instant. */
export interface Zone {
  iana: string;
  instantOf: (wall: WallClock) => number;
}

const wallMs = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

export const UTC_ZONE: Zone = { iana: 'UTC', instantOf: wallMs };

const formats = new Map<string, Intl.DateTimeFormat>();

/** Whether Node's tz database knows the name (an IANA zone or one of its aliases). */
export function isIanaZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    formatFor(name);
    return true;
  } catch {
    return false;
  }
}

function formatFor(name: string): Intl.DateTimeFormat {
  let format = formats.get(name);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(name, format);
  }
  return format;
}

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(name: string, instant: number): number {
  const parts = Object.fromEntries(
    formatFor(name)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

export function ianaZone(name: string): Zone {
  return {
    iana: name,
    instantOf: (wall) => {
      const local = wallMs(wall);
      // Two passes settle the offset; a wall time skipped by a spring-forward change lands after it.
      const first = local - offsetAt(name, local);
      const second = local - offsetAt(name, first);
      return second === first ? first : local - offsetAt(name, second);
    },
  };
}

/** A VTIMEZONE whose rules are cheap to expand: few observances, each recurring at most monthly. */
function safeZone(component: ICAL.Component): boolean {
  const observances = component.getAllSubcomponents();
  if (observances.length === 0 || observances.length > 200) return false;
  return observances.every((o) =>
    o.getAllProperties('rrule').every((p) => {
      const freq = String((p.getFirstValue() as ICAL.Recur).freq);
      return freq === 'YEARLY' || freq === 'MONTHLY';
    }),
  );
}

/**
 * The zone a TZID names, or undefined when neither the tz database, the Windows table nor the file's own
 * VTIMEZONE says what it is.
 */
export function resolveZone(tzid: string, vtimezones: Map<string, ICAL.Component>): Zone | undefined {
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (isIanaZone(name)) return ianaZone(name);
  const windows = WINDOWS_ZONES[name];
  if (windows) return ianaZone(windows);
  const component = vtimezones.get(name);
  if (!component || !safeZone(component)) return undefined;
  const location = String(component.getFirstPropertyValue('x-lic-location') ?? '');
  const timezone = new ICAL.Timezone({ component, tzid: name });
  return {
    iana: isIanaZone(location) ? location : '',
    instantOf: (wall) => {
      const time = new ICAL.Time({ ...wall, isDate: false }, timezone);
      return wallMs(wall) - timezone.utcOffset(time) * 1000;
    },
  };
}

/** An instant as ISO 8601 in UTC, to the second: `2027-03-22T14:00:00Z`. */
export function utcIso(instant: number): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An instant as the wall clock of a zone, with its offset: `2027-03-22T09:00:00-05:00` (UTC: `…Z`). */
export function localIso(instant: number, iana: string): string {
  if (!iana || !isIanaZone(iana)) return utcIso(instant);
  const offset = offsetAt(iana, instant);
  if (offset === 0) return utcIso(instant);
  const local = utcIso(instant + offset).slice(0, 19);
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
