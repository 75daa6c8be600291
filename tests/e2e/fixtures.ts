// A `valija serve` child process on a fresh demo store, for the browser tests: plaintext (most tests), encrypted
// and served locked (the page unlocks it), or missing (the page's first run creates it).
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

/** The encrypted demo store's recovery passphrase (in E2E_PASSPHRASE_ENV for the CLI). */
export const E2E_PASSPHRASE = 'tumbes quito loja cuenca';
export const E2E_PASSPHRASE_ENV = 'VALIJA_E2E_PASSPHRASE';

export type StoreKind = 'plaintext' | 'encrypted' | 'missing';

export async function serveDemo(store: StoreKind = 'plaintext'): Promise<ServedApp> {
  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
    throw new Error('the renderer is not built: run `npm run build:renderer` (npm run test:e2e does it)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'valija-e2e-'));
  const db = join(dir, 'demo.db');
  const env = { ...process.env, VALIJA_DB: '', VALIJA_HOME: dir, [E2E_PASSPHRASE_ENV]: E2E_PASSPHRASE };
  if (store !== 'missing') {
    const encrypt = store === 'encrypted' ? ['--new-passphrase-env', E2E_PASSPHRASE_ENV] : [];
    const init = spawnSync(process.execPath, [VALIJA_BIN, '--db', db, 'init', '--demo', ...encrypt], {
      env,
      encoding: 'utf8',
    });
    if (init.status !== 0) throw new Error(`valija init --demo failed: ${init.stderr}`);
  }
  // Served without --unlock-env: an encrypted store waits, locked, for the page.
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
export function serveDemoForFile(
  prepare?: (served: ServedApp) => void,
  store: StoreKind = 'plaintext',
): () => ServedApp {
  let app: ServedApp | undefined;
  test.beforeAll(async () => {
    app = await serveDemo(store);
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
