// A `valija serve` child process on a fresh demo store, for the browser tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VALIJA_BIN = join(ROOT, 'bin', 'valija.js');

export interface ServedApp {
  url: string;
  /** The temporary folder holding the store (files the tests write go here too). */
  dir: string;
  db: string;
  /** Runs the `valija` CLI on the same store (JSON on stdout parsed; throws on a non-zero exit). */
  cli(args: string[], input?: string): unknown;
  stop(): Promise<void>;
}

export async function serveDemo(): Promise<ServedApp> {
  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
    throw new Error('the renderer is not built: run `npm run build:renderer` (npm run test:e2e does it)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'valija-e2e-'));
  const db = join(dir, 'demo.db');
  const env = { ...process.env, VALIJA_DB: '', VALIJA_HOME: dir };
  const init = spawnSync(process.execPath, [VALIJA_BIN, '--db', db, 'init', '--demo'], {
    env,
    encoding: 'utf8',
  });
  if (init.status !== 0) throw new Error(`valija init --demo failed: ${init.stderr}`);
  const child: ChildProcess = spawn(process.execPath, [VALIJA_BIN, '--db', db, 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`valija serve exited with ${code}`)));
  });
  const cli = (args: string[], input?: string) => {
    const run = spawnSync(process.execPath, [VALIJA_BIN, '--db', db, ...args], {
      env,
      input,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`valija ${args.join(' ')} failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as unknown;
  };
  return {
    url,
    dir,
    db,
    cli,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A demo store served for the tests of one spec file: started before them (then `prepare`d, e.g. given
 * more records), stopped after. The returned function gives it once the tests run.
 */
export function serveDemoForFile(prepare?: (served: ServedApp) => void): () => ServedApp {
  let app: ServedApp | undefined;
  test.beforeAll(async () => {
    app = await serveDemo();
    prepare?.(app);
  });
  test.afterAll(async () => {
    await app?.stop();
  });
  return () => {
    if (!app) throw new Error('the demo store is served once the tests of this file run');
    return app;
  };
}
