// `valija import FILE --trust FINGERPRINT` trusts exactly that key (issue 12, finding 3).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../db/device.js';
import { putRecords } from '../../db/writer.js';
import { tempDir, tempStore, valija } from '../helpers.js';
import { pkg } from '../sync-helpers.js';

function packageFile(name: string) {
  const store = tempStore();
  putRecords(store.writer, 'party', { name });
  const file = join(tempDir(), `${name}.valija`);
  writeFileSync(file, pkg(store));
  return { file, fingerprint: fingerprintOf(store.device.publicKey) };
}

describe('valija import --trust FINGERPRINT', () => {
  it('refuses a package signed by any other key, writing nothing; imports with the right one', () => {
    const quito = packageFile('Ecuador');
    const intruder = packageFile('Atlantis');
    const db = join(tempDir(), 'b.db');
    expect(valija(['--db', db, 'init']).code).toBe(0);
    const before = valija(['--db', db, 'dump']).stdout;

    const refused = valija(['--db', db, 'import', intruder.file, '--trust', quito.fingerprint]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error\[E_UNTRUSTED_SIGNER\]: /);
    expect(refused.stderr).toContain(intruder.fingerprint);
    expect(valija(['--db', db, 'dump']).stdout).toBe(before);
    expect(valija(['--db', db, 'keys']).json()).toEqual([]);

    const imported = valija(['--db', db, 'import', quito.file, '--trust', quito.fingerprint]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(valija(['--db', db, 'keys']).json()).toEqual([
      expect.objectContaining({ fingerprint: quito.fingerprint }),
    ]);
  });

  it('a bare --trust is a usage error', () => {
    const quito = packageFile('Ecuador');
    const db = join(tempDir(), 'b.db');
    expect(valija(['--db', db, 'init']).code).toBe(0);
    const result = valija(['--db', db, 'import', quito.file, '--trust']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error\[E_USAGE\]/);
    expect(valija(['--db', db, 'keys']).json()).toEqual([]);
  });
});
