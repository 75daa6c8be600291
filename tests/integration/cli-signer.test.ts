// The `valija` command never hands a terminal what a package says about itself unescaped (issue 12,
// finding 1): a signer's name or a record's text holding escape sequences, C1 controls or bidirectional
// controls cannot redraw or reorder what the user reads.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../db/device.js';
import { openStore } from '../../db/store.js';
import { trustKey } from '../../db/trust.js';
import { putRecords } from '../../db/writer.js';
import { tempDir, tempStore, valija } from '../helpers.js';
import { pkg, rebuild, signerOf } from '../sync-helpers.js';

// What a terminal could act on: C0 controls other than the line feed ending a line, DEL, C1, and the
// bidirectional controls.
const NON_PRINTABLE = /(?!\n)[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const SPOOFS = ['\x1b[2K\rOK', '\u009b2K\rOK', 'Quito \u202Eeliforp', 'Quito\x07\x08\x08OK'];

function newStoreFile(): string {
  const file = join(tempDir(), 'b.db');
  const init = valija(['--db', file, 'init']);
  expect(init.code, init.stderr).toBe(0);
  return file;
}

describe('nothing from a package reaches the terminal unescaped', () => {
  it.each(SPOOFS)('a signer named %j: refused, and its name never written', (name) => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Canadá' });
    const file = join(tempDir(), 'spoof.valija');
    writeFileSync(file, rebuild(pkg(a), signerOf(a), { manifest: (m) => (m.exporter.name = name) }));
    const db = newStoreFile();
    for (const args of [
      ['import', file, '--dry-run'],
      ['import', file],
    ]) {
      const result = valija(['--db', db, ...args]);
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).not.toMatch(NON_PRINTABLE);
      expect(result.stderr).not.toContain('OK');
    }
  });

  it('a trusted signer whose records hold such text: the output is JSON with them escaped, read back as sent', () => {
    const a = tempStore();
    const names = SPOOFS.map((text, i) => `${i} ${text}`);
    for (const name of names) putRecords(a.writer, 'party', { name });
    const file = join(tempDir(), 'a.valija');
    writeFileSync(file, pkg(a));
    const db = newStoreFile();
    const store = openStore(db);
    trustKey(store.db, a.device.publicKey, 'a');
    store.close();
    for (const args of [
      ['import', file, '--dry-run'],
      ['import', file],
      ['list', 'party'],
    ]) {
      const result = valija(['--db', db, ...args]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout + result.stderr).not.toMatch(NON_PRINTABLE);
    }
    const listed = valija(['--db', db, 'list', 'party']).json() as { name: string }[];
    expect(listed.map((p) => p.name).sort()).toEqual([...names].sort());
    expect(fingerprintOf(a.device.publicKey)).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
  });
});
