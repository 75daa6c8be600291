// Files through `valija serve`: a page never names a path on the serving computer — exports are downloaded,
// imports uploaded, books written into the store's own folder, and any path a page sends is refused.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valija } from '../helpers.js';
import { call, json, serve, stop, type Served } from './served.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'documents');

describe('files through valija serve: never a path on the serving computer', () => {
  let a: Served;
  let b: Served;
  beforeAll(async () => {
    // b holds documents of at most 1 MiB.
    [a, b] = await Promise.all([serve(), serve({ VALIJA_MAX_DOCUMENT_MB: '1' })]);
  });
  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
  });

  const api = (served: Served, method: string, input: unknown) =>
    call(served, `/api/${method}`, { headers: json(served), body: JSON.stringify(input) });
  const upload = (served: Served, body: Buffer, headers: Record<string, string> = {}, query = '') =>
    call(served, `/api/upload${query}`, {
      headers: {
        'Content-Type': 'application/octet-stream',
        Authorization: `Bearer ${served.token}`,
        ...headers,
      },
      body,
    });
  const download = (served: Served, id: string, token: string | null = served.token) =>
    new Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: served.port,
          path: `/api/download/${id}`,
          headers: {
            Host: `127.0.0.1:${served.port}`,
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('refuses an output path for exportPackage and book (403 E_FORBIDDEN), and writes nothing', async () => {
    const pkg = join(a.dir, 'written-by-a-page.valija');
    const exported = await api(a, 'exportPackage', { file: pkg });
    expect(exported.status).toBe(403);
    expect(exported.json().error?.code).toBe('E_FORBIDDEN');
    expect(existsSync(pkg)).toBe(false);
    const pdf = join(a.dir, 'written-by-a-page.pdf');
    const book = await api(a, 'book', { meetingId: '0195a000-0000-7000-8000-000004000001', file: pdf });
    expect(book.status).toBe(403);
    expect(book.json().error?.code).toBe('E_FORBIDDEN');
    expect(existsSync(pdf)).toBe(false);
  });

  it('refuses a document path a page names (403 E_FORBIDDEN), reading and writing nothing', async () => {
    const meetingId = '0195a000-0000-7000-8000-000004000001';
    const out = join(a.dir, 'saved-by-a-page.bin');
    const answers = [
      await api(a, 'attachDocument', {
        targetKind: 'meeting',
        targetId: meetingId,
        file: join(a.dir, 'secret.txt'),
      }),
      await api(a, 'replaceDocument', { documentId: meetingId, file: join(a.dir, 'secret.txt') }),
      await api(a, 'saveDocument', { documentId: meetingId, file: out }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.json().error?.code).toBe('E_FORBIDDEN');
    }
    expect(existsSync(out)).toBe(false);
    expect((await api(a, 'documents', { targetKind: 'meeting', targetId: meetingId })).json().value).toEqual(
      [],
    );
  });

  it('attaches an uploaded document under its own name, replaces it, and hands each version out once', async () => {
    const meetingId = '0195a000-0000-7000-8000-000004000002';
    const declaration = readFileSync(join(FIXTURES, 'declaration.pdf'));
    const rotated = readFileSync(join(FIXTURES, 'rotated.pdf'));
    const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    const sendDocument = async (bytes: Buffer, name: string) => {
      const sent = await upload(a, bytes, {}, `?for=document&name=${encodeURIComponent(name)}`);
      expect(sent.status, sent.body).toBe(200);
      return (sent.json().value as { upload: string }).upload;
    };

    // The name a browser sends may carry a path: only its last part is kept.
    const first = await sendDocument(declaration, 'C:\\Users\\ana\\Declaración conjunta.pdf');
    const attached = await api(a, 'attachDocument', {
      targetKind: 'meeting',
      targetId: meetingId,
      upload: first,
    });
    expect(attached.status, attached.body).toBe(200);
    const doc = attached.json().value as { id: string; pages: number; versions: { fileName: string }[] };
    expect(doc.versions[0]!.fileName).toBe('Declaración conjunta.pdf');
    expect(doc.pages).toBeGreaterThan(0);
    // An upload is used once; a package's upload is not a document's.
    expect((await api(a, 'replaceDocument', { documentId: doc.id, upload: first })).status).toBe(404);
    const pkg = (await upload(a, declaration)).json().value as { upload: string };
    expect((await api(a, 'replaceDocument', { documentId: doc.id, upload: pkg.upload })).status).toBe(404);

    const second = await sendDocument(rotated, 'rotated.pdf');
    const replaced = await api(a, 'replaceDocument', { documentId: doc.id, upload: second });
    expect(replaced.status, replaced.body).toBe(200);
    expect((replaced.json().value as { versions: unknown[] }).versions).toHaveLength(2);

    for (const [version, bytes, name] of [
      [1, declaration, 'Declaración conjunta.pdf'],
      [2, rotated, 'rotated.pdf'],
    ] as const) {
      const saved = await api(a, 'saveDocument', { documentId: doc.id, version });
      expect(saved.status, saved.body).toBe(200);
      const value = saved.json().value as {
        download: string;
        file: string;
        fileName: string;
        mediaType: string;
      };
      expect(value).toMatchObject({ file: name, fileName: name, mediaType: 'application/pdf' });
      const fetched = await download(a, value.download);
      expect(fetched.status).toBe(200);
      expect(fetched.headers['content-type']).toBe('application/pdf');
      expect(fetched.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      expect(sha(fetched.bytes)).toBe(sha(bytes));
      expect((await download(a, value.download)).status).toBe(404);
    }
  });

  it('refuses a document over VALIJA_MAX_DOCUMENT_MB at once (413 E_TOO_LARGE), whatever a package may weigh', async () => {
    const tooLarge = await upload(
      b,
      Buffer.from('%PDF-'),
      { 'Content-Length': String(2 * 2 ** 20) },
      '?for=document&name=big.pdf',
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json().error).toMatchObject({ code: 'E_TOO_LARGE' });
    expect(tooLarge.json().error?.message).toContain('VALIJA_MAX_DOCUMENT_MB');
    const odd = await upload(b, Buffer.from('x'), {}, '?for=anything');
    expect(odd.status).toBe(400);
  });

  it('refuses an input path for previewImport and applyImport (403 E_FORBIDDEN)', async () => {
    const pkg = join(a.dir, 'on-disk.valija');
    expect(valija(['--db', a.db, 'export', '--out', pkg]).code).toBe(0);
    for (const method of ['previewImport', 'applyImport']) {
      const answer = await api(b, method, { file: pkg, trust: { fingerprint: '0000' } });
      expect(answer.status, method).toBe(403);
      expect(answer.json().error?.code, method).toBe('E_FORBIDDEN');
    }
    expect((await api(b, 'packageHistory', {})).json().value).toEqual([]);
  });

  it('exports for download and imports an upload: the same bytes travel from one store to another', async () => {
    const exported = await api(a, 'exportPackage', {});
    expect(exported.status).toBe(200);
    const result = exported.json().value as { download: string; file: string; sha256: string };
    expect(result.download).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(result.file).not.toContain('/');
    const fetched = await download(a, result.download);
    expect(fetched.status).toBe(200);
    expect(fetched.headers['content-type']).toBe('application/octet-stream');
    expect(fetched.headers['content-disposition']).toMatch(/^attachment; filename="[\w.-]+\.valija"/);
    expect(createHash('sha256').update(fetched.bytes).digest('hex')).toBe(result.sha256);
    // A download is handed out once, then removed from the serving computer.
    expect((await download(a, result.download)).status).toBe(404);

    const sent = await upload(b, fetched.bytes);
    expect(sent.status).toBe(200);
    const { upload: id, size } = sent.json().value as { upload: string; size: number };
    expect(size).toBe(fetched.bytes.length);
    const untrusted = await api(b, 'previewImport', { upload: id });
    expect(untrusted.json().error?.code).toBe('E_UNTRUSTED_SIGNER');
    // Trust names the fingerprint the refusal's details gave (what the user compared with its sender).
    const { signer } = (untrusted.json().error as unknown as { details: { signer: { fingerprint: string } } })
      .details;
    const applied = await api(b, 'applyImport', { upload: id, trust: { fingerprint: signer.fingerprint } });
    expect(applied.status).toBe(200);
    expect(applied.json().value).toMatchObject({ alreadyImported: false });
    expect((await api(b, 'packageHistory', {})).json().value).toHaveLength(1);
    // An unknown upload id is not found; one that looks like a path is refused.
    expect((await api(b, 'previewImport', { upload: 'A'.repeat(22) })).status).toBe(404);
    expect((await api(b, 'previewImport', { upload: '../demo.db' })).status).toBe(400);
  });

  it("writes a book into the serving store's books folder, for the preview to show and save", async () => {
    const answer = await api(a, 'book', { meetingId: '0195a000-0000-7000-8000-000004000001' });
    expect(answer.status).toBe(200);
    const { id, file } = answer.json().value as { id: string; file: string };
    expect(file.startsWith(join(a.dir, 'books') + '/')).toBe(true);
    const pdf = await api(a, 'bookPdf', { bookId: id });
    expect(pdf.status).toBe(200);
  });

  it('refuses an upload over the size limit (413 E_TOO_LARGE) before reading it', async () => {
    const tooLarge = await upload(b, Buffer.from('VALIJA'), { 'Content-Length': String(1025 * 2 ** 20) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json().error?.code).toBe('E_TOO_LARGE');
  });

  it('asks for the token on upload and download (401)', async () => {
    const sent = await upload(b, Buffer.from('VALIJA'), { Authorization: 'Bearer nope' });
    expect(sent.status).toBe(401);
    const exported = (await api(a, 'exportPackage', {})).json().value as { download: string };
    expect((await download(a, exported.download, null)).status).toBe(401);
    expect((await download(a, exported.download, 'nope')).status).toBe(401);
    expect((await download(a, exported.download)).status).toBe(200);
  });

  it('imports an uploaded calendar (a dry run keeps the upload) and downloads an export; a path is refused', async () => {
    const ics = readFileSync(join(FIXTURES, '..', 'calendar', 'thunderbird-lima.ics'));
    const named = await api(a, 'calendarImport', {
      file: join(FIXTURES, '..', 'calendar', 'thunderbird-lima.ics'),
    });
    expect(named.status).toBe(403);
    expect(named.json().error?.code).toBe('E_FORBIDDEN');
    const sent = await upload(a, ics, {}, '?for=calendar');
    expect(sent.status, sent.body).toBe(200);
    const { upload: id } = sent.json().value as { upload: string };
    // A package upload cannot stand in for a calendar.
    const pkg = (await upload(a, ics)).json().value as { upload: string };
    expect((await api(a, 'calendarImport', { upload: pkg.upload })).status).toBe(404);
    const window = { from: '2027-04-01', to: '2027-04-30' };
    const preview = await api(a, 'calendarImport', { upload: id, dryRun: true, ...window });
    expect(preview.status, preview.body).toBe(200);
    expect(preview.json().value).toMatchObject({ dryRun: true, created: 1 });
    const applied = await api(a, 'calendarImport', { upload: id, ...window });
    expect(applied.status, applied.body).toBe(200);
    const meeting = (applied.json().value as { meetings: { id: string; startsAt: string }[] }).meetings[0]!;
    // 15:00 in Lima (UTC-5).
    expect(meeting.startsAt).toBe('2027-04-12T20:00:00Z');
    expect((await api(a, 'calendarImport', { upload: id, ...window })).status).toBe(404);

    const exported = await api(a, 'calendarExport', { meetingId: meeting.id });
    expect(exported.status, exported.body).toBe(200);
    const value = exported.json().value as { file: string; download: string; events: number };
    expect(value.file).toMatch(/^valija-\d{4}-\d{2}-\d{2}\.ics$/);
    const got = await download(a, value.download);
    expect(got.status).toBe(200);
    expect(String(got.headers['content-type'])).toMatch(/^text\/calendar/);
    expect(got.bytes.toString('utf8')).toContain('\r\nDTSTART:20270412T200000Z\r\n');
  });
});
