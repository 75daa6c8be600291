// The `valija` command on real files, as a user or a script would run it.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { tempDir, valija, type CliResult } from '../helpers.js';

const ECUADOR_MEETING = '0195a000-0000-7000-8000-000004000001';

function demoStore(): string {
  const db = join(tempDir(), 'demo.db');
  const init = valija(['--db', db, 'init', '--demo']);
  expect(init.code, init.stderr).toBe(0);
  return db;
}

function expectError(result: CliResult, code: string, exit = 1) {
  expect(result.code).toBe(exit);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^error\\[${code}\\]: \\S`));
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('valija init and the demo store', () => {
  it('search Quito finds the Ecuador meeting', () => {
    const db = demoStore();
    const hits = valija(['--db', db, 'search', 'Quito']).json() as {
      kind: string;
      id: string;
      title: string;
    }[];
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'meeting', id: ECUADOR_MEETING }));
  });

  it('holds the three meetings the seed text describes, with their parties', () => {
    const db = demoStore();
    const meetings = valija(['--db', db, 'list', 'meeting']).json() as {
      title: string;
      partyIds: string[];
    }[];
    const parties = valija(['--db', db, 'list', 'party']).json() as { id: string; name: string }[];
    const nameOf = (id: string) => parties.find((p) => p.id === id)?.name;
    const byTitle = (text: string) => meetings.find((m) => m.title.includes(text));
    expect(byTitle('Ecuador')?.partyIds.map(nameOf)).toEqual(['Peru', 'Ecuador']);
    expect(byTitle('Washington')?.partyIds.map(nameOf)).toEqual(['Peru', 'United States']);
    expect(byTitle('diplomatic asylum')?.partyIds.map(nameOf)).toEqual([
      'Peru',
      'Organization of American States (OAS)',
    ]);
    for (const name of [
      'Chile',
      'Bolivia',
      'Jamaica',
      'Germany',
      'Netherlands',
      'Finland',
      'Canada',
      'El Salvador',
    ]) {
      expect(parties.map((p) => p.name)).toContain(name);
    }
  });

  it('two laptops that load the demo hold byte-identical shared state', () => {
    const a = valija(['--db', demoStore(), 'dump']);
    const b = valija(['--db', demoStore(), 'dump']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.length).toBeGreaterThan(1000);
  });

  it('uses the per-user data folder when no --db or VALIJA_DB is given', () => {
    const home = tempDir();
    const init = valija(['init'], { env: { VALIJA_HOME: home } });
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(join(home, 'valija.db'))).toBe(true);
    const viaEnv = join(tempDir(), 'env.db');
    expect(valija(['init'], { env: { VALIJA_DB: viaEnv } }).code).toBe(0);
    expect(existsSync(viaEnv)).toBe(true);
  });

  it('a missing store says how to create one', () => {
    expectError(valija(['--db', join(tempDir(), 'none.db'), 'list', 'party']), 'E_NOT_FOUND');
  });
});

describe('valija put, get and dump', () => {
  it('creates with only a title, then changes only the fields given', () => {
    const db = demoStore();
    const created = valija(['--db', db, 'put', 'initiative'], {
      input: '{"title":"Iniciativa nueva"}',
    }).json() as Record<string, unknown>;
    expect(created).toMatchObject({ title: 'Iniciativa nueva', status: 'proposed', area: 'other', tags: [] });
    const patch = JSON.stringify({ id: created.id, status: 'active' });
    const changed = valija(['--db', db, 'put', 'initiative'], { input: patch }).json() as Record<
      string,
      unknown
    >;
    expect(changed).toMatchObject({ id: created.id, title: 'Iniciativa nueva', status: 'active' });
    expect(valija(['--db', db, 'get', 'initiative', created.id as string]).json()).toEqual(changed);
  });

  it('reads a record from --file and an array as one transaction', () => {
    const dir = tempDir();
    const db = demoStore();
    const file = join(dir, 'parties.json');
    writeFileSync(file, JSON.stringify([{ name: 'Brasil' }, { name: 'Argentina' }]));
    const created = valija(['--db', db, 'put', 'party', '--file', file]).json() as { name: string }[];
    expect(created.map((p) => p.name)).toEqual(['Brasil', 'Argentina']);
  });

  it('reads a large array from a pipe on stdin (more than the pipe holds at once)', () => {
    const db = demoStore();
    const points = Array.from({ length: 300 }, (_, i) => ({
      meetingId: '0195a000-0000-7000-8000-000004000001',
      kind: 'certain',
      text: `Punto ${i}: ${'cooperación fronteriza '.repeat(100)}`,
    }));
    const created = valija(['--db', db, 'put', 'talkingPoint'], { input: JSON.stringify(points) });
    expect(created.code, created.stderr).toBe(0);
    expect(created.json()).toHaveLength(300);
  });

  it('Spanish text survives put, get and dump unchanged', () => {
    const db = demoStore();
    const text = 'Señor Ñúñez — ¿güero? ¡Pingüino! «comillas» áéíóú ÁÉÍÓÚ ü';
    const created = valija(['--db', db, 'put', 'party'], {
      input: JSON.stringify({ name: text, profile: text }),
    });
    const { id } = created.json() as { id: string };
    expect((valija(['--db', db, 'get', 'party', id]).json() as { name: string }).name).toBe(text);
    const dump = JSON.parse(valija(['--db', db, 'dump']).stdout) as {
      party: { id: string; profile: string }[];
    };
    expect(dump.party.find((p) => p.id === id)?.profile).toBe(text);
  });

  it('dump leaves out private notes and device settings, and sorts keys and records', () => {
    const db = demoStore();
    valija(['--db', db, 'annotate', 'meeting', ECUADOR_MEETING, '--text', 'nota privada', '--private']);
    valija(['--db', db, 'annotate', 'meeting', ECUADOR_MEETING, '--text', 'nota compartida']);
    valija(['--db', db, 'identity', '--name', 'Ana', '--post', 'Lima']);
    const dump = valija(['--db', db, 'dump']).stdout;
    expect(dump).toContain('nota compartida');
    expect(dump).not.toContain('nota privada');
    expect(dump).not.toMatch(/"deviceId"|"post"|"privateKey"/);
    const parsed = JSON.parse(dump) as Record<string, { id: string }[]>;
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    const ids = parsed.party!.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('annotate records the author identity and the private flag', () => {
    const db = demoStore();
    valija(['--db', db, 'identity', '--name', 'Ana Torres', '--post', 'Dirección de América del Sur']);
    const note = valija([
      '--db',
      db,
      'annotate',
      'meeting',
      ECUADOR_MEETING,
      '--text',
      'Revisar',
      '--private',
    ]).json();
    expect(note).toMatchObject({
      author: 'Ana Torres, Dirección de América del Sur',
      visibility: 'private',
      body: 'Revisar',
    });
    const identity = valija(['--db', db, 'identity']).json();
    expect(identity).toMatchObject({
      name: 'Ana Torres',
      fingerprint: expect.stringMatching(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/),
    });
  });
});

describe('valija refuses bad input with a code and changes nothing', () => {
  const cases: [string, string[], string | undefined, string, RegExp][] = [
    [
      'an unknown field',
      ['put', 'party'],
      '{"name":"X","colour":"red"}',
      'E_INVALID',
      /unknown field "colour"/,
    ],
    ['a wrong type', ['put', 'initiative'], '{"title":"X","tags":"one"}', 'E_INVALID', /field "tags"/],
    [
      'a bad enum value',
      ['put', 'initiative'],
      '{"title":"X","status":"done-ish"}',
      'E_INVALID',
      /field "status"/,
    ],
    ['a malformed id', ['put', 'party'], '{"id":"not-a-uuid","name":"X"}', 'E_INVALID', /field "id"/],
    ['a missing title', ['put', 'meeting'], '{"place":"Quito"}', 'E_INVALID', /field "title"/],
    ['an empty title', ['put', 'meeting'], '{"title":"   "}', 'E_INVALID', /field "title"/],
    ['invalid JSON', ['put', 'party'], '{"name": ', 'E_INVALID', /not valid JSON/],
    ['a scalar instead of an object', ['put', 'party'], '"Perú"', 'E_INVALID', /JSON object/],
    [
      'an array with one bad element',
      ['put', 'party'],
      '[{"name":"A"},{"name":""}]',
      'E_INVALID',
      /element 1/,
    ],
    [
      'a bad date',
      ['put', 'commitment'],
      '{"text":"X","dueDate":"31/12/2026"}',
      'E_INVALID',
      /field "dueDate"/,
    ],
    ['an unknown kind', ['list', 'embassy'], undefined, 'E_INVALID', /kind/],
    [
      'a record that does not exist',
      ['get', 'party', '0195a000-0000-7000-8000-000000009999'],
      undefined,
      'E_NOT_FOUND',
      /no party/,
    ],
    [
      'an update of a missing record',
      ['put', 'party'],
      '{"id":"0195a000-0000-7000-8000-000000009999","name":"X"}',
      'E_NOT_FOUND',
      /no party/,
    ],
    [
      'a delete of a missing record',
      ['delete', 'meeting', '0195a000-0000-7000-8000-000000009999'],
      undefined,
      'E_NOT_FOUND',
      /meeting/,
    ],
    [
      'a note without text',
      ['annotate', 'meeting', ECUADOR_MEETING, '--text', ' '],
      undefined,
      'E_INVALID',
      /text/,
    ],
  ];

  it.each(cases)('%s', (_name, args, input, code, message) => {
    const db = demoStore();
    const before = valija(['--db', db, 'dump']).stdout;
    const result = valija(['--db', db, ...args], { input });
    expectError(result, code);
    expect(result.stderr).toMatch(message);
    expect(valija(['--db', db, 'dump']).stdout).toBe(before);
  });

  it.each([
    ['an unknown command', ['teleport']],
    ['an unknown flag', ['list', 'party', '--colour']],
    ['a missing argument', ['get', 'party']],
    ['no command at all', []],
  ])('%s is a usage error (exit 2)', (_name, args) => {
    expectError(valija(['--db', demoStore(), ...args]), 'E_USAGE', 2);
  });

  it('refuses a store from a newer version, leaving it unchanged', () => {
    const db = demoStore();
    const raw = new Database(db);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = readFileSync(db);
    expectError(valija(['--db', db, 'list', 'party']), 'E_SCHEMA_TOO_NEW');
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it.each([
    ['book without --out', ['book', '0195a000-0000-7000-8000-000004000001']],
    ['export without --out', ['export']],
    ['import without a file', ['import']],
    [
      'a passphrase variable that is empty',
      ['export', '--out', 'x.valija', '--passphrase-env', 'VALIJA_NO_SUCH_VARIABLE'],
    ],
  ])('%s is a usage error (exit 2)', (_name, args) => {
    expectError(valija(['--db', demoStore(), ...args]), 'E_USAGE', 2);
  });

  it('--help lists every command of the contract', () => {
    const help = valija(['--help']);
    expect(help.code).toBe(0);
    for (const command of [
      'init',
      'identity',
      'list',
      'get',
      'put',
      'delete',
      'annotate',
      'search',
      'book',
      'export',
      'import',
      'dump',
      'serve',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });
});
