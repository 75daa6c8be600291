// `valija serve` as a user runs it: a child process on a real demo store, spoken to over real HTTP.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALIJA_BIN, valija } from '../helpers.js';

interface Served {
  child: ChildProcessWithoutNullStreams;
  url: string;
  port: number;
  token: string;
  dir: string;
  db: string;
  exited: Promise<number | null>;
}

async function serve(): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'valija-bridge-'));
  const db = join(dir, 'demo.db');
  const init = valija(['--db', db, 'init', '--demo']);
  expect(init.code, init.stderr).toBe(0);
  // A stand-in renderer, and a secret next to it that no path may reach.
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Valija</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  const child = spawn(process.execPath, [VALIJA_BIN, '--db', db, 'serve', '--port', '0'], {
    env: { ...process.env, VALIJA_DB: '', VALIJA_HOME: '', VALIJA_RENDERER: renderer },
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)$/.exec(first);
  if (!match) throw new Error(`unexpected first line: ${first}`);
  return { child, url: first, port: Number(match[1]), token: match[2]!, dir, db, exited };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

function call(
  served: Served,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? '127.0.0.1',
        port: served.port,
        path,
        method: options.method ?? 'POST',
        headers: { Host: `127.0.0.1:${served.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body) });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (served: Served, token = served.token) => ({
  'Content-Type': 'application/json',
  Authorization: `Bearer ${token}`,
});

describe('valija serve', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve();
  });
  afterAll(async () => {
    served.child.kill('SIGTERM');
    await served.exited;
    rmSync(served.dir, { recursive: true, force: true });
  });

  it('prints http://127.0.0.1:PORT/#token=TOKEN first, with at least 128 random bits of token', () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d{2,5}\/#token=[A-Za-z0-9_-]{22,}$/);
    expect(Buffer.from(served.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(served.port).toBeGreaterThan(0);
  });

  it('answers list {kind: meeting} with the three demo meetings', async () => {
    const answer = await call(served, '/api/list', { headers: json(served), body: '{"kind":"meeting"}' });
    expect(answer.status).toBe(200);
    const envelope = answer.json();
    expect(envelope.ok).toBe(true);
    const titles = (envelope.value as { title: string }[]).map((m) => m.title);
    expect(titles).toHaveLength(3);
    expect(titles.join('\n')).toMatch(/Ecuador/);
    expect(titles.join('\n')).toMatch(/Washington/);
    expect(answer.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });

  it('says the store holds the demo data (about)', async () => {
    const answer = await call(served, '/api/about', { headers: json(served), body: '{}' });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ ok: true, value: { demo: true } });
  });

  it('refuses a request without the token, or with a wrong one (401)', async () => {
    const none = await call(served, '/api/list', {
      headers: { 'Content-Type': 'application/json' },
      body: '{"kind":"meeting"}',
    });
    expect(none.status).toBe(401);
    expect(none.json().error?.code).toBe('E_UNAUTHORIZED');
    const wrongToken = served.token.slice(0, -1) + (served.token.endsWith('A') ? 'B' : 'A');
    const wrong = await call(served, '/api/list', {
      headers: json(served, wrongToken),
      body: '{"kind":"meeting"}',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain('Ecuador');
  });

  it('refuses a foreign Host or Origin (403), even with the right token', async () => {
    const host = await call(served, '/api/list', {
      headers: { ...json(served), Host: `evil.example:${served.port}` },
      body: '{"kind":"meeting"}',
    });
    expect(host.status).toBe(403);
    expect(host.json().error?.code).toBe('E_FORBIDDEN');
    const origin = await call(served, '/api/list', {
      headers: { ...json(served), Origin: 'http://evil.example' },
      body: '{"kind":"meeting"}',
    });
    expect(origin.status).toBe(403);
    const page = await call(served, '/', {
      method: 'GET',
      headers: { Host: `rebind.example:${served.port}` },
    });
    expect(page.status).toBe(403);
    const own = await call(served, '/api/list', {
      headers: {
        ...json(served),
        Origin: `http://localhost:${served.port}`,
        Host: `localhost:${served.port}`,
      },
      body: '{"kind":"meeting"}',
    });
    expect(own.status).toBe(200);
  });

  it('answers invalid input and invalid JSON with 400 and E_INVALID', async () => {
    const input = await call(served, '/api/list', { headers: json(served), body: '{"kind":"spaceship"}' });
    expect(input.status).toBe(400);
    expect(input.json()).toMatchObject({ ok: false, error: { code: 'E_INVALID' } });
    const broken = await call(served, '/api/list', { headers: json(served), body: '{"kind":' });
    expect(broken.status).toBe(400);
    expect(broken.json().error?.code).toBe('E_INVALID');
  });

  it('refuses a body over 1 MiB (413), declared or streamed', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(1024 * 1024 + 10) });
    const declared = await call(served, '/api/search', { headers: json(served), body: big });
    expect(declared.status).toBe(413);
    expect(declared.json().error?.code).toBe('E_TOO_LARGE');
    const streamed = await call(served, '/api/search', {
      headers: { ...json(served), 'Transfer-Encoding': 'chunked' },
      body: big,
    });
    expect(streamed.status).toBe(413);
  });

  it('answers an unknown method with 404 and a GET on a method with 405', async () => {
    const unknown = await call(served, '/api/dropTables', { headers: json(served), body: '{}' });
    expect(unknown.status).toBe(404);
    expect(unknown.json().error?.code).toBe('E_NOT_FOUND');
    const get = await call(served, '/api/list', { method: 'GET', headers: json(served) });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });

  it('maps a handler error code to its status (get of a missing record: 404)', async () => {
    const missing = await call(served, '/api/get', {
      headers: json(served),
      body: '{"kind":"meeting","id":"0195a000-0000-7000-8000-00000400ffff"}',
    });
    expect(missing.status).toBe(404);
    expect(missing.json().error?.code).toBe('E_NOT_FOUND');
  });

  it('serves the renderer with the security headers, and nothing outside its folder', async () => {
    const page = await call(served, '/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Valija</title>');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await call(served, '/assets/app.js', { method: 'GET' })).status).toBe(200);
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const answer = await call(served, path, { method: 'GET' });
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('SECRET');
    }
  });

  it('streams progress as server-sent events to a client holding the token', async () => {
    expect((await call(served, '/api/events', { method: 'GET' })).status).toBe(401);
    const first = await new Promise<{ status: number; type?: string; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: served.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${served.port}`, Authorization: `Bearer ${served.token}` },
        },
        (res) => {
          res.once('data', (chunk: Buffer) => {
            resolve({ status: res.statusCode!, type: res.headers['content-type'], text: chunk.toString() });
            req.destroy();
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(first.status).toBe(200);
    expect(first.type).toMatch(/^text\/event-stream/);
    expect(first.text).toMatch(/^event: ready\n/);
  });

  it('runs an export as a job and streams its progress to the event stream', async () => {
    const events: { kind: string; phase: string }[] = [];
    let finished!: () => void;
    let attached!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const ready = new Promise<void>((resolve) => (attached = resolve));
    const stream = request(
      {
        host: '127.0.0.1',
        port: served.port,
        path: '/api/events',
        headers: { Host: `127.0.0.1:${served.port}`, Authorization: `Bearer ${served.token}` },
      },
      (res) => {
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          if (buffer.includes('event: ready')) attached();
          for (const frame of buffer.split('\n\n').slice(0, -1)) {
            const data = /^event: progress\ndata: (.*)$/m.exec(frame)?.[1];
            if (data) events.push(JSON.parse(data));
          }
          const end = buffer.lastIndexOf('\n\n');
          if (end >= 0) buffer = buffer.slice(end + 2);
          if (events.some((e) => e.phase === 'done')) finished();
        });
      },
    );
    stream.end();
    await ready; // the stream is attached before the job starts
    const answer = await call(served, '/api/exportPackage', { headers: json(served), body: '{}' });
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ ok: true, value: { download: expect.any(String) } });
    await done;
    stream.destroy();
    expect(events[0]).toMatchObject({ kind: 'export', phase: 'running' });
    expect(events.at(-1)).toMatchObject({ kind: 'export', phase: 'done' });
  });

  it('listens on 127.0.0.1 only', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    // ::1 is loopback too, but not the address the server was told to use.
    for (const address of [...others, '::1']) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: served.port }, () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });
});

describe('files through valija serve: never a path on the serving computer', () => {
  let a: Served;
  let b: Served;
  beforeAll(async () => {
    [a, b] = await Promise.all([serve(), serve()]);
  });
  afterAll(async () => {
    for (const served of [a, b]) {
      served.child.kill('SIGTERM');
      await served.exited;
      rmSync(served.dir, { recursive: true, force: true });
    }
  });

  const api = (served: Served, method: string, input: unknown) =>
    call(served, `/api/${method}`, { headers: json(served), body: JSON.stringify(input) });
  const upload = (served: Served, body: Buffer, headers: Record<string, string> = {}) =>
    call(served, '/api/upload', {
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

  it('does not attach or save documents by path from a page (501 E_NOT_AVAILABLE), reading and writing nothing', async () => {
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
      expect(answer.status).toBe(501);
      expect(answer.json().error?.code).toBe('E_NOT_AVAILABLE');
    }
    expect(existsSync(out)).toBe(false);
    expect((await api(a, 'documents', { targetKind: 'meeting', targetId: meetingId })).json().value).toEqual(
      [],
    );
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
    expect(fetched.headers['content-disposition']).toMatch(/^attachment; filename="[\w.-]+\.valija"$/);
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
});

describe('stopping valija serve', () => {
  it('closes the store and exits 0 on SIGTERM', async () => {
    const served = await serve();
    try {
      const answer = await call(served, '/api/dump', { headers: json(served), body: '{}' });
      expect(answer.status).toBe(200);
      served.child.kill('SIGTERM');
      expect(await served.exited).toBe(0);
      // The last connection closed cleanly: SQLite checkpointed and removed the write-ahead log.
      expect(existsSync(`${served.db}-wal`)).toBe(false);
    } finally {
      rmSync(served.dir, { recursive: true, force: true });
    }
  });

  it('refuses a port that is not a number (usage error, exit 2)', () => {
    const result = valija(['--db', join(tmpdir(), 'none.db'), 'serve', '--port', 'eighty']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error\[E_USAGE\]/);
  });
});
