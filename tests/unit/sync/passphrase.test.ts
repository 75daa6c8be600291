// Passphrases that resist offline guessing: a sealed package can be copied and attacked at leisure, so export
// refuses a short or guessable passphrase and seals with scrypt at current guidance; and a package cannot
// make an importer spend gigabytes and seconds on key derivation before anything about it is authenticated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { putRecords } from '../../../db/writer.js';
import { exportPackage } from '../../../electron/sync/exporter.js';
import { HEADER_LENGTH } from '../../../electron/sync/format.js';
import { applyImport, previewImport } from '../../../electron/sync/importer.js';
import { tempDir, tempStore } from '../../helpers.js';
import { dump, pkg, sealAs } from '../../sync-helpers.js';

const STRONG = 'tumbes-quito-loja-cuenca';

describe('package passphrases', () => {
  it.each([
    ['shorter than 12 characters', 'Quito-2026', /12 characters/],
    ['guessable however long', 'passwordpassword', /too easy to guess/],
  ])('export refuses one %s, and writes nothing', (_what, passphrase, message) => {
    const store = tempStore();
    const file = join(tempDir(), 'a.valija');
    expect(() => exportPackage(store, file, { passphrase })).toThrow(
      expect.objectContaining({ code: 'E_INVALID', message: expect.stringMatching(message) }),
    );
    expect(() => readFileSync(file)).toThrow();
  });

  it('seals with scrypt N = 2^17, r = 8, p = 1 at least, and the package opens with its passphrase', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Ecuador' });
    const file = join(tempDir(), 'a.valija');
    exportPackage(a, file, { passphrase: STRONG });
    const sealed = readFileSync(file);
    const [log2N, r, p] = sealed.subarray(HEADER_LENGTH, HEADER_LENGTH + 3);
    expect(log2N).toBeGreaterThanOrEqual(17);
    expect([r, p]).toEqual([8, 1]);
    const b = tempStore();
    await applyImport(b, sealed, { trust: true, passphrase: STRONG });
    expect(dump(b)).toBe(dump(a));
  });

  it('still opens a package sealed by the first format (scrypt N = 2^15)', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Chile' });
    const b = tempStore();
    await applyImport(b, sealAs(pkg(a), 'correct horse', [15, 8, 1]), {
      trust: true,
      passphrase: 'correct horse',
    });
    expect(dump(b)).toBe(dump(a));
  });

  it('refuses a header asking for more scrypt memory than the bound before deriving anything', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Perú' });
    // 512 MiB of scrypt memory (2^18 × 16 × 128 bytes): a 57-byte file could ask for this, or far more.
    const bomb = sealAs(pkg(a), STRONG, [10, 8, 1]);
    bomb[HEADER_LENGTH] = 18;
    bomb[HEADER_LENGTH + 1] = 16;
    const b = tempStore();
    const before = dump(b);
    await expect(previewImport(b, bomb, { trust: true, passphrase: STRONG })).rejects.toMatchObject({
      code: 'E_PACKAGE_CORRUPT',
    });
    expect(dump(b)).toBe(before);
  });
});
