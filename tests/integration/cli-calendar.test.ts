// `valija calendar import|export` as a user types them, on real files: invitations from Outlook, Google,
// Apple and Thunderbird become meetings, a re-sent invitation changes only what it carries, a cancellation
// marks, a dry run and a broken file change nothing, and an exported range reads back the same elsewhere.
import ICAL from 'ical.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CalendarImportReport } from '../../domain/results.js';
import { ROOT, tempDir, valija } from '../helpers.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'calendar');
const fixture = (name: string) => join(FIXTURES, name);
const WINDOW = ['--from', '2027-03-01', '--to', '2027-04-30'];
const QUITO_UID =
  '040000008200E00074C5B7101A82E00800000000D0A3F2B1C8A5DA01000000000000000010000000B4F1D2E6C9A14F4E8E3C0F2A1B7D9E10';

type Row = Record<string, unknown> & { id: string };

function newStore(): string {
  const db = join(tempDir(), 'store.db');
  expect(valija(['--db', db, 'init']).code).toBe(0);
  return db;
}

function run(db: string, args: string[]) {
  const result = valija(['--db', db, ...args]);
  expect(result.code, result.stderr).toBe(0);
  return result.json();
}

const importCalendar = (db: string, file: string, more: string[] = []) =>
  run(db, ['calendar', 'import', file, ...WINDOW, ...more]) as CalendarImportReport;
const dump = (db: string) => valija(['--db', db, 'dump']).stdout;
const meetings = (db: string) => run(db, ['list', 'meeting']) as Row[];

describe('valija calendar import', () => {
  it('an Outlook invitation becomes a meeting; re-sent with a higher SEQUENCE it changes only the time', () => {
    const db = newStore();
    const first = importCalendar(db, fixture('outlook-quito.ics'));
    expect([first.created, first.updated, first.unchanged, first.cancelled]).toEqual([1, 0, 0, 0]);
    expect(first.meetings).toEqual([
      {
        id: expect.any(String),
        uid: QUITO_UID,
        title: 'Reunión bilateral Perú–Ecuador: seguimiento del Gabinete Binacional',
        // 09:00–10:30 in Quito (UTC-5).
        startsAt: '2027-03-22T14:00:00Z',
        endsAt: '2027-03-22T15:30:00Z',
        timeZone: 'America/Bogota',
        action: 'created',
      },
    ]);
    const id = first.meetings[0]!.id!;
    const stored = run(db, ['get', 'meeting', id]) as Row;
    expect(stored).toMatchObject({
      start: '2027-03-22T09:00:00-05:00',
      end: '2027-03-22T10:30:00-05:00',
      place: 'Palacio de Carondelet, Quito',
      status: 'scheduled',
      calendarUid: QUITO_UID,
      calendarSequence: 0,
    });
    expect(stored.purpose).toMatch(/^Seguimiento de los compromisos del Gabinete Binacional: integración/);

    // What the user typed herself, which no calendar carries.
    run(db, ['put', 'meeting', '--file', writeJson({ id, objectives: 'Fijar la fecha del Gabinete' })]);
    const before = dump(db);
    const again = importCalendar(db, fixture('outlook-quito.ics'));
    expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, 1]);
    expect(dump(db)).toBe(before);

    const resent = importCalendar(db, fixture('outlook-quito-resent.ics'));
    expect([resent.created, resent.updated, resent.unchanged]).toEqual([0, 1, 0]);
    // 10:00–11:30 in Quito now.
    expect(resent.meetings[0]).toMatchObject({
      id,
      startsAt: '2027-03-22T15:00:00Z',
      endsAt: '2027-03-22T16:30:00Z',
    });
    const updated = run(db, ['get', 'meeting', id]) as Row;
    expect(updated).toMatchObject({
      start: '2027-03-22T10:00:00-05:00',
      end: '2027-03-22T11:30:00-05:00',
      objectives: 'Fijar la fecha del Gabinete',
      purpose: stored.purpose,
      calendarSequence: 1,
    });
    expect(meetings(db)).toHaveLength(1);

    // The older invitation, imported again after the newer one, changes nothing.
    const stale = dump(db);
    expect(importCalendar(db, fixture('outlook-quito.ics')).unchanged).toBe(1);
    expect(dump(db)).toBe(stale);

    const cancelled = importCalendar(db, fixture('outlook-quito-cancel.ics'));
    expect([cancelled.cancelled, cancelled.updated]).toEqual([1, 0]);
    const kept = run(db, ['get', 'meeting', id]) as Row;
    expect(kept).toMatchObject({ status: 'cancelled', objectives: 'Fijar la fecha del Gabinete' });
    expect(meetings(db).map((m) => m.id)).toEqual([id]);
  });

  it('matches attendees to people by e-mail, then by name, and makes up no one', () => {
    const db = newStore();
    const [ana, luis] = run(db, [
      'put',
      'person',
      '--file',
      writeJson([
        { name: 'Ana Torres Salinas', emails: ['atorres@rree.gob.pe'] },
        { name: 'Luis Pena', role: 'Director de América del Sur' },
      ]),
    ]) as Row[];
    const report = importCalendar(db, fixture('outlook-quito.ics'));
    expect(report.unknownAttendees).toEqual([
      { uid: QUITO_UID, name: 'María José Núñez', email: 'mjnunez@cancilleria.gob.ec' },
    ]);
    const participants = run(db, ['list', 'participant']) as Row[];
    expect(participants.map((p) => [p.name, p.personId])).toEqual([
      ['María José Núñez', null],
      ['Ana Torres Salinas', ana!.id],
      ['Luis Pena', luis!.id],
    ]);
    expect((run(db, ['list', 'person']) as Row[]).map((p) => p.name)).toEqual([
      'Ana Torres Salinas',
      'Luis Pena',
    ]);
  });

  it('a weekly meeting in Madrid: each occurrence a meeting, the summer-time change, EXDATE and a moved one', () => {
    const db = newStore();
    const report = importCalendar(db, fixture('apple-madrid-weekly.ics'));
    expect(report.created).toBe(5);
    expect(report.meetings.map((m) => m.startsAt)).toEqual([
      '2027-03-15T09:00:00Z',
      '2027-03-29T08:00:00Z',
      '2027-04-06T10:00:00Z',
      '2027-04-12T08:00:00Z',
      '2027-04-19T08:00:00Z',
    ]);
    expect((run(db, ['list', 'meeting']) as Row[]).map((m) => m.start)).toEqual([
      '2027-03-15T10:00:00+01:00',
      '2027-03-29T10:00:00+02:00',
      '2027-04-06T12:00:00+02:00',
      '2027-04-12T10:00:00+02:00',
      '2027-04-19T10:00:00+02:00',
    ]);
    const before = dump(db);
    expect(importCalendar(db, fixture('apple-madrid-weekly.ics')).unchanged).toBe(5);
    expect(dump(db)).toBe(before);

    // An occurrence the user deleted is not made again by the next import.
    const deleted = report.meetings[1]!;
    run(db, ['delete', 'meeting', deleted.id!]);
    const afterDelete = dump(db);
    const again = importCalendar(db, fixture('apple-madrid-weekly.ics'));
    expect([again.created, again.unchanged]).toEqual([0, 4]);
    expect(again.skipped).toEqual([
      { uid: deleted.uid, reason: 'its meeting was deleted here (restore it to take updates)' },
    ]);
    expect(dump(db)).toBe(afterDelete);
  });

  it('a dry run reports what it would do and writes nothing', () => {
    const db = newStore();
    const before = dump(db);
    const preview = importCalendar(db, fixture('google-guayaquil.ics'), ['--dry-run']);
    expect(preview).toMatchObject({ dryRun: true, created: 2 });
    expect(preview.meetings.map((m) => [m.id, m.startsAt, m.endsAt])).toEqual([
      [null, '2027-04-05T14:00:00Z', '2027-04-05T16:00:00Z'],
      [null, '2027-04-10', '2027-04-10'],
    ]);
    expect(dump(db)).toBe(before);
    expect(importCalendar(db, fixture('google-guayaquil.ics')).created).toBe(2);
    expect(dump(db)).not.toBe(before);
  });

  it('refuses a broken file (E_INVALID, naming the line) and an oversized one (E_TOO_LARGE), writing nothing', () => {
    const db = newStore();
    importCalendar(db, fixture('thunderbird-lima.ics'));
    const before = dump(db);
    const broken = valija(['--db', db, 'calendar', 'import', fixture('broken-line.ics')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^error\[E_INVALID\]: line 7 of the calendar/);
    const unclosed = valija(['--db', db, 'calendar', 'import', fixture('broken-unclosed.ics')]);
    expect(unclosed.stderr).toMatch(/^error\[E_INVALID\]/);
    const big = join(tempDir(), 'big.ics');
    writeFileSync(big, `BEGIN:VCALENDAR\r\nX-PAD:${'x'.repeat(5 * 2 ** 20)}\r\nEND:VCALENDAR\r\n`);
    const tooLarge = valija(['--db', db, 'calendar', 'import', big]);
    expect(tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toMatch(/^error\[E_TOO_LARGE\]/);
    const latin1 = join(tempDir(), 'latin1.ics');
    writeFileSync(latin1, Buffer.from(readFileSync(fixture('thunderbird-lima.ics'), 'utf8'), 'latin1'));
    expect(valija(['--db', db, 'calendar', 'import', latin1]).stderr).toMatch(
      /^error\[E_INVALID\]: .* not UTF-8/,
    );
    expect(dump(db)).toBe(before);
    const usage = valija(['--db', db, 'calendar', 'export', '--out', join(tempDir(), 'x.ics')]);
    expect(usage.code).toBe(2);
    expect(valija(['--db', db, 'calendar', 'frobnicate']).stderr).toMatch(
      /calendar needs one of: import, export/,
    );
  });
});

describe('valija calendar export', () => {
  it('writes valid iCalendar that reads back into an empty store as the same meetings', () => {
    const db = newStore();
    for (const file of [
      'outlook-quito.ics',
      'google-guayaquil.ics',
      'apple-madrid-weekly.ics',
      'thunderbird-lima.ics',
    ])
      importCalendar(db, fixture(file));
    const out = join(tempDir(), 'range.ics');
    expect(
      run(db, ['calendar', 'export', '--out', out, '--from', '2027-03-01', '--to', '2027-04-30']),
    ).toEqual({
      file: out,
      events: 9,
    });
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toMatch(/\r\nPRODID:-\/\/Valija\/\/Valija calendar export\/\/EN\r\n/);
    expect(text).toMatch(/\r\nVERSION:2\.0\r\n/);
    expect(text.match(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/g)).toHaveLength(9);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain('\r\nLOCATION:Palacio de Carondelet\\, Quito\r\n');
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20270410\r\nDTEND;VALUE=DATE:20270411\r\n');
    const events = new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toContain(QUITO_UID);

    const copy = newStore();
    const report = importCalendar(copy, out);
    expect([report.created, report.skipped]).toEqual([9, []]);
    const shape = (store: string) => {
      const participants = run(store, ['list', 'participant']) as Row[];
      return meetings(store).map((m) => ({
        title: m.title,
        start: m.start,
        end: m.end,
        timeZone: m.timeZone,
        place: m.place,
        status: m.status,
        participants: participants.filter((p) => p.meetingId === m.id).map((p) => p.name),
      }));
    };
    const original = shape(db);
    expect(shape(copy)).toEqual(original);
    expect(original.find((m) => String(m.title).startsWith('Consulta'))).toMatchObject({
      start: '2027-04-12T15:00:00-05:00',
      timeZone: 'America/Lima',
      participants: ['Ana Torres', 'Luis Peña'],
    });
    // Read back into the store it came from, it changes nothing.
    const before = dump(db);
    expect(importCalendar(db, out).unchanged).toBe(9);
    expect(dump(db)).toBe(before);
  });

  it('exports one meeting by id', () => {
    const db = newStore();
    const id = importCalendar(db, fixture('thunderbird-lima.ics')).meetings[0]!.id!;
    const out = join(tempDir(), 'one.ics');
    expect(run(db, ['calendar', 'export', '--out', out, '--meeting', id])).toEqual({ file: out, events: 1 });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('\r\nUID:b7e3c1a2-5d4f-4e6a-9b8c-0d1e2f3a4b5c\r\n');
    // 15:00 in Lima is 20:00 UTC.
    expect(text).toContain('\r\nDTSTART:20270412T200000Z\r\nDTEND:20270412T210000Z\r\n');
  });
});

function writeJson(value: unknown): string {
  const file = join(tempDir(), 'input.json');
  writeFileSync(file, JSON.stringify(value));
  return file;
}
