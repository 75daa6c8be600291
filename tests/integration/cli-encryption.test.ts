// An encrypted store from the command line, as a script would use it: nothing readable in any file Valija
// wrote, a wrong passphrase changes nothing, and encrypt/rekey convert the store and every copy of it.
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlaintextDatabase } from '../../db/connection.js';
import { openKeyedStore } from '../../electron/keys/open.js';
import { unlockStore } from '../../electron/keys/unlock.js';
import { putRecords } from '../../db/writer.js';
import { ROOT, tempDir, valija, type CliResult } from '../helpers.js';

const PASS = 'correct horse battery staple lima';
const PASS2 = 'purple elephant dances quietly tonight';
const ENV = { PASS, PASS2, WRONG: 'not the passphrase at all, sorry' };
const ECUADOR_MEETING = '0195a000-0000-7000-8000-000004000001';
/** Text that appears only where this test puts it: in a record, a private note, and a backup. */
const MARKER = 'ZQXMARKER7731';

function run(args: string[]): CliResult {
  return valija(args, { env: ENV });
}

function ok<T>(args: string[]): T {
  const result = run(args);
  expect(result.code, result.stderr).toBe(0);
  return result.json() as T;
}

function expectError(result: CliResult, code: string) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^error\\[${code}\\]: \\S`));
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The files under `dir` whose bytes hold the marker (as UTF-8 or UTF-16, the encodings SQLite uses). */
function filesRevealing(
  dir: string,
  needles = [Buffer.from(MARKER, 'utf8'), Buffer.from(MARKER, 'utf16le')],
): string[] {
  return filesUnder(dir).filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function encryptedDemo(): string {
  const db = join(tempDir(), 'valija.db');
  const init = ok<{ encrypted: boolean }>(['--db', db, 'init', '--demo', '--new-passphrase-env', 'PASS']);
  expect(init.encrypted).toBe(true);
  return db;
}

describe('an encrypted store on the command line', () => {
  it('a marker in records, private notes, backups and the WAL appears in no file Valija wrote', () => {
    const db = encryptedDemo();
    const dir = join(db, '..');
    const record = JSON.stringify({ id: ECUADOR_MEETING, purpose: `Agenda ${MARKER}` });
    expect(
      valija(['--db', db, '--unlock-env', 'PASS', 'put', 'meeting'], { env: ENV, input: record }).code,
    ).toBe(0);
    ok([
      '--db',
      db,
      '--unlock-env',
      'PASS',
      'annotate',
      'meeting',
      ECUADOR_MEETING,
      '--text',
      `Nota ${MARKER}`,
      '--private',
    ]);
    // A package imported into it makes a backup first; a second store sends one.
    const other = packageFromAnotherStore();
    const imported = run([
      '--db',
      db,
      '--unlock-env',
      'PASS',
      'import',
      other.pkg,
      '--trust',
      other.fingerprint,
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(readdirSync(join(dir, 'backups')).some((name) => name.endsWith('.db'))).toBe(true);

    // And the WAL of a connection still open, holding a fresh write.
    const { key } = unlockStore(db, { passphrase: PASS });
    const open = openKeyedStore(db, key);
    try {
      putRecords(open.writer, 'party', { name: `Parte ${MARKER}` });
      expect(statSync(`${db}-wal`).size).toBeGreaterThan(0);
      expect(filesRevealing(dir)).toEqual([]);
      // Nor the device's private signing key, as stored (base64 PKCS#8) or as its raw bytes.
      const privateKey = open.db.prepare('SELECT privateKey FROM device').pluck().get() as string;
      expect(filesRevealing(dir, [Buffer.from(privateKey), Buffer.from(privateKey, 'base64')])).toEqual([]);
      // The same scan finds the marker where it is not encrypted: the check can fail.
      writeFileSync(join(dir, 'control.txt'), `x${MARKER}x`);
      expect(filesRevealing(dir)).toEqual([join(dir, 'control.txt')]);
    } finally {
      open.close();
    }
    expect(
      ok<{ purpose: string }>(['--db', db, '--unlock-env', 'PASS', 'get', 'meeting', ECUADOR_MEETING])
        .purpose,
    ).toContain(MARKER);
  });

  it('a wrong passphrase is E_PASSPHRASE, and the store and its key file keep every byte', () => {
    const db = encryptedDemo();
    const before = [digest(db), digest(`${db}.keys`)];
    expectError(run(['--db', db, '--unlock-env', 'WRONG', 'list', 'party']), 'E_PASSPHRASE');
    expectError(run(['--db', db, '--unlock-env', 'WRONG', 'put', 'party']), 'E_PASSPHRASE');
    expect([digest(db), digest(`${db}.keys`)]).toEqual(before);
  });

  it('with no passphrase and no terminal to ask on: E_LOCKED', () => {
    const db = encryptedDemo();
    expectError(run(['--db', db, 'list', 'party']), 'E_LOCKED');
    expect(ok<unknown[]>(['--db', db, '--unlock-env', 'PASS', 'list', 'party']).length).toBeGreaterThan(5);
  });

  it('a store without its key file says which file is missing', () => {
    const db = encryptedDemo();
    rmSync(`${db}.keys`);
    const result = run(['--db', db, '--unlock-env', 'PASS', 'list', 'party']);
    expectError(result, 'E_STORE');
    expect(result.stderr).toContain(`${db}.keys`);
  });

  it('a passphrase too easy to guess is refused before anything is written', () => {
    const db = join(tempDir(), 'weak.db');
    const result = valija(['--db', db, 'init', '--new-passphrase-env', 'WEAK'], {
      env: { WEAK: 'password123' },
    });
    expectError(result, 'E_INVALID');
    expect(readdirSync(join(db, '..'))).toEqual([]);
  });

  it('init without a passphrase makes a plaintext store and says so in one warning line', () => {
    const db = join(tempDir(), 'plain.db');
    const result = run(['--db', db, 'init']);
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^warning: .*not encrypted/)]);
    expect(isPlaintextDatabase(db)).toBe(true);
  });

  it('encrypt converts the store and its backups; rekey changes the key and the passphrase', () => {
    const db = join(tempDir(), 'valija.db');
    ok(['--db', db, 'init', '--demo']);
    ok(['--db', db, 'annotate', 'meeting', ECUADOR_MEETING, '--text', `Nota ${MARKER}`]);
    // A backup made while it was plaintext (an import makes one).
    const other = packageFromAnotherStore();
    ok(['--db', db, 'import', other.pkg, '--trust', other.fingerprint]);
    const dir = join(db, '..');
    expect(filesRevealing(dir).length).toBeGreaterThan(0);
    const dumped = run(['--db', db, 'dump']).stdout;

    const encrypted = ok<{ copies: string[] }>(['--db', db, 'encrypt', '--new-passphrase-env', 'PASS']);
    expect(encrypted.copies.length).toBeGreaterThan(0);
    expect(filesRevealing(dir)).toEqual([]);
    expect(run(['--db', db, '--unlock-env', 'PASS', 'dump']).stdout).toBe(dumped);
    expectError(run(['--db', db, 'encrypt', '--new-passphrase-env', 'PASS2']), 'E_CONFLICT');

    ok(['--db', db, '--unlock-env', 'PASS', 'rekey', '--new-passphrase-env', 'PASS2']);
    expectError(run(['--db', db, '--unlock-env', 'PASS', 'list', 'party']), 'E_PASSPHRASE');
    expect(run(['--db', db, '--unlock-env', 'PASS2', 'dump']).stdout).toBe(dumped);
    // Each backup opens with its own key file and the new passphrase.
    for (const backup of encrypted.copies) {
      expect(isPlaintextDatabase(backup)).toBe(false);
      expect(unlockStore(backup, { passphrase: PASS2 }).key).toBeDefined();
    }
    expect(filesRevealing(dir)).toEqual([]);
  });

  it('an encrypted store from an older Valija is upgraded with an encrypted migration copy and its key file', () => {
    const dir = tempDir();
    const db = join(dir, 'valija.db');
    copyFileSync(join(ROOT, 'tests', 'fixtures', 'store-v1.db'), db);
    ok(['--db', db, 'encrypt', '--new-passphrase-env', 'PASS']);
    ok(['--db', db, '--unlock-env', 'PASS', 'list', 'party']);
    const copies = readdirSync(dir).filter((name) => /^valija\.db\.v1-.*\.bak$/.test(name));
    expect(copies).toHaveLength(1);
    const copy = join(dir, copies[0]!);
    expect(isPlaintextDatabase(copy)).toBe(false);
    expect(readdirSync(dir)).toContain(`${copies[0]}.keys`);
    expect(unlockStore(copy, { passphrase: PASS }).key).toBeDefined();
  });
});

/** A package from another device with a record this store lacks (so importing it makes a backup first). */
function packageFromAnotherStore(): { pkg: string; fingerprint: string } {
  const other = join(tempDir(), 'other.db');
  ok(['--db', other, 'init', '--demo']);
  const put = valija(['--db', other, 'put', 'party'], { input: JSON.stringify({ name: 'Otra parte' }) });
  expect(put.code, put.stderr).toBe(0);
  const pkg = join(tempDir(), 'from-other.valija');
  ok(['--db', other, 'export', '--out', pkg, '--full']);
  const { fingerprint } = ok<{ fingerprint: string }>(['--db', other, 'identity']);
  return { pkg, fingerprint };
}
