// Packages are written and read a range at a time (issue 14): documents' files are never all in memory at
// once. What a user sees — the same bytes arrive, a damaged file refuses the package — is checked through
// the same file path the app and the command line use, and so is the largest single read or write.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachDocument, documentContent, documentsOn } from '../../../db/documents.js';
import { importedPackages } from '../../../db/ledger.js';
import type { Store } from '../../../db/store.js';
import { putRecords } from '../../../db/writer.js';
import { decrypt, encrypt, openSealed } from '../../../electron/sync/crypto.js';
import { writePackage } from '../../../electron/sync/encode.js';
import { exportPackage } from '../../../electron/sync/exporter.js';
import { withPackageFile } from '../../../electron/sync/files.js';
import { applyImport, previewImport, type ImportOptions } from '../../../electron/sync/importer.js';
import { bytesOf, type PackageBytes } from '../../../electron/sync/source.js';
import { tempDir, tempStore } from '../../helpers.js';
import { dump, parsePlain } from '../../sync-helpers.js';

const MiB = 1024 * 1024;
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** A store with a meeting carrying three files of odd sizes: across read chunks and cipher blocks. */
function storeWithFiles(sizes = [9 * MiB + 7, 5 * MiB + 3, MiB - 1]): {
  store: Store;
  meeting: string;
  files: Buffer[];
} {
  const store = tempStore();
  const meeting = putRecords(store.writer, 'meeting', { title: 'Gabinete binacional Ecuador' })[0]!.id;
  const files = sizes.map((size) => randomBytes(size));
  files.forEach((content, i) =>
    attachDocument(
      store.writer,
      { kind: 'meeting', id: meeting },
      { title: `Anexo ${i + 1}` },
      { content, fileName: `anexo-${i + 1}.bin`, mediaType: 'application/octet-stream', pages: 0 },
    ),
  );
  return { store, meeting, files };
}

/** A package source that remembers the largest range read from it. */
function watched(source: PackageBytes): PackageBytes & { largest: number } {
  const watch = {
    size: source.size,
    largest: 0,
    read(offset: number, length: number) {
      watch.largest = Math.max(watch.largest, length);
      return source.read(offset, length);
    },
  };
  return watch;
}

async function importFile(to: Store, file: string, options: ImportOptions = {}) {
  return withPackageFile(file, async (bytes) => {
    const source = watched(bytes);
    const report = await applyImport(to, source, { trust: true, ...options });
    return { report, largestRead: source.largest, size: bytes.size };
  });
}

const state = (store: Store) => [dump(store), JSON.stringify(importedPackages(store.db))];

describe('a package of documents, written and read a range at a time', () => {
  for (const passphrase of [undefined, 'tortuga-galápagos-1835-Darwin']) {
    it(`${passphrase ? 'encrypted' : 'plain'}: every file arrives with its sha256, and no read or write holds more than one file`, async () => {
      const { store: from, meeting, files } = storeWithFiles();
      const file = join(tempDir(), 'paquete.valija');
      const exported = exportPackage(from, file, { passphrase });
      const bytes = readFileSync(file);
      expect(exported.bytes).toBe(bytes.length);
      expect(exported.sha256).toBe(sha256(bytes));
      expect(bytes.length).toBeGreaterThan(15 * MiB);

      const writes: number[] = [];
      writePackage(from, (chunk) => writes.push(chunk.length), { passphrase });
      expect(Math.max(...writes)).toBeLessThanOrEqual(files[0]!.length + 16);

      const to = tempStore();
      const { report, largestRead, size } = await importFile(to, file, { passphrase });
      expect(report).toMatchObject({ applied: true, files: { count: 3, new: 3 } });
      expect(largestRead).toBeLessThanOrEqual(files[0]!.length + 16);
      expect(largestRead).toBeLessThan(size / 1.5);
      const arrived = documentsOn(to.db, { kind: 'meeting', id: meeting });
      expect(arrived.map((d) => d.sha256).sort()).toEqual(files.map(sha256).sort());
      for (const d of arrived) expect(sha256(documentContent(to.db, d.id).content)).toBe(d.sha256);
      expect(dump(to)).toBe(dump(from));
    });
  }

  it('a flipped byte in a file inside a plain package is refused, nothing changed', async () => {
    const { store: from } = storeWithFiles();
    const file = join(tempDir(), 'paquete.valija');
    exportPackage(from, file);
    const bytes = readFileSync(file);
    const { manifest } = parsePlain(bytes);
    // A byte in the middle of the second file, in the package's order of sha256.
    const second = manifest.files[1]!;
    const start = bytes.length - manifest.files.slice(1).reduce((sum, f) => sum + f.bytes, 0);
    bytes[start + Math.floor(second.bytes / 2)]! ^= 0x01;
    writeFileSync(file, bytes);
    const to = tempStore();
    const before = state(to);
    await expect(importFile(to, file)).rejects.toMatchObject({
      code: 'E_PACKAGE_CORRUPT',
      message: expect.stringMatching(/does not match its hash/),
    });
    await expect(withPackageFile(file, (b) => previewImport(to, b, { trust: true }))).rejects.toMatchObject({
      code: 'E_PACKAGE_CORRUPT',
    });
    expect(state(to)).toEqual(before);
  });

  it('a flipped byte anywhere in an encrypted package is E_DECRYPT, nothing changed', async () => {
    const { store: from } = storeWithFiles([2 * MiB]);
    const file = join(tempDir(), 'paquete.valija');
    exportPackage(from, file, { passphrase: 'tortuga-galápagos-1835-Darwin' });
    const bytes = readFileSync(file);
    bytes[bytes.length - 100_000]! ^= 0x80;
    writeFileSync(file, bytes);
    const to = tempStore();
    const before = state(to);
    await expect(importFile(to, file, { passphrase: 'tortuga-galápagos-1835-Darwin' })).rejects.toMatchObject(
      {
        code: 'E_DECRYPT',
      },
    );
    expect(state(to)).toEqual(before);
  });

  it('a file larger than this device takes is refused at once (E_TOO_LARGE), nothing changed', async () => {
    const { store: from } = storeWithFiles([3 * MiB]);
    const file = join(tempDir(), 'paquete.valija');
    exportPackage(from, file);
    const to = tempStore();
    const before = state(to);
    await expect(importFile(to, file, { maxFileBytes: 2 * MiB })).rejects.toMatchObject({
      code: 'E_TOO_LARGE',
    });
    expect(state(to)).toEqual(before);
  });

  it('any range of a sealed body decrypts on its own to what the whole decrypts to', () => {
    const plain = randomBytes(9 * MiB + 13);
    const sealed = encrypt(plain, 'tortuga-galápagos-1835-Darwin');
    const body = openSealed(bytesOf(sealed), 'tortuga-galápagos-1835-Darwin');
    expect(body.size).toBe(plain.length);
    expect(decrypt(sealed, 'tortuga-galápagos-1835-Darwin').equals(plain)).toBe(true);
    const ranges = [
      [0, 1],
      [15, 2],
      [16, 16],
      [4 * MiB - 5, 11],
      [plain.length - 1, 1],
      [0, plain.length],
      ...Array.from({ length: 50 }, () => {
        const offset = Math.floor(Math.random() * plain.length);
        return [offset, Math.floor(Math.random() * (plain.length - offset)) + 1];
      }),
    ] as [number, number][];
    for (const [offset, length] of ranges) {
      expect(body.read(offset, length).equals(plain.subarray(offset, offset + length))).toBe(true);
    }
    expect(() => openSealed(bytesOf(sealed), 'otra-frase-de-paso-larga-2026')).toThrow(
      expect.objectContaining({ code: 'E_DECRYPT' }),
    );
  });
});
