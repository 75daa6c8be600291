// `valija serve` as a user runs it: a child process on a real demo store, spoken to over real HTTP.
import { existsSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valija } from '../helpers.js';

import { call, json, serve, stop, type Served } from './served.js';

describe('valija serve', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve();
  });
  afterAll(() => stop(served));

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
