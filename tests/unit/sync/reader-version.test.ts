// What a package asks of its reader: one that carries documents needs a Valija that knows them (schema 6),
// so an older one refuses it as too new, never as damaged; one without them stays readable by any.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { putRecords } from '../../../db/writer.js';
import { createHandlers } from '../../../electron/api/handlers.js';
import { openPackage } from '../../../electron/sync/decode.js';
import { exportPackage } from '../../../electron/sync/exporter.js';
import { tempDir, tempStore } from '../../helpers.js';

const DECLARATION = new URL('../../fixtures/documents/declaration.pdf', import.meta.url).pathname;

function manifestOf(store: ReturnType<typeof tempStore>) {
  const file = join(tempDir(), 'p.valija');
  exportPackage(store, file);
  return openPackage(readFileSync(file)).manifest;
}

describe("a package's minimum reader", () => {
  it('is schema 1 without documents, and 6 once a document travels in it', async () => {
    const store = tempStore();
    const [party] = putRecords(store.writer, 'party', { name: 'Perú' });
    expect(manifestOf(store).minReaderVersion).toBe(1);
    await createHandlers(store).attachDocument({
      targetKind: 'party',
      targetId: party!.id,
      file: DECLARATION,
    });
    expect(manifestOf(store).minReaderVersion).toBe(6);
  });
});
