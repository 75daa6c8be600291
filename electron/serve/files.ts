// Files between a browser page and the bridge. A page never names a path on the serving computer: it uploads
// a package or a document's file, streamed into the bridge's private folder (0700, each file 0600, removed
// once used and when the bridge stops), and names the upload's id; an export or a saved document is written
// into that folder and fetched once; a book is written into the store's own books folder, where its preview
// reads it.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ValijaError } from '../../domain/errors.js';
import type { Envelope } from '../api/contract.js';
import type { FileMethod, Upload, UploadPurpose } from '../api/bridge-files.js';
import { keptFileName } from '../documents/attachment.js';
import { makePrivateDir, PRIVATE_FILE } from '../files.js';
import { SECURITY_HEADERS } from '../web/csp.js';

/** 128 random bits, base64url: an upload's or a download's id, and its file's name in the private folder. */
const ID = /^[A-Za-z0-9_-]{22}$/;
const newId = () => randomBytes(16).toString('base64url');
/** Uploads kept at once; a newer one removes the oldest, so a page cannot fill the disk. */
const MAX_UPLOADS = 4;

const today = () => new Date().toISOString().slice(0, 10);

function withoutUpload(input: object): object {
  const { upload: _upload, ...rest } = input as { upload?: unknown };
  return rest;
}

/** A download's name for any browser: an ASCII stand-in, and the name itself as RFC 6266's filename*. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export class FileTransfer {
  /** The private folder: mkdtemp creates it 0700. */
  readonly dir = mkdtempSync(join(tmpdir(), 'valija-serve-'));
  /** Each upload's purpose, and the name its file had on the page's computer. */
  private readonly uploads = new Map<string, { purpose: UploadPurpose; name: string }>();
  private readonly downloads = new Map<string, { file: string; name: string; mediaType: string }>();

  /**
   * `booksDir`: where books are kept for their previews (beside a plaintext store), or undefined to keep them
   * in the private folder, gone when the bridge stops (an encrypted store's books hold its text in the clear).
   * `maxDocumentBytes`: VALIJA_MAX_DOCUMENT_MB, as for a document attached by path.
   */
  constructor(
    private readonly booksDir: string | undefined,
    private readonly maxUploadBytes: number,
    private readonly maxDocumentBytes: number = maxUploadBytes,
  ) {}

  /**
   * Streams a request body into a new 0600 file, never holding it whole; refused past the size limit of its
   * purpose (at once when the declared length says so). A document keeps its own file name, cleaned.
   */
  async receive(
    body: Readable,
    declaredBytes: number | undefined,
    purpose: UploadPurpose = 'package',
    name = '',
  ): Promise<Upload> {
    const limit = purpose === 'document' ? this.maxDocumentBytes : this.maxUploadBytes;
    const tooLarge = () =>
      new ValijaError(
        'E_TOO_LARGE',
        purpose === 'document'
          ? `the file exceeds ${(limit / 2 ** 20).toFixed(0)} MiB, the most a document may hold (VALIJA_MAX_DOCUMENT_MB)`
          : `the upload exceeds ${limit / 2 ** 20} MiB`,
      );
    if (declaredBytes !== undefined && declaredBytes > limit) throw tooLarge();
    const id = newId();
    const file = join(this.dir, id);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > limit ? tooLarge() : null, chunk);
      },
    });
    try {
      await pipeline(body, counter, createWriteStream(file, { flags: 'wx', mode: PRIVATE_FILE }));
    } catch (error) {
      rmSync(file, { force: true });
      if (error instanceof ValijaError) throw error;
      throw new ValijaError('E_IO', `the upload did not arrive whole: ${(error as Error).message}`);
    }
    this.uploads.set(id, { purpose, name: keptFileName(name) });
    for (const old of [...this.uploads.keys()].slice(0, -MAX_UPLOADS)) this.forget(old);
    return { upload: id, size };
  }

  /** The input a page sent, with the file the bridge chose: a `file` of the page's own is refused. */
  inputFor(method: FileMethod, input: unknown): unknown {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
    if ('file' in input || 'outDir' in input) {
      throw new ValijaError(
        'E_FORBIDDEN',
        'a browser page cannot name a file on the serving computer: upload a package or a document to use it; exports, documents and books are downloaded',
      );
    }
    switch (method) {
      case 'previewImport':
      case 'applyImport':
        return { ...withoutUpload(input), file: this.uploaded(input, 'package').file };
      case 'attachDocument':
      case 'replaceDocument': {
        const { file, name } = this.uploaded(input, 'document');
        return { ...withoutUpload(input), file, fileName: name };
      }
      case 'calendarImport':
        return { ...withoutUpload(input), file: this.uploaded(input, 'calendar').file };
      case 'contactsImport':
        return { ...withoutUpload(input), file: this.uploaded(input, 'contacts').file };
      case 'exportPackage':
      case 'saveDocument':
      case 'calendarExport':
      case 'contactsExport':
        return { ...input, file: join(this.dir, newId()) };
      case 'book':
        if (this.booksDir) makePrivateDir(this.booksDir);
        return {
          ...input,
          file: join(this.booksDir ?? this.dir, `valija-book-${today()}-${newId().slice(0, 8)}.pdf`),
        };
      case 'distributeBook':
        // One folder per distribution, beside the books (or in the private folder for an encrypted store).
        if (this.booksDir) makePrivateDir(this.booksDir);
        return {
          ...input,
          outDir: join(this.booksDir ?? this.dir, `valija-distribution-${today()}-${newId().slice(0, 8)}`),
        };
    }
  }

  /** The upload an input names, which must be one for this purpose and still kept. */
  private uploaded(input: object, purpose: UploadPurpose): { file: string; name: string } {
    const { upload } = input as { upload?: unknown };
    const what =
      purpose === 'document'
        ? "the document's file"
        : `the ${purpose === 'contacts' ? 'contacts file' : purpose}`;
    if (typeof upload !== 'string' || !ID.test(upload)) {
      throw new ValijaError('E_INVALID', `name ${what} by the id \`POST /api/upload\` answered`);
    }
    const entry = this.uploads.get(upload);
    if (!entry || entry.purpose !== purpose) {
      throw new ValijaError(
        'E_NOT_FOUND',
        `no such upload of ${what} (it was used or replaced): upload it again`,
      );
    }
    return { file: join(this.dir, upload), name: entry.name };
  }

  /** The answer for the page: an export becomes a download (its name, not its path); an import consumes its upload. */
  resultOf(method: FileMethod, input: unknown, envelope: Envelope<unknown>): Envelope<unknown> {
    const file = (input as { file?: unknown } | null)?.file;
    if (typeof file !== 'string') return envelope;
    if (method === 'exportPackage') {
      if (!envelope.ok) {
        rmSync(file, { force: true });
        return envelope;
      }
      const download = basename(file);
      const name = `valija-${today()}.valija`;
      this.downloads.set(download, { file, name, mediaType: 'application/octet-stream' });
      return { ok: true, value: { ...(envelope.value as object), file: name, download } };
    }
    if (method === 'calendarExport' || method === 'contactsExport') {
      if (!envelope.ok) {
        rmSync(file, { force: true });
        return envelope;
      }
      const download = basename(file);
      const calendar = method === 'calendarExport';
      const name = `valija-${today()}.${calendar ? 'ics' : 'vcf'}`;
      const mediaType = `${calendar ? 'text/calendar' : 'text/vcard'}; charset=utf-8`;
      this.downloads.set(download, { file, name, mediaType });
      return { ok: true, value: { ...(envelope.value as object), file: name, download } };
    }
    if (method === 'saveDocument') {
      if (!envelope.ok) {
        rmSync(file, { force: true });
        return envelope;
      }
      const saved = envelope.value as { fileName: string; mediaType: string };
      const download = basename(file);
      this.downloads.set(download, { file, name: saved.fileName, mediaType: saved.mediaType });
      return { ok: true, value: { ...saved, file: saved.fileName, download } };
    }
    const consumes =
      method === 'applyImport' ||
      method === 'attachDocument' ||
      method === 'replaceDocument' ||
      ((method === 'calendarImport' || method === 'contactsImport') &&
        !(input as { dryRun?: boolean }).dryRun);
    if (consumes && envelope.ok) this.forget(basename(file));
    return envelope;
  }

  /** Sends a download once, then removes it. */
  send(id: string, res: ServerResponse): void {
    const entry = ID.test(id) ? this.downloads.get(id) : undefined;
    if (!entry) throw new ValijaError('E_NOT_FOUND', 'no such download (each is fetched once): export again');
    this.downloads.delete(id);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': entry.mediaType,
      'Content-Disposition': contentDisposition(entry.name),
      'Cache-Control': 'no-store',
    });
    void pipeline(createReadStream(entry.file), res)
      .catch(() => res.destroy())
      .finally(() => rmSync(entry.file, { force: true }));
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private forget(upload: string) {
    this.uploads.delete(upload);
    rmSync(join(this.dir, upload), { force: true });
  }
}
