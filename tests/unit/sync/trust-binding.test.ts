// Trust bound to a key (issue 12, finding 3): applying names the fingerprint the user confirmed and the
// hash of the package its preview read; a file swapped between the two, or a signer other than the one
// confirmed, is refused and nothing is written — no record, no ledger entry, no trusted key.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../db/device.js';
import { importedPackages } from '../../../db/ledger.js';
import type { Store } from '../../../db/store.js';
import { listTrustedKeys } from '../../../db/trust.js';
import { putRecords } from '../../../db/writer.js';
import { dispatch } from '../../../electron/api/dispatch.js';
import { createHandlers } from '../../../electron/api/handlers.js';
import { tempDir, tempStore } from '../../helpers.js';
import { dump, pkg } from '../../sync-helpers.js';

function colleague(name: string): Store {
  const store = tempStore();
  putRecords(store.writer, 'party', { name });
  return store;
}

/** Everything an import could write, to compare before and after a refusal. */
const state = (store: Store) =>
  JSON.stringify([dump(store), listTrustedKeys(store.db), importedPackages(store.db)]);

describe('trust names a key, and apply the package its preview saw', () => {
  it('a file swapped for another signer’s between preview and apply: E_PACKAGE_CHANGED, nothing written', async () => {
    const quito = colleague('Ecuador');
    const intruder = colleague('Atlantis');
    const file = join(tempDir(), 'p.valija');
    writeFileSync(file, pkg(quito));
    const me = tempStore();
    const call = (method: 'previewImport' | 'applyImport', input: unknown) =>
      dispatch(createHandlers(me), method, input);

    const refused = await call('previewImport', { file });
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_UNTRUSTED_SIGNER' } });
    const fingerprint = (refused as { error: { details: { signer: { fingerprint: string } } } }).error.details
      .signer.fingerprint;
    expect(fingerprint).toBe(fingerprintOf(quito.device.publicKey));
    const preview = await call('previewImport', { file, trust: { fingerprint } });
    expect(preview).toMatchObject({ ok: true, value: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const expectedSha256 = (preview as { value: { sha256: string } }).value.sha256;

    const before = state(me);
    const swapped = join(tempDir(), 'swap.valija');
    writeFileSync(swapped, pkg(intruder));
    copyFileSync(swapped, file);
    const applied = await call('applyImport', { file, trust: { fingerprint }, expectedSha256 });
    expect(applied).toMatchObject({ ok: false, error: { code: 'E_PACKAGE_CHANGED' } });
    expect(state(me)).toBe(before);

    // Even a newer package from the same, confirmed signer is not the one previewed.
    putRecords(quito.writer, 'party', { name: 'Chile' });
    writeFileSync(file, pkg(quito));
    const newer = await call('applyImport', { file, trust: { fingerprint }, expectedSha256 });
    expect(newer).toMatchObject({ ok: false, error: { code: 'E_PACKAGE_CHANGED' } });
    expect(state(me)).toBe(before);
  });

  it('the previewed file, with the fingerprint confirmed (any spacing or case): applied, and that key trusted', async () => {
    const quito = colleague('Ecuador');
    const file = join(tempDir(), 'p.valija');
    writeFileSync(file, pkg(quito));
    const me = tempStore();
    const fingerprint = fingerprintOf(quito.device.publicKey);
    const handlers = createHandlers(me);
    const preview = await dispatch(handlers, 'previewImport', { file, trust: { fingerprint } });
    const { sha256 } = (preview as { value: { sha256: string } }).value;
    const typed = fingerprint.replace(/ /g, '').toLowerCase();
    const applied = await dispatch(handlers, 'applyImport', {
      file,
      trust: { fingerprint: typed },
      expectedSha256: sha256,
    });
    expect(applied).toMatchObject({ ok: true, value: { applied: true, sha256 } });
    expect(listTrustedKeys(me.db).map((k) => k.fingerprint)).toEqual([fingerprint]);
  });

  it('trust naming another fingerprint: E_UNTRUSTED_SIGNER with the real signer, nothing written', async () => {
    const quito = colleague('Ecuador');
    const intruder = colleague('Atlantis');
    const file = join(tempDir(), 'p.valija');
    writeFileSync(file, pkg(intruder));
    const me = tempStore();
    const before = state(me);
    const confirmed = fingerprintOf(quito.device.publicKey);
    for (const method of ['previewImport', 'applyImport'] as const) {
      const answer = await dispatch(createHandlers(me), method, { file, trust: { fingerprint: confirmed } });
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: 'E_UNTRUSTED_SIGNER',
          details: { signer: { fingerprint: fingerprintOf(intruder.device.publicKey) } },
        },
      });
    }
    expect(state(me)).toBe(before);
  });

  it('trust as a bare yes is no longer accepted by the API', async () => {
    const file = join(tempDir(), 'p.valija');
    writeFileSync(file, pkg(colleague('Ecuador')));
    const me = tempStore();
    const answer = await dispatch(createHandlers(me), 'applyImport', { file, trust: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'E_INVALID' } });
    expect(listTrustedKeys(me.db)).toEqual([]);
  });
});
