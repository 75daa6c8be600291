// Shared test helpers: temporary folders, stores, and running the real `valija` command.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../db/store.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const VALIJA_BIN = join(ROOT, 'bin', 'valija.js');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh folder removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'valija-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh store on a real file, closed after the test; its wall clock advances 1 ms per read. */
export function tempStore(options: { start?: number } = {}): Store {
  let clock = options.start ?? Date.parse('2026-03-01T09:00:00Z');
  const store = openStore(join(tempDir(), 'store.db'), { create: true, now: () => clock++ });
  cleanups.push(() => store.close());
  return store;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: () => unknown;
}

/** Runs the built `valija` command as a user would. */
export function valija(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [VALIJA_BIN, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, VALIJA_DB: '', VALIJA_HOME: '', ...options.env },
  });
  return {
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    json: () => JSON.parse(result.stdout),
  };
}
