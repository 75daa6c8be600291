// Crash safety of `valija encrypt` and `valija rekey`: the process killed with SIGKILL at each step of the
// conversion, and at random moments, leaves a store that opens with the old key (or in plaintext) or with
// the new one, passes integrity_check and holds the same records.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../db/canonical.js';
import { connectRaw, isPlaintextDatabase } from '../../db/connection.js';
import { sharedState } from '../../db/reader.js';
import { putRecords } from '../../db/writer.js';
import { encryptStore } from '../../electron/keys/convert.js';
import { openKeyedStore } from '../../electron/keys/open.js';
import { unlockStore } from '../../electron/keys/unlock.js';
import { backupStore } from '../../electron/sync/backups.js';
import { ROOT, tempDir } from '../helpers.js';

const CHILD = join(ROOT, 'tests', 'integration', 'crash-convert.mjs');
const OLD = 'correct horse battery staple lima';
const NEW = 'purple elephant dances quietly tonight';
const RANDOM_KILLS = Number(process.env.VALIJA_CRASH_RUNS ?? 10);

type Operation = 'encrypt' | 'rekey';

interface Outcome {
  /** Which passphrase opened the store after the kill ('plaintext' for an encrypt killed before its swap). */
  opensWith: 'plaintext' | 'old' | 'new';
  integrity: string;
  dump: string;
}

/** How the killed store opens now, and what it holds; a backup must open too. */
function inspect(file: string): Outcome {
  let opensWith: Outcome['opensWith'];
  let key: Buffer | undefined;
  if (isPlaintextDatabase(file)) {
    opensWith = 'plaintext';
  } else {
    key = tryUnlock(file, OLD);
    opensWith = key ? 'old' : 'new';
    key ??= unlockStore(file, { passphrase: NEW }).key;
  }
  const store = openKeyedStore(file, key);
  try {
    return {
      opensWith,
      integrity: store.db.pragma('integrity_check', { simple: true }) as string,
      dump: canonicalJson(sharedState(store.db)),
    };
  } finally {
    store.close();
  }
}

function tryUnlock(file: string, passphrase: string): Buffer | undefined {
  try {
    return unlockStore(file, { passphrase }).key;
  } catch (error) {
    if ((error as { code?: string }).code === 'E_PASSPHRASE') return undefined;
    throw error;
  }
}

/** A backup opens with one of the two passphrases (or is plaintext, before an encrypt reached it). */
function backupOpens(file: string): boolean {
  if (isPlaintextDatabase(file)) return true;
  const key = tryUnlock(file, OLD) ?? tryUnlock(file, NEW);
  if (!key) return false;
  const db = connectRaw(file, { key, readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
}

/** Runs the child; kills it at its `killAtStep`-th step report, or after `killAfterMs`. */
function convertKilled(
  operation: Operation,
  file: string,
  kill: { atStep: number } | { afterMs: number },
): Promise<{ steps: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, operation, file], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: {
        ...process.env,
        PAUSE: 'atStep' in kill ? '1' : '',
        OLD_PASSPHRASE: OLD,
        NEW_PASSPHRASE: NEW,
      },
    });
    const steps: string[] = [];
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (data: string) => {
      output += data;
      for (let end = output.indexOf('\n'); end >= 0; end = output.indexOf('\n')) {
        const line = JSON.parse(output.slice(0, end)) as { step?: string };
        output = output.slice(end + 1);
        if (line.step) steps.push(line.step);
        if (!('atStep' in kill) || !line.step) continue;
        if (steps.length < kill.atStep) child.stdin.write('.');
        else child.kill('SIGKILL');
      }
    });
    const timer = 'afterMs' in kill ? setTimeout(() => child.kill('SIGKILL'), kill.afterMs) : undefined;
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ steps, killed: signal === 'SIGKILL' });
    });
  });
}

/** A plaintext store with a few thousand records and a backup, and its encrypted twin. */
function stores(dir: string): { plain: string; encrypted: string; dump: string } {
  const plain = join(dir, 'plain', 'valija.db');
  mkdirSync(join(dir, 'plain'));
  const store = openKeyedStore(plain, undefined, { create: true });
  putRecords(
    store.writer,
    'party',
    Array.from({ length: 2_000 }, (_, i) => ({ name: `Contraparte ${i}`, profile: 'Perfil '.repeat(30) })),
  );
  backupStore(store, 'one', new Date(Date.UTC(2026, 0, 1)));
  const dump = canonicalJson(sharedState(store.db));
  store.close();
  cpSync(join(dir, 'plain'), join(dir, 'encrypted'), { recursive: true });
  const encrypted = join(dir, 'encrypted', 'valija.db');
  encryptStore(encrypted, { passphrase: OLD });
  return { plain, encrypted, dump };
}

/** A fresh copy of a store's folder to kill a conversion in. */
function copyOf(store: string, dir: string, name: string): string {
  const target = join(dir, name);
  cpSync(join(store, '..'), target, { recursive: true });
  return join(target, 'valija.db');
}

/** A seeded generator, so a failing run can be repeated (the seed is in the test's name). */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.VALIJA_CRASH_SEED ?? Date.now() % 100_000);

describe('encrypt and rekey killed at any moment', () => {
  for (const operation of ['encrypt', 'rekey'] as const) {
    it(
      `${operation}: killed at each step, the store opens with the old or the new key`,
      { timeout: 300_000 },
      async () => {
        const dir = tempDir();
        const { plain, encrypted, dump } = stores(dir);
        const source = operation === 'encrypt' ? plain : encrypted;
        const full = await convertKilled(operation, copyOf(source, dir, 'full'), { atStep: Infinity });
        // The backup and the store, each copied, recorded, swapped and settled.
        expect(full.steps).toHaveLength(2 * 4);
        const seen = new Set<string>();
        for (let step = 1; step <= full.steps.length; step++) {
          const file = copyOf(source, dir, `step-${step}`);
          const { killed } = await convertKilled(operation, file, { atStep: step });
          expect(killed).toBe(true);
          const after = inspect(file);
          expect(after.integrity).toBe('ok');
          expect(after.dump).toBe(dump);
          seen.add(after.opensWith);
          for (const backup of ['valija-20260101T000000Z-one.db']) {
            expect(backupOpens(join(file, '..', 'backups', backup))).toBe(true);
          }
        }
        // Both sides of the swap were reached.
        expect(seen).toEqual(new Set([operation === 'encrypt' ? 'plaintext' : 'old', 'new']));
      },
    );

    it(
      `${operation}: killed at ${RANDOM_KILLS} random moments (seed ${SEED})`,
      { timeout: 300_000 },
      async () => {
        const random = mulberry32(SEED + (operation === 'rekey' ? 1 : 0));
        const dir = tempDir();
        const { plain, encrypted, dump } = stores(dir);
        const source = operation === 'encrypt' ? plain : encrypted;
        const started = performance.now();
        await convertKilled(operation, copyOf(source, dir, 'timed'), { afterMs: 60_000 });
        const duration = performance.now() - started;
        for (let run = 0; run < RANDOM_KILLS; run++) {
          const file = copyOf(source, dir, `random-${run}`);
          await convertKilled(operation, file, { afterMs: Math.floor(random() * duration) });
          const after = inspect(file);
          expect(after.integrity).toBe('ok');
          expect(after.dump).toBe(dump);
        }
      },
    );
  }
});
