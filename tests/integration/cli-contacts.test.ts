// `valija contacts import|export` on real vCard files (3.0 from an iPhone, 4.0): people found by e-mail, then
// by name, never duplicated; a dry run and a broken file change nothing; exported cards read back the same.
import ICAL from 'ical.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContactsImportReport } from '../../domain/results.js';
import { ROOT, tempDir, valija } from '../helpers.js';

const fixture = (name: string) => join(ROOT, 'tests', 'fixtures', 'calendar', name);
type Row = Record<string, unknown> & { id: string };

function newStore(): string {
  const db = join(tempDir(), 'store.db');
  expect(valija(['--db', db, 'init']).code).toBe(0);
  return db;
}

function run(db: string, args: string[], input?: string) {
  const result = valija(['--db', db, ...args], { input });
  expect(result.code, result.stderr).toBe(0);
  return result.json();
}

const importContacts = (db: string, file: string, more: string[] = []) =>
  run(db, ['contacts', 'import', file, ...more]) as ContactsImportReport;
const dump = (db: string) => valija(['--db', db, 'dump']).stdout;
const people = (db: string) => run(db, ['list', 'person']) as Row[];

describe('valija contacts import', () => {
  it('creates people from vCard 3 and 4, matches them again by e-mail, and duplicates no one', () => {
    const db = newStore();
    const [ecuador, peru] = run(
      db,
      ['put', 'party', '--file', '-'],
      JSON.stringify([{ name: 'Ecuador' }, { name: 'Perú' }]),
    ) as Row[];
    const before = dump(db);
    const preview = importContacts(db, fixture('contacts-v3.vcf'), ['--dry-run']);
    expect(preview).toMatchObject({ dryRun: true, created: 2, updated: 0, unchanged: 0 });
    expect(preview.people.map((p) => [p.id, p.name])).toEqual([
      [null, 'María José Núñez'],
      [null, 'Ana Torres'],
    ]);
    expect(dump(db)).toBe(before);

    expect(importContacts(db, fixture('contacts-v3.vcf'))).toMatchObject({
      created: 2,
      unknownOrganizations: [],
    });
    const maria = people(db).find((p) => p.name === 'María José Núñez')!;
    expect(maria).toMatchObject({
      role: 'Directora de Soberanía Nacional',
      partyId: ecuador!.id,
      emails: ['mjnunez@cancilleria.gob.ec'],
      phones: ['+593 2 299 3200'],
      biography: 'Negociadora del acuerdo de señalización fronteriza. Habla español e inglés.',
    });
    expect(people(db).find((p) => p.name === 'Ana Torres')).toMatchObject({
      partyId: peru!.id,
      emails: ['atorres@rree.gob.pe', 'ana.torres@example.org'],
    });

    // Ana again, by an upper-case e-mail, adds her language; Luis is new; OAS is no party here.
    const second = importContacts(db, fixture('contacts-v4.vcf'));
    expect(second).toMatchObject({
      created: 1,
      updated: 1,
      unknownOrganizations: ['Organización de los Estados Americanos'],
    });
    const all = people(db);
    expect(all.map((p) => p.name)).toEqual(['Ana Torres', 'Luis Peña', 'María José Núñez']);
    expect(all[0]).toMatchObject({
      languages: ['es'],
      emails: ['atorres@rree.gob.pe', 'ana.torres@example.org'],
    });
    expect(all[1]).toMatchObject({
      role: 'Director de América del Sur',
      partyId: null,
      languages: ['es', 'en'],
      phones: ['+51-1-204-2400'],
    });

    const settled = dump(db);
    expect(importContacts(db, fixture('contacts-v3.vcf')).unchanged).toBe(2);
    expect(importContacts(db, fixture('contacts-v4.vcf')).unchanged).toBe(2);
    expect(dump(db)).toBe(settled);
  });

  it('keeps what the user wrote that a card does not carry', () => {
    const db = newStore();
    const [luis] = run(
      db,
      ['put', 'person', '--file', '-'],
      JSON.stringify([
        { name: 'Luis Pena', protocolNotes: 'Tratamiento: Embajador', biography: 'Escrita a mano' },
      ]),
    ) as Row[];
    const report = importContacts(db, fixture('contacts-v4.vcf'));
    // Luis Peña is found by name (accents aside) and keeps the store's name, notes and biography.
    expect(report.people[0]).toEqual({ id: luis!.id, name: 'Luis Pena', action: 'updated' });
    expect(run(db, ['get', 'person', luis!.id])).toMatchObject({
      name: 'Luis Pena',
      protocolNotes: 'Tratamiento: Embajador',
      biography: 'Escrita a mano',
      role: 'Director de América del Sur',
      emails: ['lpena@rree.gob.pe'],
    });
  });

  it('refuses a file that is not a vCard (E_INVALID, naming the line), writing nothing', () => {
    const db = newStore();
    importContacts(db, fixture('contacts-v4.vcf'));
    const before = dump(db);
    const broken = join(tempDir(), 'broken.vcf');
    writeFileSync(broken, 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Nadie\r\nnot a property\r\nEND:VCARD\r\n');
    const answer = valija(['--db', db, 'contacts', 'import', broken]);
    expect(answer.code).toBe(1);
    expect(answer.stderr).toMatch(/^error\[E_INVALID\]: line 4 of the contacts file/);
    expect(valija(['--db', db, 'contacts', 'import', fixture('outlook-quito.ics')]).stderr).toMatch(
      /^error\[E_INVALID\]/,
    );
    expect(dump(db)).toBe(before);
  });
});

describe('valija contacts export', () => {
  it("writes a party's people as vCard 4.0 that reads back into an empty store", () => {
    const db = newStore();
    const [ecuador] = run(
      db,
      ['put', 'party', '--file', '-'],
      JSON.stringify([{ name: 'Ecuador' }]),
    ) as Row[];
    importContacts(db, fixture('contacts-v3.vcf'));
    const out = join(tempDir(), 'ecuador.vcf');
    expect(run(db, ['contacts', 'export', '--out', out, '--party', ecuador!.id])).toEqual({
      file: out,
      cards: 1,
    });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('\r\nVERSION:4.0\r\n');
    expect(text).toContain('\r\nFN:María José Núñez\r\n');
    expect(text).toContain('\r\nORG:Ecuador\r\n');
    expect(text).toContain('\r\nTEL;VALUE=TEXT:+593 2 299 3200\r\n');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstPropertyValue('email')).toBe(
      'mjnunez@cancilleria.gob.ec',
    );

    const copy = newStore();
    expect(importContacts(copy, out).created).toBe(1);
    const [maria] = people(copy);
    const original = people(db).find((p) => p.name === 'María José Núñez')!;
    for (const field of ['name', 'role', 'emails', 'phones', 'biography'])
      expect(maria![field], field).toEqual(original[field]);
  });

  it("writes a meeting's participants who are people", () => {
    const db = newStore();
    importContacts(db, fixture('contacts-v3.vcf'));
    const meeting = (
      run(db, [
        'calendar',
        'import',
        fixture('outlook-quito.ics'),
        '--from',
        '2027-03-01',
        '--to',
        '2027-04-30',
      ]) as {
        meetings: { id: string }[];
      }
    ).meetings[0]!.id;
    const out = join(tempDir(), 'meeting.vcf');
    // Of the invitation's three attendees, María José and Ana are people of the store; Luis Peña is not.
    expect(run(db, ['contacts', 'export', '--out', out, '--meeting', meeting])).toEqual({
      file: out,
      cards: 2,
    });
    expect(readFileSync(out, 'utf8').match(/^FN:.*$/gm)).toEqual(['FN:María José Núñez', 'FN:Ana Torres']);
  });
});
