// The bridge's file transfer: an upload is streamed into a private file and refused past its limit.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_METHODS } from '../../../electron/api/bridge-files.js';
import { FileTransfer } from '../../../electron/serve/files.js';
import { tempDir } from '../../helpers.js';

let transfer: FileTransfer | undefined;
afterEach(() => transfer?.close());

const chunks = (count: number, size: number) =>
  Readable.from(Array.from({ length: count }, () => Buffer.alloc(size, 1)));

describe('uploads to the bridge', () => {
  it('land in a 0700 folder as a 0600 file, which the bridge names for the import', async () => {
    transfer = new FileTransfer(join(tempDir(), 'books'), 1024);
    const { upload, size } = await transfer.receive(chunks(4, 100), undefined);
    expect(size).toBe(400);
    expect(statSync(transfer.dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(transfer.dir, upload)).mode & 0o777).toBe(0o600);
    expect(transfer.inputFor('previewImport', { upload })).toEqual({ file: join(transfer.dir, upload) });
    const dir = transfer.dir;
    transfer.close();
    expect(existsSync(dir)).toBe(false);
  });

  it('past the limit, streamed without a declared length: E_TOO_LARGE and nothing kept', async () => {
    transfer = new FileTransfer(join(tempDir(), 'books'), 1024);
    await expect(transfer.receive(chunks(20, 100), undefined)).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    expect(readdirSync(transfer.dir)).toEqual([]);
  });

  it("a document's upload has its own limit and keeps its file's last name, for attaching only", async () => {
    transfer = new FileTransfer(join(tempDir(), 'books'), 1024, 200);
    await expect(transfer.receive(chunks(3, 100), undefined, 'document', 'a.pdf')).rejects.toMatchObject({
      code: 'E_TOO_LARGE',
    });
    await expect(transfer.receive(chunks(1, 100), 300, 'document', 'a.pdf')).rejects.toMatchObject({
      code: 'E_TOO_LARGE',
    });
    expect(readdirSync(transfer.dir)).toEqual([]);
    const { upload } = await transfer.receive(chunks(1, 100), undefined, 'document', '/home/ana/../Acta.pdf');
    expect(transfer.inputFor('attachDocument', { targetKind: 'meeting', targetId: 'm', upload })).toEqual({
      targetKind: 'meeting',
      targetId: 'm',
      file: join(transfer.dir, upload),
      fileName: 'Acta.pdf',
    });
    expect(() => transfer!.inputFor('previewImport', { upload })).toThrow(
      expect.objectContaining({ code: 'E_NOT_FOUND' }),
    );
  });

  it('refuses any file a page names', () => {
    transfer = new FileTransfer(join(tempDir(), 'books'), 1024);
    for (const method of FILE_METHODS) {
      expect(() => transfer!.inputFor(method, { file: '/etc/passwd' }), method).toThrow(
        expect.objectContaining({ code: 'E_FORBIDDEN' }),
      );
      expect(() => transfer!.inputFor(method, { outDir: '/home/ana/.ssh' }), method).toThrow(
        expect.objectContaining({ code: 'E_FORBIDDEN' }),
      );
    }
  });

  it('a distribution goes into a folder of its own among the books', () => {
    const books = join(tempDir(), 'books');
    transfer = new FileTransfer(books, 1024);
    const first = transfer.inputFor('distributeBook', { meetingId: 'm' }) as { outDir: string };
    const second = transfer.inputFor('distributeBook', { meetingId: 'm' }) as { outDir: string };
    expect(first.outDir.startsWith(`${books}/valija-distribution-`)).toBe(true);
    expect(second.outDir).not.toBe(first.outDir);
  });

  it("books go beside a plaintext store, but an encrypted store's stay in the private folder", () => {
    const books = join(tempDir(), 'books');
    transfer = new FileTransfer(books, 1024);
    const beside = transfer.inputFor('book', { meetingId: 'm' }) as { file: string };
    expect(beside.file.startsWith(`${books}/`)).toBe(true);
    transfer.close();
    transfer = new FileTransfer(undefined, 1024);
    const kept = transfer.inputFor('book', { meetingId: 'm' }) as { file: string };
    expect(kept.file.startsWith(`${transfer.dir}/`)).toBe(true);
  });
});
