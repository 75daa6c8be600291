// Who signed a package is data, not prose (issue 12, finding 1): the untrusted-signer error carries the
// signer's fingerprint, claimed name and key id as details; the fingerprint is over the raw key; names a
// terminal or a screen could be fooled by are refused at export and at import.
import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../db/device.js';
import { putRecords } from '../../../db/writer.js';
import { dispatch } from '../../../electron/api/dispatch.js';
import { createHandlers } from '../../../electron/api/handlers.js';
import { exportPackage } from '../../../electron/sync/exporter.js';
import { applyImport, previewImport } from '../../../electron/sync/importer.js';
import { tempDir, tempStore } from '../../helpers.js';
import { dump, pkg, rebuild, signerOf } from '../../sync-helpers.js';
import { join } from 'node:path';

const SPOOF = 'Quito, fingerprint A582 19C4 77D0 3B1E 0F6A 92C5 D4E8 0B69) (Quito';

describe('the signer of a package, as data', () => {
  it('a fingerprint is sha256 over the raw 32-byte Ed25519 key, in 8 groups of 4 hex characters', () => {
    const store = tempStore();
    const raw = createPublicKey({
      key: Buffer.from(store.device.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    }).export({ format: 'jwk' }).x!;
    const hex = createHash('sha256').update(Buffer.from(raw, 'base64url')).digest('hex');
    expect(fingerprintOf(store.device.publicKey)).toBe(
      hex.slice(0, 32).toUpperCase().match(/.{4}/g)!.join(' '),
    );
  });

  it('an untrusted signer is refused with its fingerprint, claimed name and key id as details, its name kept out of the message', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Canadá' });
    a.db.prepare('UPDATE device SET name = ?').run(SPOOF);
    const b = tempStore();
    const real = fingerprintOf(a.device.publicKey);
    const error = await previewImport(b, pkg(a)).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'E_UNTRUSTED_SIGNER',
      details: { signer: { fingerprint: real, claimedName: SPOOF, keyId: expect.any(String) } },
    });
    expect((error as Error).message).toContain(real);
    expect((error as Error).message).not.toContain('A582');
  });

  it('the details travel through dispatch in the error envelope', async () => {
    const a = tempStore();
    putRecords(a.writer, 'party', { name: 'Canadá' });
    const file = join(tempDir(), 'a.valija');
    exportPackage(a, file);
    const answer = await dispatch(createHandlers(tempStore()), 'previewImport', { file });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'E_UNTRUSTED_SIGNER',
        details: { signer: { fingerprint: fingerprintOf(a.device.publicKey) } },
      },
    });
  });

  const BAD_NAMES: [string, string][] = [
    ['an escape sequence', 'Quito\x1b[2K\rOK'],
    ['a C1 control', 'Quito\u009b2K'],
    ['a bidirectional override', 'Quito \u202Eotiuq'],
    ['a bidirectional isolate', 'Quito \u2066x\u2069'],
    ['a right-to-left mark', 'Quito\u200F'],
    ['an Arabic letter mark', 'Quito\u061C'],
    ['a line break', 'Quito\nfingerprint 0000'],
    ['a line separator', 'Quito\u2028fingerprint 0000'],
    ['more than 80 characters', 'Q'.repeat(81)],
  ];

  it.each(BAD_NAMES)(
    'a name holding %s is refused at import (E_PACKAGE_CORRUPT), nothing written',
    async (_, name) => {
      const a = tempStore();
      putRecords(a.writer, 'party', { name: 'Canadá' });
      const bytes = rebuild(pkg(a), signerOf(a), { manifest: (m) => (m.exporter.name = name) });
      const b = tempStore();
      const before = dump(b);
      await expect(previewImport(b, bytes, { trust: true })).rejects.toMatchObject({
        code: 'E_PACKAGE_CORRUPT',
      });
      await expect(applyImport(b, bytes, { trust: true })).rejects.toMatchObject({
        code: 'E_PACKAGE_CORRUPT',
      });
      expect(dump(b)).toBe(before);
    },
  );

  it.each(BAD_NAMES)(
    'a name holding %s is refused as an identity and at export (E_INVALID)',
    async (_, name) => {
      const a = tempStore();
      const answer = await dispatch(createHandlers(a), 'identity', { name });
      expect(answer).toMatchObject({ ok: false, error: { code: 'E_INVALID' } });
      a.db.prepare('UPDATE device SET name = ?').run(name); // set before names were checked
      expect(() => exportPackage(a, join(tempDir(), 'a.valija'))).toThrow(
        expect.objectContaining({ code: 'E_INVALID' }),
      );
    },
  );

  it('an 80-character name with accents and punctuation is fine', async () => {
    const name = `Embajada del Perú en Quito — Sección Política (ñ, ü), ${'x'.repeat(24)}`.slice(0, 80);
    const answer = await dispatch(createHandlers(tempStore()), 'identity', { name });
    expect(answer).toMatchObject({ ok: true, value: { name } });
  });
});
