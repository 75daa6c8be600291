// Reading calendar files as the products write them: Outlook/Exchange, Google, Apple, Thunderbird. Every
// instant below was worked out by hand from the file's local time and its zone's offset that day.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_ATTENDEES,
  MAX_OCCURRENCES,
  parseCalendar,
  type Moment,
} from '../../../electron/calendar/parse.js';
import { utcIso } from '../../../electron/calendar/zones.js';
import { ROOT } from '../../helpers.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'calendar', name), 'utf8');
const window = { from: Date.parse('2027-03-01T00:00:00Z'), to: Date.parse('2027-04-30T23:59:59Z') };
const shown = (m: Moment) => ('date' in m ? m.date : utcIso(m.instant));

describe('reading iCalendar files', () => {
  it('Outlook: a Windows zone name, folded lines, escaped commas and accents', () => {
    const { occurrences, skipped } = parseCalendar(fixture('outlook-quito.ics'), window);
    expect(skipped).toEqual([]);
    expect(occurrences).toHaveLength(1);
    const [meeting] = occurrences;
    // 09:00 in Quito (SA Pacific Standard Time, UTC-5) is 14:00 UTC; 10:30 is 15:30.
    expect([shown(meeting!.start), shown(meeting!.end)]).toEqual([
      '2027-03-22T14:00:00Z',
      '2027-03-22T15:30:00Z',
    ]);
    expect(meeting!.timeZone).toBe('America/Bogota');
    expect(meeting!.uid).toBe(
      '040000008200E00074C5B7101A82E00800000000D0A3F2B1C8A5DA01000000000000000010000000B4F1D2E6C9A14F4E8E3C0F2A1B7D9E10',
    );
    expect(meeting!.title).toBe('Reunión bilateral Perú–Ecuador: seguimiento del Gabinete Binacional');
    expect(meeting!.place).toBe('Palacio de Carondelet, Quito');
    expect(meeting!.description).toBe(
      'Seguimiento de los compromisos del Gabinete Binacional: integración fronteriza y cooperación en seguridad.\n\nSe ruega confirmar asistencia.',
    );
    expect(meeting!.attendees).toEqual([
      { email: 'mjnunez@cancilleria.gob.ec', name: 'María José Núñez' },
      { email: 'atorres@rree.gob.pe', name: 'Ana Torres' },
      { email: 'lpena@rree.gob.pe', name: 'Luis Peña' },
    ]);
    expect([meeting!.sequence, meeting!.stamp, meeting!.cancelled]).toEqual([
      0,
      '2027-03-01T15:00:00Z',
      false,
    ]);
  });

  it('Outlook: a cancellation marks the event cancelled', () => {
    const [meeting] = parseCalendar(fixture('outlook-quito-cancel.ics'), window).occurrences;
    expect([meeting!.cancelled, meeting!.cancellation, meeting!.sequence]).toEqual([true, true, 2]);
  });

  it('Google: a VTIMEZONE named by its IANA zone, and an all-day event as dates', () => {
    const { occurrences } = parseCalendar(fixture('google-guayaquil.ics'), window);
    expect(occurrences.map((o) => [o.title, shown(o.start), shown(o.end), o.timeZone])).toEqual([
      [
        'Mesa técnica de señalización fronteriza',
        '2027-04-05T14:00:00Z',
        '2027-04-05T16:00:00Z',
        'America/Guayaquil',
      ],
      // DTEND;VALUE=DATE is the day after the last: a one-day event starts and ends on the 10th.
      ['Día de la Cancillería (sin reuniones)', '2027-04-10', '2027-04-10', ''],
    ]);
    expect(occurrences[0]!.description).toBe(
      'Reunión técnica sobre la señalización del puente internacional de Huaquillas–Aguas Verdes. Año de referencia: 2027; compañía consultora por designar.',
    );
    expect(occurrences[0]!.attendees.map((a) => a.name)).toEqual([
      'Embajada en Quito',
      'Ana Torres',
      'Sergio Ibáñez',
    ]);
  });

  it('Apple: a weekly meeting across the change to summer time, an EXDATE and a moved occurrence', () => {
    const { occurrences } = parseCalendar(fixture('apple-madrid-weekly.ics'), window);
    const uid = '5B1C6D2E-8F3A-4B7C-9D0E-1F2A3B4C5D6E';
    expect(occurrences.map((o) => [o.uid, shown(o.start), shown(o.end)])).toEqual([
      // 10:00 CET (UTC+1) before Madrid's clocks go forward on Sunday 28 March 2027…
      [`${uid}/20270315T090000Z`, '2027-03-15T09:00:00Z', '2027-03-15T10:00:00Z'],
      // (22 March is an EXDATE) …10:00 CEST (UTC+2) after.
      [`${uid}/20270329T080000Z`, '2027-03-29T08:00:00Z', '2027-03-29T09:00:00Z'],
      // 5 April was moved to 6 April, 12:00–13:00 CEST; it keeps its original start in its uid.
      [`${uid}/20270405T080000Z`, '2027-04-06T10:00:00Z', '2027-04-06T11:00:00Z'],
      [`${uid}/20270412T080000Z`, '2027-04-12T08:00:00Z', '2027-04-12T09:00:00Z'],
      [`${uid}/20270419T080000Z`, '2027-04-19T08:00:00Z', '2027-04-19T09:00:00Z'],
    ]);
    expect(occurrences[2]!.title).toBe('Coordinación semanal con la Embajada de España (trasladada)');
  });

  it('reads Windows zone names with no VTIMEZONE, and RDATE occurrences', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:rdate@example.org',
      // Paris in March 2027 is CET (UTC+1) until the 28th, then CEST (UTC+2).
      'DTSTART;TZID=Romance Standard Time:20270310T093000',
      'DTEND;TZID=Romance Standard Time:20270310T103000',
      'RDATE;TZID=Romance Standard Time:20270331T093000',
      'SUMMARY:Consultas políticas en París',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:ny@example.org',
      // New York in April is EDT (UTC-4).
      'DTSTART;TZID=Eastern Standard Time:20270420T080000',
      'DURATION:PT45M',
      'SUMMARY:Desayuno en la Misión ante la ONU',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const { occurrences, skipped } = parseCalendar(text, window);
    expect(skipped).toEqual([]);
    expect(occurrences.map((o) => [o.uid, shown(o.start), shown(o.end), o.timeZone])).toEqual([
      ['rdate@example.org/20270310T083000Z', '2027-03-10T08:30:00Z', '2027-03-10T09:30:00Z', 'Europe/Paris'],
      ['rdate@example.org/20270331T073000Z', '2027-03-31T07:30:00Z', '2027-03-31T08:30:00Z', 'Europe/Paris'],
      ['ny@example.org', '2027-04-20T12:00:00Z', '2027-04-20T12:45:00Z', 'America/New_York'],
    ]);
  });

  it('expands a recurrence only inside the window', () => {
    const narrow = { from: Date.parse('2027-03-20T00:00:00Z'), to: Date.parse('2027-04-10T23:59:59Z') };
    const starts = parseCalendar(fixture('apple-madrid-weekly.ics'), narrow).occurrences.map((o) =>
      shown(o.start),
    );
    expect(starts).toEqual(['2027-03-29T08:00:00Z', '2027-04-06T10:00:00Z']);
  });

  it('Thunderbird: an IANA zone with X-LIC-LOCATION', () => {
    const [meeting] = parseCalendar(fixture('thunderbird-lima.ics'), window).occurrences;
    // 15:00 in Lima (UTC-5) is 20:00 UTC.
    expect([shown(meeting!.start), meeting!.timeZone, meeting!.place]).toEqual([
      '2027-04-12T20:00:00Z',
      'America/Lima',
      'Palacio de Torre Tagle, Lima',
    ]);
  });

  it('refuses a malformed file naming the line, and one that never ends', () => {
    expect(() => parseCalendar(fixture('broken-line.ics'), window)).toThrow(
      /line 7 .*this line has no property name/,
    );
    expect(() => parseCalendar(fixture('broken-unclosed.ics'), window)).toThrow(/missing END/);
    const badDate = fixture('thunderbird-lima.ics').replace(
      'DTSTART;TZID=America/Lima:20270412T150000',
      'DTSTART;TZID=America/Lima:2027041',
    );
    expect(() => parseCalendar(badDate, window)).toThrow(
      /^line 23: the calendar cannot be read .*invalid date-time value/,
    );
    expect(() => parseCalendar('not a calendar', window)).toThrow(
      expect.objectContaining({ code: 'E_INVALID' }),
    );
    expect(() => parseCalendar('BEGIN:VCARD\r\nFN:X\r\nEND:VCARD\r\n', window)).toThrow(/not an iCalendar/);
  });

  it('skips an event in an unknown zone, naming it, and keeps the others', () => {
    const text = fixture('thunderbird-lima.ics').replace(/TZID=America\/Lima/g, 'TZID=Hora de Marte');
    const { occurrences, skipped } = parseCalendar(text, window);
    expect(occurrences).toEqual([]);
    expect(skipped).toEqual([
      { uid: 'b7e3c1a2-5d4f-4e6a-9b8c-0d1e2f3a4b5c', reason: 'unknown time zone "Hora de Marte"' },
    ]);
  });

  it('refuses more occurrences than the limit, and a file over 5 MiB, with E_TOO_LARGE', () => {
    const daily = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:daily@example.org',
      'DTSTART:20270101T120000Z',
      'RRULE:FREQ=DAILY',
      'SUMMARY:Todos los días',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const years = { from: Date.parse('2027-01-01T00:00:00Z'), to: Date.parse('2047-01-01T00:00:00Z') };
    expect(() => parseCalendar(daily, years)).toThrow(
      expect.objectContaining({
        code: 'E_TOO_LARGE',
        message: expect.stringContaining(String(MAX_OCCURRENCES)),
      }),
    );
    const huge = `BEGIN:VCALENDAR\r\nX-PAD:${'x'.repeat(5 * 2 ** 20)}\r\nEND:VCALENDAR\r\n`;
    expect(() => parseCalendar(huge, window)).toThrow(expect.objectContaining({ code: 'E_TOO_LARGE' }));
  });

  it('refuses a calendar that would invite more people than the limit across its occurrences', () => {
    const attendees = Array.from({ length: 200 }, (_, i) => `ATTENDEE;CN=P${i}:mailto:p${i}@example.org`);
    const daily = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:crowd@example.org',
      'DTSTART:20270301T120000Z',
      'RRULE:FREQ=DAILY',
      'SUMMARY:Multitud',
      ...attendees,
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    // 200 people a day: the 101st day passes 20,000 (the window holds 61 days, so a longer one).
    const long = { from: window.from, to: Date.parse('2027-12-31T00:00:00Z') };
    expect(parseCalendar(daily, window).occurrences).toHaveLength(61);
    expect(() => parseCalendar(daily, long)).toThrow(
      expect.objectContaining({
        code: 'E_TOO_LARGE',
        message: expect.stringContaining(String(MAX_ATTENDEES)),
      }),
    );
  });

  it('stops a recurrence that would repeat every second for decades before the window', () => {
    const secondly = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:secondly@example.org',
      'DTSTART:19700101T000000Z',
      'RRULE:FREQ=SECONDLY',
      'SUMMARY:Cada segundo',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(() => parseCalendar(secondly, window)).toThrow(expect.objectContaining({ code: 'E_TOO_LARGE' }));
  });
});
