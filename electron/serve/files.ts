// Files between a browser page and the bridge. A page never names a path on the serving computer: it uploads
// a package, streamed into the bridge's private folder (0700, each file 0600, removed once imported and when
// the bridge stops), imports it by the upload's id; an export is written into that folder and fetched once;
// a book is written into the store's own books folder, where its preview reads it.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ValijaError } from '../../domain/errors.js';
import type { Envelope, FileMethod, Upload } from '../api/contract.js';
import { SECURITY_HEADERS } from '../web/csp.js';

/** 128 random bits, base64url: an upload's or a download's id, and its file's name in the private folder. */
const ID = /^[A-Za-z0-9_-]{22}$/;
const newId = () => randomBytes(16).toString('base64url');
/** Uploads kept at once; a newer one removes the oldest, so a page cannot fill the disk. */
const MAX_UPLOADS = 4;

const today = () => new Date().toISOString().slice(0, 10);

export class FileTransfer {
  /** The private folder: mkdtemp creates it 0700. */
  readonly dir = mkdtempSync(join(tmpdir(), 'valija-serve-'));
  private readonly uploads = new Set<string>();
  private readonly downloads = new Map<string, { file: string; name: string }>();

  constructor(
    private readonly booksDir: string,
    private readonly maxUploadBytes: number,
  ) {}

  /** Streams a request body into a new 0600 file, never holding it whole; refused past the size limit. */
  async receive(body: Readable, declaredBytes: number | undefined): Promise<Upload> {
    const tooLarge = () =>
      new ValijaError('E_TOO_LARGE', `the upload exceeds ${this.maxUploadBytes / 2 ** 20} MiB`);
    if (declaredBytes !== undefined && declaredBytes > this.maxUploadBytes) throw tooLarge();
    const id = newId();
    const file = join(this.dir, id);
    let size = 0;
    const limit = this.maxUploadBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > limit ? tooLarge() : null, chunk);
      },
    });
    try {
      await pipeline(body, counter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      rmSync(file, { force: true });
      if (error instanceof ValijaError) throw error;
      throw new ValijaError('E_IO', `the upload did not arrive whole: ${(error as Error).message}`);
    }
    this.uploads.add(id);
    for (const old of [...this.uploads].slice(0, -MAX_UPLOADS)) this.forget(old);
    return { upload: id, size };
  }

  /** The input a page sent, with the file the bridge chose: a `file` of the page's own is refused. */
  inputFor(method: FileMethod, input: unknown): unknown {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
    if ('file' in input) {
      throw new ValijaError(
        'E_FORBIDDEN',
        'a browser page cannot name a file on the serving computer: upload a package to import it; exports and books are downloaded',
      );
    }
    switch (method) {
      case 'previewImport':
      case 'applyImport': {
        const { upload, ...rest } = input as { upload?: unknown };
        if (typeof upload !== 'string' || !ID.test(upload)) {
          throw new ValijaError('E_INVALID', 'name the package by the id `POST /api/upload` answered');
        }
        if (!this.uploads.has(upload)) {
          throw new ValijaError(
            'E_NOT_FOUND',
            'no such upload (it was imported or replaced): upload it again',
          );
        }
        return { ...rest, file: join(this.dir, upload) };
      }
      case 'exportPackage':
        return { ...input, file: join(this.dir, newId()) };
      case 'book':
        mkdirSync(this.booksDir, { recursive: true, mode: 0o700 });
        return { ...input, file: join(this.booksDir, `valija-book-${today()}-${newId().slice(0, 8)}.pdf`) };
    }
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
      this.downloads.set(download, { file, name });
      return { ok: true, value: { ...(envelope.value as object), file: name, download } };
    }
    if (method === 'applyImport' && envelope.ok) this.forget(basename(file));
    return envelope;
  }

  /** Sends a download once, then removes it. */
  send(id: string, res: ServerResponse): void {
    const entry = ID.test(id) ? this.downloads.get(id) : undefined;
    if (!entry) throw new ValijaError('E_NOT_FOUND', 'no such download (each is fetched once): export again');
    this.downloads.delete(id);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${entry.name}"`,
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
