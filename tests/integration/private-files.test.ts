// Everything Valija writes is the user's alone (issue 13, item 5): folders it creates 0700, files 0600 — the
// store and its -wal and -shm, a migration's copy, packages, books — while folders it did not create keep
// their mode. A backups folder someone else could control is refused before anything is written into it.
import Database from 'better-sqlite3';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../db/device.js';
import { openStore } from '../../db/store.js';
import { putRecords } from '../../db/writer.js';
import { ROOT, tempDir, tempStore, valija } from '../helpers.js';
import { pkg } from '../sync-helpers.js';

const ECUADOR_MEETING = '0195a000-0000-7000-8000-000004000001';
const onWindows = process.platform === 'win32';
const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(onWindows)('files Valija writes are private', () => {
  it('valija init makes the store folder 0700 and the store 0600, its -wal and -shm too while open', () => {
    const home = join(tempDir(), 'home');
    mkdirSync(home);
    chmodSync(home, 0o755);
    const db = join(home, 'new', 'folder', 'valija.db');
    const init = valija(['--db', db, 'init', '--demo']);
    expect(init.code, init.stderr).toBe(0);
    expect(mode(join(home, 'new'))).toBe(0o700);
    expect(mode(join(home, 'new', 'folder'))).toBe(0o700);
    expect(mode(db)).toBe(0o600);
    expect(mode(home), 'a folder Valija did not create keeps its mode').toBe(0o755);

    // This process keeps its usual umask: the -wal and -shm take the store's mode, not the umask's.
    const open = new Database(db);
    try {
      open.prepare('SELECT count(*) FROM meeting').get();
      expect(mode(`${db}-wal`)).toBe(0o600);
      expect(mode(`${db}-shm`)).toBe(0o600);
    } finally {
      open.close();
    }
  });

  it("a package from valija export and a book from valija book are 0600; the user's folder keeps its mode", () => {
    const db = join(tempDir(), 'demo.db');
    expect(valija(['--db', db, 'init', '--demo']).code).toBe(0);
    const out = join(tempDir(), 'shared-folder');
    mkdirSync(out);
    chmodSync(out, 0o755);

    const exported = valija(['--db', db, 'export', '--out', join(out, 'a.valija')]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(mode(join(out, 'a.valija'))).toBe(0o600);

    const book = valija(['--db', db, 'book', ECUADOR_MEETING, '--out', join(out, 'book.pdf')]);
    expect(book.code, book.stderr).toBe(0);
    expect(mode(join(out, 'book.pdf'))).toBe(0o600);

    expect(mode(out)).toBe(0o755);
    expect(readdirSync(out).sort()).toEqual(['a.valija', 'book.pdf']);
  });

  it("a migration's copy of an old store is 0600", () => {
    const dir = tempDir();
    const file = join(dir, 'old.db');
    copyFileSync(join(ROOT, 'tests', 'fixtures', 'store-v1.db'), file);
    openStore(file).close();
    const copies = readdirSync(dir).filter((name) => /^old\.db\.v1-.*\.bak$/.test(name));
    expect(copies).toHaveLength(1);
    expect(mode(join(dir, copies[0]!))).toBe(0o600);
  });

  it('an import into a store whose backups folder is a symbolic link is refused in one line, writing nothing there', () => {
    const sender = tempStore();
    putRecords(sender.writer, 'party', { name: 'Ecuador' });
    const file = join(tempDir(), 'ecuador.valija');
    writeFileSync(file, pkg(sender));

    const home = tempDir();
    const db = join(home, 'b.db');
    expect(valija(['--db', db, 'init']).code).toBe(0);
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(home, 'backups'));
    const before = valija(['--db', db, 'dump']).stdout;

    const refused = valija(['--db', db, 'import', file, '--trust', fingerprintOf(sender.device.publicKey)]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error\[E_UNSAFE_PATH\]: [^\n]*symbolic link[^\n]*\n$/);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(valija(['--db', db, 'dump']).stdout).toBe(before);
  });
});
