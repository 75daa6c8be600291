// `valija serve` started as a user starts it, for the bridge tests: a child process on a fresh demo store,
// and plain HTTP calls to it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect } from 'vitest';
import { VALIJA_BIN, valija } from '../helpers.js';

export interface Served {
  child: ChildProcessWithoutNullStreams;
  url: string;
  port: number;
  token: string;
  dir: string;
  db: string;
  exited: Promise<number | null>;
}

export async function serve(env: Record<string, string> = {}): Promise<Served> {
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
    env: { ...process.env, VALIJA_DB: '', VALIJA_HOME: '', VALIJA_RENDERER: renderer, ...env },
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

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

export function call(
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

export const json = (served: Served, token = served.token) => ({
  'Content-Type': 'application/json',
  Authorization: `Bearer ${token}`,
});

/** Stops a served store and removes its folder. */
export async function stop(served: Served): Promise<void> {
  served.child.kill('SIGTERM');
  await served.exited;
  rmSync(served.dir, { recursive: true, force: true });
}
