// Wall-clock times become instants in the zone a calendar names: IANA names, the Windows names Outlook writes,
// and a VTIMEZONE block only when nothing else knows the name. Expected instants worked out by hand.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { localIso, resolveZone, utcIso } from '../../../electron/calendar/zones.js';

const wall = (iso: string) => {
  const [date, time] = iso.split('T') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute, second] = time.split(':').map(Number) as [number, number, number];
  return { year, month, day, hour, minute, second };
};

const at = (tzid: string, local: string, vtimezones = new Map<string, ICAL.Component>()) => {
  const zone = resolveZone(tzid, vtimezones);
  if (!zone) throw new Error(`no zone ${tzid}`);
  return { iana: zone.iana, utc: utcIso(zone.instantOf(wall(local))) };
};

describe('calendar time zones', () => {
  it('reads IANA names with their daylight-saving rules', () => {
    // Quito has no daylight saving: UTC-5 all year.
    expect(at('America/Guayaquil', '2027-03-22T09:00:00')).toEqual({
      iana: 'America/Guayaquil',
      utc: '2027-03-22T14:00:00Z',
    });
    // Madrid: CET (UTC+1) until the last Sunday of March 2027 (the 28th), CEST (UTC+2) after.
    expect(at('Europe/Madrid', '2027-03-27T10:00:00').utc).toBe('2027-03-27T09:00:00Z');
    expect(at('Europe/Madrid', '2027-03-29T10:00:00').utc).toBe('2027-03-29T08:00:00Z');
  });

  it('maps the Windows names Exchange writes to IANA zones (CLDR windowsZones)', () => {
    expect(at('SA Pacific Standard Time', '2027-03-22T09:00:00')).toEqual({
      iana: 'America/Bogota',
      utc: '2027-03-22T14:00:00Z',
    });
    // Romance Standard Time is Paris: in July, CEST (UTC+2).
    expect(at('Romance Standard Time', '2027-07-01T15:30:00')).toEqual({
      iana: 'Europe/Paris',
      utc: '2027-07-01T13:30:00Z',
    });
    // Eastern Standard Time is New York: EST (UTC-5) in January, EDT (UTC-4) in June.
    expect(at('Eastern Standard Time', '2027-01-15T08:00:00').utc).toBe('2027-01-15T13:00:00Z');
    expect(at('Eastern Standard Time', '2027-06-15T08:00:00').utc).toBe('2027-06-15T12:00:00Z');
  });

  it("uses the file's VTIMEZONE for a name nothing else knows, and refuses one it cannot read safely", () => {
    const calendar = new ICAL.Component(
      ICAL.parse(
        [
          'BEGIN:VCALENDAR',
          'BEGIN:VTIMEZONE',
          'TZID:Hora de la costa',
          'BEGIN:STANDARD',
          'DTSTART:19700101T000000',
          'TZOFFSETFROM:-0300',
          'TZOFFSETTO:-0300',
          'END:STANDARD',
          'END:VTIMEZONE',
          'BEGIN:VTIMEZONE',
          'TZID:Cada segundo',
          'BEGIN:STANDARD',
          'DTSTART:19700101T000000',
          'RRULE:FREQ=SECONDLY',
          'TZOFFSETFROM:-0300',
          'TZOFFSETTO:-0200',
          'END:STANDARD',
          'END:VTIMEZONE',
          'END:VCALENDAR',
        ].join('\r\n'),
      ) as unknown[],
    );
    const zones = new Map(
      calendar.getAllSubcomponents('vtimezone').map((c) => [String(c.getFirstPropertyValue('tzid')), c]),
    );
    expect(at('Hora de la costa', '2027-05-01T10:00:00', zones)).toEqual({
      iana: '',
      utc: '2027-05-01T13:00:00Z',
    });
    expect(resolveZone('Cada segundo', zones)).toBeUndefined();
    expect(resolveZone('Nowhere Standard Time', zones)).toBeUndefined();
  });

  it("writes an instant as the zone's wall clock with its offset", () => {
    expect(localIso(Date.parse('2027-03-22T14:00:00Z'), 'America/Guayaquil')).toBe(
      '2027-03-22T09:00:00-05:00',
    );
    expect(localIso(Date.parse('2027-03-29T08:00:00Z'), 'Europe/Madrid')).toBe('2027-03-29T10:00:00+02:00');
    expect(localIso(Date.parse('2027-03-29T08:00:00Z'), '')).toBe('2027-03-29T08:00:00Z');
  });
});
